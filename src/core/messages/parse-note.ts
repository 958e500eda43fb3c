// Markdown note → SourceNote, line by line with a few regular expressions: no markdown AST, because the
// model is rebuilt over whole vaults and remark costs ~100× more for the little structure needed here.
import { frontmatterBounds, parseFrontmatterLines } from './frontmatter';
import { DISMISSED_PROPERTY, EXPORT_PROPERTY, MESSAGES_PROPERTY, readMessageMarks } from './marks';
import { settled } from './arrays';
import { isSpace } from './sentences';
import type { SourceLink, SourceNote, SourceParagraph } from './source-note';

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}(\s|$)/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[.\]\s+)?/;
const QUOTE = /^\s{0,3}>\s?/;
const LONE_BLOCK_ID = /^\s*\^([A-Za-z0-9-]+)\s*$/;
const TABLE_ROW = /^\s*\|/;
// Wikilinks (with embeds), markdown links (with images), and the emphasis marks a reader does not see.
const INLINE = /(!?)\[\[([^\]|#^]*)((?:#[^\]|]*)?)(?:\|([^\]]*))?\]\]|(!?)\[([^\]]*)\]\(<?([^)\s>]*)>?(?:\s+"[^"]*")?\)|\*\*|__|==/g;

/** The frontmatter keys sourceNote reads; imported notes carry many more (topics, regions, hashes…). */
const META_KEYS: ReadonlySet<string> = new Set(['title', 'publisher', 'outlet', 'authors', 'author', 'published', 'date', 'envoy_duplicate_of', EXPORT_PROPERTY, MESSAGES_PROPERTY, DISMISSED_PROPERTY]);

// Every note and paragraph parsed is kept by the index, so what they hold is what a rebuild's collector copies:
// notes without marks and paragraphs without links share one empty list, and link targets ("Seoul", repeated
// across the vault) share one string each.
const NO_LINKS: SourceLink[] = [];
const NO_MARKS: SourceNote['marks'] = [];
const targets = new Map<string, string>();

function intern(s: string): string {
	const known = targets.get(s);
	if (known !== undefined) return known;
	// Bounded: a vault of unusual link targets must not grow this without end.
	if (targets.size >= 50_000) targets.clear();
	targets.set(s, s);
	return s;
}

export function parseSourceNote(path: string, markdown: string): SourceNote {
	// A plain split is several times faster than a regex one; the regex only for files with CRLF endings.
	const lines = markdown.includes('\r') ? markdown.split(/\r?\n/) : markdown.split('\n');
	const bounds = frontmatterBounds(lines);
	const frontmatter = bounds ? parseFrontmatterLines(lines, META_KEYS, 1, bounds.end) : {};
	return sourceNote(path, frontmatter, parseParagraphs(lines, bounds ? bounds.bodyStart : 0));
}

/** The note's metadata from a frontmatter object (ours, or Obsidian's `metadataCache` one). */
export function readSourceMeta(path: string, frontmatter: Record<string, unknown>): Omit<SourceNote, 'paragraphs'> {
	const { paragraphs, ...meta } = sourceNote(path, frontmatter, []);
	void paragraphs;
	return meta;
}

// One object literal with every field, rather than metadata spread into a note: a spread costs a dictionary
// copy per note, which a 10,000-note rebuild notices.
function sourceNote(path: string, frontmatter: Record<string, unknown>, paragraphs: SourceParagraph[]): SourceNote {
	const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
	const authors = frontmatter.authors ?? frontmatter.author;
	const published = frontmatter.published ?? frontmatter.date;
	const names: string[] = [];
	for (const a of Array.isArray(authors) ? authors : [authors]) {
		const name = str(a);
		if (name !== null) names.push(unlink(name) ?? name);
	}
	return {
		path,
		title: str(frontmatter.title) ?? basename(path),
		outlet: unlink(str(frontmatter.publisher) ?? str(frontmatter.outlet)),
		authors: settled(names),
		published: published instanceof Date ? published.toISOString().slice(0, 10) : str(published),
		duplicateOf: unlink(str(frontmatter.envoy_duplicate_of)),
		exported: frontmatter[EXPORT_PROPERTY] !== undefined && frontmatter[EXPORT_PROPERTY] !== null,
		marks: frontmatter[MESSAGES_PROPERTY] === undefined && frontmatter[DISMISSED_PROPERTY] === undefined ? NO_MARKS : readMessageMarks(frontmatter),
		paragraphs,
	};
}

export function basename(path: string): string {
	const file = path.slice(path.lastIndexOf('/') + 1);
	return file.toLowerCase().endsWith('.md') ? file.slice(0, -3) : file;
}

/** `[[A|b]]` → "b", `[[A]]` → "A", anywhere in a frontmatter string ("Daily [[Outlet]]"). */
function unlink(s: string | null): string | null {
	if (s === null || !s.includes('[[')) return s;
	// The usual case, one whole link ("[[Ana Sorel]]"), without a regular expression and its callback.
	const inner = s.length > 4 && s.startsWith('[[') && s.endsWith(']]') ? s.slice(2, -2) : null;
	if (inner !== null && !inner.includes('[') && !inner.includes(']')) {
		const bar = inner.indexOf('|');
		if (bar >= 0) return inner.slice(bar + 1).trim();
		const hash = inner.indexOf('#');
		return (hash >= 0 ? inner.slice(0, hash) : inner).trim();
	}
	return s.replace(/\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g, (_, target: string, alias: string | undefined) => (alias ?? target).trim()).trim();
}

function parseParagraphs(lines: string[], from: number): SourceParagraph[] {
	const out: SourceParagraph[] = [];
	let buf: string[] = [];
	let bufLine = 0;
	let section = 0;
	let fence: string | null = null;
	let inComment = false;
	// A lone `^id` line names the block just before it (Obsidian's form for lists and quotes).
	let lastFlushedEndsAt = -2;
	const flush = (endLine: number): void => {
		if (buf.length === 0) return;
		const p = toParagraph(buf.length === 1 ? buf[0] : buf.join('\n'), bufLine, section);
		if (p.text.trim() !== '') {
			out.push(p);
			lastFlushedEndsAt = endLine;
		}
		buf = [];
	};
	for (let i = from; i < lines.length; i++) {
		const line = lines[i];
		if (fence !== null) {
			if (line.trimStart().startsWith(fence)) fence = null;
			continue;
		}
		if (inComment) {
			if (line.includes('%%')) inComment = false;
			continue;
		}
		let at = 0;
		while (at < line.length && isSpace(line.charCodeAt(at))) at++;
		if (at === line.length) {
			flush(i);
			continue;
		}
		// Prose lines start with a letter or a quote: only the others need the block-structure tests below.
		if (isPlainStart(line.charCodeAt(at))) {
			if (buf.length === 0) bufLine = i;
			buf.push(at === 0 && !isSpace(line.charCodeAt(line.length - 1)) ? line : line.trim());
			continue;
		}
		const f = FENCE.exec(line);
		if (f) {
			flush(i);
			fence = f[1];
			continue;
		}
		if (line.startsWith('%%', at) && !line.slice(at + 2).includes('%%')) {
			flush(i);
			inComment = true;
			continue;
		}
		const lone = LONE_BLOCK_ID.exec(line);
		if (lone) {
			if (buf.length > 0) flush(i);
			const last = out[out.length - 1];
			if (last && last.block === null && lastFlushedEndsAt >= i - 2) last.block = lone[1];
			continue;
		}
		if (HEADING.test(line) || RULE.test(line) || TABLE_ROW.test(line)) {
			flush(i);
			if (HEADING.test(line)) section++;
			continue;
		}
		let content = line;
		const q = QUOTE.exec(content);
		if (q) content = content.slice(q[0].length);
		const li = LIST_ITEM.exec(content);
		if (li) {
			// Every list item is its own block in Obsidian, with its own block id.
			flush(i);
			content = content.slice(li[0].length);
		}
		if (buf.length === 0) bufLine = i;
		buf.push(content.trim());
	}
	flush(lines.length);
	return settled(out);
}

/** A letter or an opening quote/bracket: a line that cannot open a heading, list, quote, fence, table or block id. */
function isPlainStart(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 34 || c === 39 || c === 40 || c > 127;
}

/**
 * One paragraph's Markdown (as a metadataCache section spans it) → plain text, links and block id.
 * Lets the plugin build a SourceNote from Obsidian's cache without going through `parseSourceNote`.
 */
export function paragraphFromMarkdown(raw: string, line: number, section = 0): SourceParagraph {
	return toParagraph(raw, line, section);
}

function toParagraph(raw: string, line: number, section: number): SourceParagraph {
	let block: string | null = null;
	const caret = raw.lastIndexOf('^');
	if (caret === 0 || (caret > 0 && isSpace(raw.charCodeAt(caret - 1)))) {
		// `^id` then only whitespace: the block id.
		let end = caret + 1;
		while (end < raw.length && isIdChar(raw.charCodeAt(end))) end++;
		let rest = end;
		while (rest < raw.length && isSpace(raw.charCodeAt(rest))) rest++;
		if (end > caret + 1 && rest === raw.length) {
			block = raw.slice(caret + 1, end);
			// Cut before the spaces that led up to the id too: one slice rather than a slice and a trim.
			let cut = caret;
			while (cut > 0 && isSpace(raw.charCodeAt(cut - 1))) cut--;
			raw = raw.slice(0, cut);
		}
	}
	// Most paragraphs are plain prose: without any of the characters that open a link or an emphasis mark,
	// the text is the raw text.
	if (raw.indexOf('[') < 0 && raw.indexOf('*') < 0 && raw.indexOf('_') < 0 && raw.indexOf('=') < 0) {
		return { line, block, text: raw.trimEnd(), links: NO_LINKS, section };
	}
	const links: SourceLink[] = [];
	// Pieces joined once, rather than appended: `+=` leaves a rope that every later character read walks.
	const parts: string[] = [];
	let length = 0;
	const add = (piece: string): void => {
		parts.push(piece);
		length += piece.length;
	};
	let last = 0;
	INLINE.lastIndex = 0;
	for (let m = INLINE.exec(raw); m !== null; m = INLINE.exec(raw)) {
		add(raw.slice(last, m.index));
		last = m.index + m[0].length;
		if (m[2] !== undefined) {
			if (m[1] === '!') continue;
			const target = linkTarget(m[2]);
			const shown = m[4] ?? (m[2] === '' ? m[3].replace(/^#\^?/, '') : m[2]);
			if (target !== '') links.push({ target: intern(target), start: length, end: length + shown.length });
			add(shown);
		} else if (m[6] !== undefined) {
			if (m[5] === '!') continue;
			const href = m[7];
			if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && href !== '' && !href.startsWith('#')) {
				links.push({ target: intern(linkTarget(safeDecode(href))), start: length, end: length + m[6].length });
			}
			add(m[6]);
		}
	}
	add(raw.slice(last));
	const text = parts.join('');
	if (links.length === 0) return { line, block, text: text.trimEnd(), links: NO_LINKS, section };
	// Removed markup can leave trailing spaces; trimming the end keeps offsets valid.
	return { line, block, text: text.trimEnd(), links: settled(links), section };
}

function isIdChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

function linkTarget(raw: string): string {
	if (!raw.includes('#') && !raw.includes('/') && !raw.includes('.') && raw.trim() === raw) return raw;
	const noAnchor = raw.split('#')[0].trim();
	return basename(noAnchor);
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}
