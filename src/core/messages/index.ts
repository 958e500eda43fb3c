// Messages to capitals: which passages in the reader's notes carry a message to which capital.
export type { CapitalInfo, MessageMark, MessagePassage, SourceLink, SourceNote, SourceParagraph } from './source-note';
export { parseSourceNote, readSourceMeta, paragraphFromMarkdown } from './parse-note';
export { splitSentences, type SentenceSpan } from './sentences';
export { CapitalResolver, type Mention } from './capitals';
export { detectMessages, type DetectedPassage, type MentionRef, type NoteDetection } from './detect';
export { MESSAGES_PROPERTY, DISMISSED_PROPERTY, EXPORT_PROPERTY, readMessageMarks, addMessageMark, removeMessageMark, parseMarkEntry, formatMarkEntry, type MarkAction } from './marks';
export { withBlockId } from './block-id';
export { MessagesIndex, type ModelOptions } from './index-model';
export { exportMessagesMarkdown, blockLink, type ExportOptions } from './export';
export { formatMessagesText, type FormatOptions } from './format';
