// The reader's verdicts, kept in the source note's own frontmatter so they travel with the note:
//   envoy_messages:  ["^a1b2c3 > Tokyo"]   this paragraph is a message to Tokyo (confirms or adds one)
//   envoy_dismissed: ["^d4e5f6 > Seoul"]   it is not one, whatever the detector thinks
// Readers may write `->`, `→` or `=>` for `>`, drop the `^`, or link the capital (`[[Tokyo]]`).
import type { MessageMark } from './source-note';

export const MESSAGES_PROPERTY = 'envoy_messages';
export const DISMISSED_PROPERTY = 'envoy_dismissed';
/** Marks a note written by "Export messages to a note"; the index never reads such a note as a source. */
export const EXPORT_PROPERTY = 'envoy_export';

const ENTRY = /^\s*\^?([A-Za-z0-9-]+?)\s*(?:->|=>|→|⟶|>)\s*(?:\[\[)?([^\]|#]+?)(?:\|[^\]]*)?(?:\]\])?\s*$/;

/** What the reader can do to a passage from the view: `clear` forgets their verdict, so the detector decides again. */
export type MarkAction = 'confirm' | 'dismiss' | 'clear';

export function parseMarkEntry(entry: string, verdict: MessageMark['verdict']): MessageMark | null {
	const m = ENTRY.exec(entry);
	return m ? { block: m[1], capital: m[2].trim(), verdict } : null;
}

export function formatMarkEntry(mark: { block: string; capital: string }): string {
	return `^${mark.block} > ${mark.capital}`;
}

export function readMessageMarks(frontmatter: Record<string, unknown>): MessageMark[] {
	const out: MessageMark[] = [];
	const read = (key: string, verdict: MessageMark['verdict']): void => {
		const v = frontmatter[key];
		for (const e of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
			const mark = typeof e === 'string' ? parseMarkEntry(e, verdict) : null;
			if (mark) out.push(mark);
		}
	};
	read(MESSAGES_PROPERTY, 'message');
	// A dismissal wins over a confirmation of the same pair: the reader's "no" is the safer reading.
	read(DISMISSED_PROPERTY, 'dismissed');
	return out;
}

/** Records the reader's verdict, replacing any earlier verdict on the same block and capital. Mutates `frontmatter`. */
export function addMessageMark(frontmatter: Record<string, unknown>, mark: MessageMark): void {
	removeMessageMark(frontmatter, mark);
	const key = mark.verdict === 'message' ? MESSAGES_PROPERTY : DISMISSED_PROPERTY;
	const current = frontmatter[key];
	const list = Array.isArray(current) ? current.filter((e): e is string => typeof e === 'string') : typeof current === 'string' ? [current] : [];
	list.push(formatMarkEntry(mark));
	frontmatter[key] = list;
}

/** Forgets the reader's verdict on a block and capital (either kind); drops a property left empty. Mutates `frontmatter`. */
export function removeMessageMark(frontmatter: Record<string, unknown>, mark: { block: string; capital: string }): void {
	for (const key of [MESSAGES_PROPERTY, DISMISSED_PROPERTY]) {
		const current = frontmatter[key];
		if (current === undefined) continue;
		const list = Array.isArray(current) ? current : [current];
		const kept = list.filter((e) => {
			if (typeof e !== 'string') return true;
			const m = parseMarkEntry(e, 'message');
			return !(m && m.block === mark.block && m.capital.toLowerCase() === mark.capital.toLowerCase());
		});
		if (kept.length === 0) delete frontmatter[key];
		else frontmatter[key] = kept;
	}
}
