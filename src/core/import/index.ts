// Public surface of the import stage.
export { decodeSource, DEFAULT_MAX_BYTES, type DecodeOptions, type DecodeResult } from './decode';
export { hash53, hash64 } from './hash';
export { BlockIdAllocator, normaliseForId, stripBlockIds } from './block-ids';
export { cleanNoteName, joinVaultPath, noteNameOf, safeNoteName } from './names';
export { bodyHash, outletsOf, personLink, renderArticleNote, renderBody, sourceHash, type NoteMeta } from './render';
export { readProperties, splitNote } from './frontmatter';
export { articleText, DUPLICATE_DEFAULTS, DuplicateFinder, fingerprintText, metadataRichness, pickCanonical, type DuplicateMatch, type DuplicateOptions, type TextFingerprint } from './duplicates';
export { addCopies, conflictName, decideReimport, isEnvoyNote, mergeUpdate, type ReimportDecision } from './reimport';
export {
	importSources,
	noteBodyText,
	prepareText,
	type PrepareContext,
	type PrepareJob,
	type PreparedText,
	type ExtractContext,
	type ImportedNote,
	type ImportOptions,
	type ImportResult,
	type NoteStore,
	type SourceFile,
} from './run';
