// Link syntax and position splicing: the only bytes that change are the inserted brackets, target
// and alias (plus a line break inside a matched name, which a wikilink cannot hold).

import { makeRecord, type LinkRecord } from './records';
import { foldBreaks } from './tokens';

export type LinkFormat = 'wikilink' | 'markdown';

export interface Insertion {
	start: number;
	end: number;
	note: string;
	/** In a table row a wikilink alias bar must be escaped or it splits the cell. */
	inTable: boolean;
}

function encodeTarget(note: string): string {
	return encodeURIComponent(note + '.md').replace(/[()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Link text for a surface: a line break (with its indentation and quote markers) becomes one space so
 * the link stays on one line, or nothing after a hyphen.
 */
export function linkText(surface: string): string {
	return foldBreaks(surface);
}

export function renderLink(note: string, surface: string, format: LinkFormat, inTable: boolean): string {
	const text = linkText(surface);
	if (format === 'markdown') return `[${text}](${encodeTarget(note)})`;
	if (text === note) return `[[${note}]]`;
	return `[[${note}${inTable ? '\\|' : '|'}${text}]]`;
}

/** Applies non-overlapping insertions sorted by start, recording each link for unlinking. */
export function splice(md: string, ins: Insertion[], format: LinkFormat): { text: string; records: LinkRecord[] } {
	const parts: string[] = [];
	const records: LinkRecord[] = [];
	let last = 0;
	for (const x of ins) {
		parts.push(md.slice(last, x.start));
		const text = md.slice(x.start, x.end);
		const link = renderLink(x.note, text, format, x.inTable);
		records.push(makeRecord(md, x.start, x.end, x.note, link, text));
		parts.push(link);
		last = x.end;
	}
	parts.push(md.slice(last));
	return { text: parts.join(''), records };
}
