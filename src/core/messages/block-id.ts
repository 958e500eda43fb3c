// Gives a paragraph a block id (` ^abc123` at its end, as Obsidian does when a block link is copied), so the
// reader can mark a passage of a note that has none. Pure: the caller reads and writes the file.
import { paragraphFromMarkdown } from './parse-note';

// Lines that end a paragraph or begin a block of their own.
const BLOCK_START = /^\s*(?:$|[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|>|```|~~~|\||\^[A-Za-z0-9-]+\s*$|%%)/;

/**
 * `markdown` with a new block id after the paragraph that starts at 0-based `line`, provided that paragraph
 * still reads `text` (the note may have changed since it was indexed); null when it does not.
 */
export function withBlockId(markdown: string, line: number, text: string, random: () => number = Math.random): { markdown: string; block: string } | null {
	const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
	const lines = markdown.split(/\r?\n/);
	if (line < 0 || line >= lines.length || lines[line].trim() === '') return null;
	let last = line;
	// A list item or quote is one line here; a plain paragraph runs on until a blank line or another block.
	if (!/^\s*(?:[-*+]\s|\d{1,9}[.)]\s|>)/.test(lines[line])) {
		while (last + 1 < lines.length && !BLOCK_START.test(lines[last + 1])) last++;
	}
	const raw = lines
		.slice(line, last + 1)
		.map((l, i) => (i === 0 ? l.replace(/^\s*(?:[-*+]\s+|\d{1,9}[.)]\s+|>\s?)/, '') : l).trim())
		.join('\n');
	const current = paragraphFromMarkdown(raw, line);
	if (current.block !== null || current.text !== text) return null;
	let block = '';
	do block = Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
	while (markdown.includes(`^${block}`));
	lines[last] = `${lines[last].replace(/\s+$/, '')} ^${block}`;
	return { markdown: lines.join(eol), block };
}
