import { MessagesIndex, parseSourceNote, type MessagePassage } from '../../../src/core/messages';
import { CAPITALS } from './crude-notes';

/** A note as Envoy writes it: frontmatter, then one paragraph per string with block ids b0, b1, … */
export function noteText(paragraphs: string[], frontmatter: Record<string, string> = {}): string {
	const fm = Object.entries({ title: 'Test article', publisher: 'Test Outlet', published: '2020-01-01', ...frontmatter }).map(([k, v]) => `${k}: ${v}`);
	return `---\n${fm.join('\n')}\n---\n${paragraphs.map((p, i) => `${p} ^b${i}`).join('\n\n')}\n`;
}

/** The messages (not mentions, not dismissed) found in the given notes, flattened. */
export function messagesIn(notes: Record<string, string>, options: { showAllMentions?: boolean } = {}): MessagePassage[] {
	const index = new MessagesIndex();
	index.setCapitals(CAPITALS);
	for (const [path, md] of Object.entries(notes)) index.upsert(parseSourceNote(path, md));
	return index.model(options).capitals.flatMap((s) => s.messages as MessagePassage[]);
}

export function detect(...paragraphs: string[]): MessagePassage[] {
	return messagesIn({ 'Articles/a.md': noteText(paragraphs) });
}

/** "recipient<-sender@block" strings, sorted, for compact assertions. */
export function summary(ms: MessagePassage[]): string[] {
	return ms.map((m) => `${m.recipient}<-${m.sender ?? '?'}@${m.block ?? '-'}`).sort();
}
