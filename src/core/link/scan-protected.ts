// A single-pass scanner that says which bytes of a note are prose. It mirrors CommonMark's block
// structure line by line (as remark sees it), then scans each prose block inline. Obsidian syntax
// remark does not know (wikilinks, %%comments%%, $math$, #tags, ^block-ids, bare URLs) is protected
// on top. Wherever the two readings could differ, it protects more: a missed link is harmless, a
// link inside code or a URL breaks the note.

import { isSpaceCode as isSpaceCodeShared, isWordCode as isWordCodeShared } from './tokens';
// Module-local aliases: some loaders compile imports to property getters, which hot loops must not pay per character.
const isSpaceCode = isSpaceCodeShared;
const isWordCode = isWordCodeShared;


export type BlockKind = 'paragraph' | 'heading' | 'table';

/** A run of prose lines that forms one paragraph, heading or table row (the unit of `scope: 'paragraph'`). */
export interface ProseBlock {
	start: number;
	end: number;
	kind: BlockKind;
}

/** A link the note already has, by normalised target (lower case, no folder, no `.md`, no `#heading`). */
export interface ExistingLink {
	block: number;
	target: string;
}

export interface NoteScan {
	/** Sorted, merged, end-exclusive UTF-16 ranges that must never receive a link. */
	protected: Array<[number, number]>;
	blocks: ProseBlock[];
	links: ExistingLink[];
}

/** Protected ranges of a note: everything that is not linkable prose (headings excepted: they are an option). */
export function protectedRanges(markdown: string): Array<[number, number]> {
	return scanNote(markdown).protected;
}

interface LineInfo {
	/** Offset after blockquote markers. */
	content: number;
	quoteDepth: number;
	/** Column of the first non-blank character after the quote markers (tabs to multiples of 4). */
	indent: number;
	/** Offset of that character. */
	first: number;
	blank: boolean;
}

function analyseLine(md: string, start: number, end: number): LineInfo {
	let i = start;
	let quoteDepth = 0;
	let content = start;
	for (;;) {
		let j = i;
		let cols = 0;
		while (j < end && cols < 4 && (md.charCodeAt(j) === 32 || md.charCodeAt(j) === 9)) {
			cols += md.charCodeAt(j) === 9 ? 4 - (cols % 4) : 1;
			j++;
		}
		if (cols < 4 && j < end && md.charCodeAt(j) === 62 /* > */) {
			quoteDepth++;
			i = j + 1;
			if (i < end && md.charCodeAt(i) === 32) i++;
			content = i;
			continue;
		}
		break;
	}
	let col = 0;
	let j = content;
	while (j < end) {
		const c = md.charCodeAt(j);
		if (c === 32) col++;
		else if (c === 9) col += 4 - (col % 4);
		else if (c !== 13) break;
		j++;
	}
	return { content, quoteDepth, indent: col, first: j, blank: j >= end };
}

const FENCE_RE = /^(`{3,}|~{3,})([^\n]*)$/;
const ATX_RE = /^#{1,6}(?=[ \t]|$)/;
const SETEXT_RE = /^(?:=+|-+)[ \t\r]*$/;
const HR_RE = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/;
const LIST_RE = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|\r?$)/;
const DEF_RE = /^\[((?:[^\]\\]|\\.)+)\]:/;
const DELIM_RE = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t\r]*$/;
const HTML1_RE = /^<(?:script|pre|style|textarea)(?=[\s>]|$)/i;
const HTML1_END_RE = /<\/(?:script|pre|style|textarea)>/i;

function tableCells(row: string): number {
	let s = row.trim();
	if (s.startsWith('|')) s = s.slice(1);
	if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
	let n = 1;
	for (let i = 0; i < s.length; i++) {
		if (s.charCodeAt(i) === 92) i++;
		else if (s.charCodeAt(i) === 124) n++;
	}
	return n;
}

/** End-condition of an HTML block starting with `s`, or null when `s` does not start one. `''` means "until a blank line". */
function htmlBlockEnd(s: string): RegExp | string | null {
	if (s.charCodeAt(0) !== 60) return null;
	if (HTML1_RE.test(s)) return HTML1_END_RE;
	if (s.startsWith('<!--')) return '-->';
	if (s.startsWith('<?')) return '?>';
	if (s.startsWith('<![CDATA[')) return ']]>';
	if (/^<![A-Za-z]/.test(s)) return '>';
	// Types 6 and 7: any tag-like start protects to the blank line, even where CommonMark would call it inline HTML.
	if (/^<\/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)/.test(s)) return '';
	return null;
}

function endFound(line: string, end: RegExp | string): boolean {
	return typeof end === 'string' ? line.includes(end) : end.test(line);
}

export function normaliseLinkTarget(raw: string): string {
	let t = raw.trim();
	const hash = t.indexOf('#');
	if (hash >= 0) t = t.slice(0, hash);
	const slash = t.lastIndexOf('/');
	if (slash >= 0) t = t.slice(slash + 1);
	if (t.toLowerCase().endsWith('.md')) t = t.slice(0, -3);
	return t.trim().toLowerCase();
}

function markdownTarget(dest: string): string | null {
	let d = dest.trim();
	if (d.startsWith('<')) d = d.slice(1, d.indexOf('>') < 0 ? d.length : d.indexOf('>'));
	else d = d.split(/\s/)[0] ?? '';
	if (d.includes('://') || d.startsWith('mailto:')) return null;
	try {
		d = decodeURIComponent(d);
	} catch {
		// A malformed escape is kept as written.
	}
	return normaliseLinkTarget(d);
}

export function scanNote(md: string): NoteScan {
	const prot: Array<[number, number]> = [];
	const blocks: ProseBlock[] = [];
	const defs = new Set<string>();
	const len = md.length;

	// Line starts, so the table check can look one line ahead.
	const starts: number[] = [0];
	for (let i = md.indexOf('\n'); i >= 0; i = md.indexOf('\n', i + 1)) starts.push(i + 1);
	const lineCount = md.length > 0 && md.endsWith('\n') ? starts.length - 1 : starts.length;
	const lineEnd = (n: number): number => (n + 1 < starts.length ? starts[n + 1] - 1 : len);

	let line = 0;
	// Frontmatter: `---` on the first line, closed by `---` (micromark-extension-frontmatter, YAML).
	if (/^---[ \t]*\r?\n/.test(md)) {
		// Unclosed, remark's frontmatter attempt leaves the rest of the note parsed oddly (list items read
		// as text, fences opening elsewhere): nothing in such a note is safely prose.
		line = -1;
		for (let n = 1; n < lineCount; n++) {
			if (/^---[ \t]*\r?$/.test(md.slice(starts[n], lineEnd(n)))) {
				prot.push([0, lineEnd(n)]);
				line = n + 1;
				break;
			}
		}
		if (line < 0) return { protected: len > 0 ? [[0, len]] : [], blocks: [], links: [] };
	}

	type Mode = 'normal' | 'fence' | 'html' | 'indented' | 'table' | 'definition';
	let mode: Mode = 'normal';
	let fenceChar = 0;
	let fenceLen = 0;
	let fenceQuote = 0;
	let fenceMinIndent = 0;
	let htmlEnd: RegExp | string = '';
	let htmlQuote = 0;
	let htmlNested = false;
	let htmlBlankSeen = false;
	let htmlMinIndent = 0;
	let para = -1; // index of the open paragraph block
	let paraQuote = 0;
	// Content columns of the open list items, outermost first, and the quote depth they live at.
	let cols: number[] = [];
	let listQuote = 0;
	let emptyItem = false;
	const baseFor = (indent: number): number => {
		for (let k = cols.length - 1; k >= 0; k--) if (cols[k] <= indent) return cols[k];
		return 0;
	};
	let tableQuote = 0;
	let tableFirst = 0;

	const closePara = (): void => {
		para = -1;
	};

	for (; line < lineCount; line++) {
		const ls = starts[line];
		const le = lineEnd(line);
		const info = analyseLine(md, ls, le);

		if (mode === 'fence') {
			if (info.quoteDepth < fenceQuote || (!info.blank && info.indent < fenceMinIndent)) {
				mode = 'normal'; // the container ended, and with it the fence
			} else {
				prot.push([ls, le]);
				if (!info.blank && info.indent - fenceMinIndent < 4) {
					const s = md.slice(info.first, le);
					let k = 0;
					while (k < s.length && s.charCodeAt(k) === fenceChar) k++;
					if (k >= fenceLen && s.slice(k).trim() === '') mode = 'normal';
				}
				continue;
			}
		}
		if (mode === 'html') {
			if ((htmlEnd === '' && info.blank) || info.quoteDepth < htmlQuote || (!info.blank && info.indent < htmlMinIndent)) {
				mode = 'normal';
			} else {
				prot.push([ls, le]);
				if (info.blank) htmlBlankSeen = true;
				if (htmlEnd !== '' && endFound(md.slice(ls, le), htmlEnd)) {
					// Back to the blank-line reading if it has not ended yet.
					if (htmlNested && !htmlBlankSeen) htmlEnd = '';
					else mode = 'normal';
					htmlNested = false;
				} else if (htmlEnd === '') {
					// Our type-7 guess may be a paragraph to remark, and then this line may open a block
					// that runs past the blank line (`<pre>`, `<!--`): protect until both readings end.
					const inner = htmlBlockEnd(md.slice(info.first, le));
					if (inner !== null && inner !== '' && !endFound(md.slice(info.first + 2, le), inner)) {
						htmlEnd = inner;
						htmlNested = true;
						htmlBlankSeen = false;
					}
				}
				continue;
			}
		}
		if (mode === 'definition') {
			const raw = md.slice(info.first, le);
			if (SETEXT_RE.test(raw) && raw.trim() !== '') {
				prot.push([ls, le]);
				mode = 'normal';
				continue;
			}
			if (info.blank || !isParagraphText(raw) || LIST_RE.test(raw) || raw.startsWith('|')) mode = 'normal';
			else {
				prot.push([ls, le]);
				continue;
			}
		}
		if (mode === 'indented') {
			if (info.blank) continue;
			if (info.indent >= baseFor(info.indent) + 4) {
				prot.push([ls, le]);
				continue;
			}
			mode = 'normal';
		}
		if (info.blank) {
			// An item that starts empty ends at the first blank line.
			if (emptyItem) cols.pop();
			emptyItem = false;
			closePara();
			if (mode === 'table') mode = 'normal';
			continue;
		}
		if (info.content > ls) prot.push([ls, info.content]); // quote markers
		{
			// A line left of the item's content (or outside its blockquote) that does not lazily continue a paragraph ends the list.
			const raw = md.slice(info.first, le);
			const lazy = para >= 0 && info.quoteDepth <= paraQuote && isParagraphText(raw);
			if (cols.length > 0 && !(LIST_RE.test(raw) && !HR_RE.test(raw) && !(para >= 0 && SETEXT_RE.test(raw))) && !lazy) {
				if (info.quoteDepth < listQuote) cols = [];
				while (cols.length > 0 && cols[cols.length - 1] > info.indent) cols.pop();
			}
		}
		emptyItem = false;
		const base = baseFor(info.indent);
		const rel = info.indent - base;

		if (rel >= 4) {
			if (para >= 0 && mode !== 'table') {
				blocks[para].end = le; // lazy or indented continuation of the paragraph
				continue;
			}
			if (mode !== 'table') {
				prot.push([ls, le]);
				mode = 'indented';
				continue;
			}
		}

		// Peel list markers (possibly nested: "- 1. text") off the content.
		let c = info.first;
		let lead = md.slice(c, le);
		let startsItem = false;
		for (let guard = 0; guard < 4; guard++) {
			if (HR_RE.test(lead) || (para >= 0 && guard === 0 && SETEXT_RE.test(lead))) break;
			const m = LIST_RE.exec(lead);
			if (!m) break;
			startsItem = true;
			let k = c + m[0].length;
			let spaces = 0;
			while (k < le && (md.charCodeAt(k) === 32 || md.charCodeAt(k) === 9) && spaces < 5) {
				spaces++;
				k++;
			}
			const markerCol = info.indent + (c - info.first);
			while (cols.length > 0 && cols[cols.length - 1] > markerCol) cols.pop();
			cols.push(markerCol + m[0].length + (spaces >= 5 || k >= le ? 1 : spaces));
			listQuote = info.quoteDepth;
			prot.push([c, k]);
			c = k;
			lead = md.slice(c, le);
		}
		if (startsItem) {
			closePara();
			if (mode === 'table') mode = 'normal';
			if (lead.trim() === '') {
				emptyItem = true;
				continue;
			}
		}

		const fence = FENCE_RE.exec(lead);
		if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
			closePara();
			mode = 'fence';
			fenceChar = fence[1].charCodeAt(0);
			fenceLen = fence[1].length;
			fenceQuote = info.quoteDepth;
			fenceMinIndent = startsItem ? cols[cols.length - 1] : base;
			prot.push([c, le]);
			continue;
		}
		const html = htmlBlockEnd(lead);
		if (html !== null) {
			closePara();
			prot.push([c, le]);
			if (mode === 'table') mode = 'normal';
			if (html === '' || !endFound(lead.slice(2), html)) {
				mode = 'html';
				htmlNested = false;
				htmlEnd = html;
				htmlQuote = info.quoteDepth;
				htmlMinIndent = startsItem ? cols[cols.length - 1] : base;
			}
			continue;
		}
		const atx = ATX_RE.exec(lead);
		if (atx) {
			closePara();
			if (mode === 'table') mode = 'normal';
			let s = c + atx[0].length;
			let e = le;
			while (s < e && isSpaceCode(md.charCodeAt(s))) s++;
			while (e > s && isSpaceCode(md.charCodeAt(e - 1))) e--;
			// A closing run of # preceded by a space is syntax, not text.
			let h = e;
			while (h > s && md.charCodeAt(h - 1) === 35) h--;
			if (h < e && (h === s || isSpaceCode(md.charCodeAt(h - 1)))) {
				e = h;
				while (e > s && isSpaceCode(md.charCodeAt(e - 1))) e--;
			}
			prot.push([c, s], [e, le]);
			if (e > s) blocks.push({ start: s, end: e, kind: 'heading' });
			continue;
		}
		if (para >= 0 && !startsItem && SETEXT_RE.test(lead)) {
			// Setext underline: the paragraph above was a heading all along (also under lazy containers: protect more).
			blocks[para].kind = 'heading';
			prot.push([c, le]);
			closePara();
			continue;
		}
		if (HR_RE.test(lead)) {
			closePara();
			if (mode === 'table') mode = 'normal';
			prot.push([c, le]);
			continue;
		}
		if (mode === 'table' && info.quoteDepth === tableQuote && !startsItem) {
			if (SETEXT_RE.test(lead) && lead.trim().startsWith('=')) {
				// Without GFM the "table" is a paragraph, and this underline makes it a heading: read it as one.
				for (let k = tableFirst; k < blocks.length; k++) blocks[k].kind = 'heading';
				prot.push([c, le]);
				mode = 'normal';
				continue;
			}
			blocks.push({ start: c, end: le, kind: 'table' });
			continue;
		}
		if (mode === 'table') mode = 'normal';
		// Table: a row with pipes, then a delimiter row with as many cells.
		if (lead.includes('|') && line + 1 < lineCount) {
			const nInfo = analyseLine(md, starts[line + 1], lineEnd(line + 1));
			const next = md.slice(nInfo.first, lineEnd(line + 1));
			if (nInfo.quoteDepth === info.quoteDepth && DELIM_RE.test(next) && next.includes('-') && (next.includes('|') || lead.trim().startsWith('|')) && tableCells(next) === tableCells(lead)) {
				tableFirst = para >= 0 ? para : blocks.length;
				closePara();
				blocks.push({ start: c, end: le, kind: 'table' });
				prot.push([starts[line + 1], lineEnd(line + 1)]);
				line++;
				mode = 'table';
				tableQuote = info.quoteDepth;
				continue;
			}
		}
		// Checked inside paragraphs too: remark without GFM ends a footnote's paragraph at a definition.
		if (lead.charCodeAt(0) === 91 /* [ */) {
			const def = DEF_RE.exec(lead);
			if (def) {
				if (def[1].startsWith('^')) {
					// Footnote definition: the label is syntax, the rest is prose.
					prot.push([c, c + def[0].length]);
					let s = c + def[0].length;
					while (s < le && isSpaceCode(md.charCodeAt(s))) s++;
					if (s < le) {
						para = blocks.length;
						paraQuote = info.quoteDepth;
						blocks.push({ start: s, end: le, kind: 'paragraph' });
					}
					continue;
				}
				// Link reference definition: protect it and the plain lines after it up to the blank line
				// (titles may wrap); a line that opens another block is read as such.
				closePara();
				prot.push([c, le]);
				mode = 'definition';
				continue;
			}
		}
		if (para >= 0 && info.quoteDepth <= paraQuote && !startsItem) {
			blocks[para].end = le;
			continue;
		}
		para = blocks.length;
		paraQuote = info.quoteDepth;
		blocks.push({ start: c, end: le, kind: 'paragraph' });
	}

	// Reference labels, wherever a definition might be (a superset: context is not checked).
	if (md.includes(']:')) {
		for (const m of md.matchAll(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*\[((?:[^\]\\\n[]|\\.)+)\]:/gm)) defs.add(m[1].trim().replace(/\s+/g, ' ').toLowerCase());
	}
	const links: ExistingLink[] = [];
	scanInline(md, blocks, defs, prot, links);
	return { protected: mergeRanges(prot), blocks, links };
}

/** Could this line continue a paragraph, i.e. does it start no other block? (Tables excepted: they are rare and only over-protect.) */
function isParagraphText(lead: string): boolean {
	if (FENCE_RE.test(lead) || ATX_RE.test(lead) || HR_RE.test(lead) || SETEXT_RE.test(lead)) return false;
	return htmlBlockEnd(lead) === null;
}

export function mergeRanges(r: Array<[number, number]>): Array<[number, number]> {
	const v = r.filter((x) => x[1] > x[0]).sort((a, b) => a[0] - b[0]);
	const out: Array<[number, number]> = [];
	for (const x of v) {
		const last = out[out.length - 1];
		if (last && x[0] <= last[1]) {
			if (x[1] > last[1]) last[1] = x[1];
		} else out.push([x[0], x[1]]);
	}
	return out;
}

/** ASCII characters that may start an inline construct; everything else is skipped in one comparison. */
const SPECIAL = new Uint8Array(128);
for (const ch of '\\`%$<[!#&^.:@*_~') SPECIAL[ch.charCodeAt(0)] = 1;

function isAsciiPunct(c: number): boolean {
	return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** End of a code span opening at `i` (a backtick run), or -1 when no run of the same length closes it before `end`. */
function codeSpanEnd(md: string, i: number, end: number): number {
	let n = 0;
	while (i + n < end && md.charCodeAt(i + n) === 96) n++;
	let j = i + n;
	while (j < end) {
		const k = md.indexOf('`', j);
		if (k < 0 || k >= end) return -1;
		let m = 0;
		while (k + m < end && md.charCodeAt(k + m) === 96) m++;
		if (m === n) return k + m;
		j = k + m;
	}
	return -1;
}

/**
 * Code spans (and unmatched backtick runs, which are literal) from `start` to `end`, paired as
 * CommonMark does: a run closes at the next run of the same length; a backslash escapes the first
 * backtick of a run outside code.
 */
function pairCodeSpans(md: string, start: number, end: number): Array<[number, number]> {
	const out: Array<[number, number]> = [];
	let k = md.indexOf('`', start);
	while (k >= 0 && k < end) {
		let n = 0;
		while (k + n < end && md.charCodeAt(k + n) === 96) n++;
		let bs = 0;
		while (k - bs - 1 >= start && md.charCodeAt(k - bs - 1) === 92) bs++;
		let open = k;
		if (bs % 2 === 1) {
			open++;
			n--;
		}
		if (n === 0) {
			k = md.indexOf('`', k + 1);
			continue;
		}
		const close = codeSpanEnd(md, open, end);
		if (close > 0) {
			out.push([open, close]);
			k = md.indexOf('`', close);
		} else {
			out.push([open, open + n]);
			k = md.indexOf('`', open + n);
		}
	}
	return out;
}

/**
 * Code spans of the stretch [start, end), which holds blocks b, b+1, …. Pairing inside each block and
 * over the whole stretch agree for any note with balanced backticks; then that pairing is exact. When
 * they disagree the paragraph boundaries decide, and rather than guess them every run is taken as a
 * possible opener up to the next run of its length: a superset of any reading.
 */
function codeSpansIn(md: string, blocks: ProseBlock[], b: number, start: number, end: number): Array<[number, number]> {
	const whole = pairCodeSpans(md, start, end);
	if (whole.length === 0) return whole;
	const perBlock: Array<[number, number]> = [];
	for (let k = b; k < blocks.length && blocks[k].start < end; k++) perBlock.push(...pairCodeSpans(md, Math.max(start, blocks[k].start), blocks[k].end));
	const same = perBlock.length === whole.length && perBlock.every((x, k) => x[0] === whole[k][0] && x[1] === whole[k][1]);
	if (same) return whole;
	const out: Array<[number, number]> = [];
	let k = md.indexOf('`', start);
	while (k >= 0 && k < end) {
		let n = 0;
		while (k + n < end && md.charCodeAt(k + n) === 96) n++;
		const close = codeSpanEnd(md, k, end);
		out.push([k, close > 0 ? close : k + n]);
		k = md.indexOf('`', k + n);
	}
	return out;
}

/** Index of the `]` that closes the `[` at `i`, honouring nesting, escapes and code spans; -1 if none. */
function bracketEnd(md: string, i: number, end: number): number {
	let depth = 0;
	for (let j = i; j < end; j++) {
		const c = md.charCodeAt(j);
		if (c === 92) j++;
		else if (c === 96) {
			const e = codeSpanEnd(md, j, end);
			if (e > 0) j = e - 1;
			else while (j + 1 < end && md.charCodeAt(j + 1) === 96) j++;
		} else if (c === 91) depth++;
		else if (c === 93 && --depth === 0) return j;
	}
	return -1;
}

/** Index after the `)` closing the destination that opens at `i` (a `(`), or -1. */
function parenEnd(md: string, i: number, end: number): number {
	let depth = 0;
	for (let j = i; j < end; j++) {
		const c = md.charCodeAt(j);
		if (c === 92) j++;
		else if (c === 40) depth++;
		else if (c === 41 && --depth === 0) return j + 1;
	}
	return -1;
}

/** Extent of the whitespace-free run around `i`, for URLs. */
function runAround(md: string, i: number, start: number, end: number): [number, number] {
	let s = i;
	while (s > start && !isSpaceCode(md.charCodeAt(s - 1))) s--;
	let e = i;
	while (e < end && !isSpaceCode(md.charCodeAt(e))) e++;
	return [s, e];
}

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'wbr', 'meta', 'link', 'source', 'track', 'area', 'base', 'col', 'embed', 'param']);

function scanInline(md: string, blocks: ProseBlock[], defs: Set<string>, prot: Array<[number, number]>, links: ExistingLink[]): void {
	// Comments and display math may run across blocks (Obsidian reads them so): `resume` skips what they swallowed.
	let resume = 0;
	let runEnd = -1;
	let runSpans: Array<[number, number]> = [];
	for (let b = 0; b < blocks.length; b++) {
		const block = blocks[b];
		const end = block.end;
		let i = Math.max(block.start, resume);
		if (i >= end) continue;
		// Code spans bind before links and Obsidian syntax, so they are paired first, over the stretch up to
		// the next blank line (remark's paragraph, whatever its exact extent, lies inside it).
		if (i >= runEnd) {
			const blank = /\n[ \t>]*\r?\n/g;
			blank.lastIndex = i;
			const m = blank.exec(md);
			runEnd = m ? m.index : md.length;
			runSpans = codeSpansIn(md, blocks, b, i, runEnd);
			for (const x of runSpans) prot.push(x);
		}
		const spans = runSpans;
		let span = 0;
		while (i < end) {
			const c = md.charCodeAt(i);
			if (c >= 128 || SPECIAL[c] === 0) {
				i++;
				continue;
			}
			switch (c) {
				case 92: {
					// backslash escape
					// A lone backslash may be a hard line break: protected too.
					const n = md.charCodeAt(i + 1);
					const e = i + 1 < end && isAsciiPunct(n) ? i + 2 : i + 1;
					prot.push([i, e]);
					i = e;
					break;
				}
				case 96: {
					// Code spans were paired beforehand; here only skip them (or the literal run).
					while (span < spans.length && spans[span][1] <= i) span++;
					let e = span < spans.length && spans[span][0] <= i ? spans[span][1] : i + 1;
					while (e < end && md.charCodeAt(e) === 96 && e === i + 1) e++;
					if (e > end) {
						resume = e;
						i = end;
					} else i = e;
					break;
				}
				case 37: // %
				case 36: {
					// $
					const double = md.charCodeAt(i + 1) === c;
					if (c === 37 && !double) {
						i++;
						break;
					}
					if (double) {
						const close = md.indexOf(c === 37 ? '%%' : '$$', i + 2);
						const e = close < 0 ? md.length : close + 2;
						prot.push([i, e]);
						if (e > end) {
							resume = e;
							i = end;
						} else i = e;
					} else {
						const close = md.indexOf('$', i + 1);
						const e = close < 0 || close >= end ? i + 1 : close + 1;
						prot.push([i, e]);
						i = e;
					}
					break;
				}
				case 60: {
					// <
					const rest = md.slice(i, Math.min(end, i + 200));
					const auto = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[^\s<>]+>/.exec(rest);
					if (auto) {
						prot.push([i, i + auto[0].length]);
						i += auto[0].length;
						break;
					}
					const n = md.charCodeAt(i + 1);
					if (md.startsWith('<!--', i)) {
						const close = md.indexOf('-->', i + 4);
						const e = close < 0 || close + 3 > end ? end : close + 3;
						prot.push([i, e]);
						i = e;
						break;
					}
					if (isLetter(n) || n === 47 || n === 33 || n === 63) {
						const gt = md.indexOf('>', i + 1);
						let e = gt < 0 || gt >= end ? -1 : gt + 1;
						if (e < 0) {
							// An unclosed tag may still be HTML to remark across lines: protect to the block's end.
							e = end;
						} else {
							const tag = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(md.slice(i, e));
							// Obsidian renders no Markdown inside inline HTML elements: protect through the closing tag.
							if (tag && !VOID_TAGS.has(tag[1].toLowerCase()) && md.charCodeAt(e - 2) !== 47) {
								const rel = md.slice(e, end).toLowerCase().indexOf('</' + tag[1].toLowerCase());
								const closeAt = rel < 0 ? -1 : e + rel;
								if (closeAt >= 0) {
									const gt2 = md.indexOf('>', closeAt);
									e = gt2 < 0 || gt2 >= end ? end : gt2 + 1;
								}
							}
						}
						prot.push([i, e]);
						i = e;
					} else i++;
					break;
				}
				case 33: // !
				case 91: {
					// [
					const open = c === 33 ? i + 1 : i;
					if (md.charCodeAt(open) !== 91) {
						i++;
						break;
					}
					if (md.charCodeAt(open + 1) === 91) {
						// wikilink or embed
						const close = md.indexOf(']]', open + 2);
						const nl = md.indexOf('\n', open + 2);
						if (close >= 0 && close + 2 <= end && (nl < 0 || nl > close)) {
							const inner = md.slice(open + 2, close);
							const bar = inner.search(/\\?\|/);
							if (c === 91) links.push({ block: b, target: normaliseLinkTarget(bar < 0 ? inner : inner.slice(0, bar)) });
							prot.push([i, close + 2]);
							i = close + 2;
						} else {
							prot.push([i, open + 2]);
							i = open + 2;
						}
						break;
					}
					const close = bracketEnd(md, open, end);
					if (close < 0) {
						i = open + 1;
						break;
					}
					const after = md.charCodeAt(close + 1);
					let e = -1;
					if (md.charCodeAt(open + 1) === 94 /* ^ footnote */) e = close + 1;
					else if (after === 40) {
						e = parenEnd(md, close + 1, end);
						if (e > 0 && c === 91) {
							const target = markdownTarget(md.slice(close + 2, e - 1));
							if (target) links.push({ block: b, target });
						}
					} else if (after === 91) {
						const e2 = md.indexOf(']', close + 2);
						e = e2 >= 0 && e2 < end ? e2 + 1 : close + 1;
					} else if (defs.has(md.slice(open + 1, close).trim().replace(/\s+/g, ' ').toLowerCase())) e = close + 1;
					if (e > 0) {
						prot.push([i, e]);
						i = e;
					} else i = open + 1;
					break;
				}
				case 35: {
					// #tag (Obsidian): any # directly followed by a word character or tag punctuation.
					let k = i + 1;
					while (k < end) {
						const t = md.charCodeAt(k);
						if (isWordCode(t) || t === 95 || t === 45 || t === 47) k++;
						else break;
					}
					if (k > i + 1) prot.push([i, k]);
					i = Math.max(k, i + 1);
					break;
				}
				case 94: {
					// ^blockid at the end of a line, or ^[inline footnote]
					if (md.charCodeAt(i + 1) === 91) {
						const close = bracketEnd(md, i + 1, end);
						const e = close < 0 ? i + 2 : close + 1;
						prot.push([i, e]);
						i = e;
						break;
					}
					let k = i + 1;
					while (k < end && (isWordCode(md.charCodeAt(k)) || md.charCodeAt(k) === 45)) k++;
					if (k > i + 1) prot.push([i, k]);
					i = Math.max(k, i + 1);
					break;
				}
				case 38: {
					// character reference
					const m = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(md.slice(i, Math.min(end, i + 40)));
					if (m) {
						prot.push([i, i + m[0].length]);
						i += m[0].length;
					} else i++;
					break;
				}
				case 46: // .
				case 58: // :
				case 64: {
					// @ — URLs with or without a scheme, e-mail addresses: protect the whole whitespace-free run.
					const p = md.charCodeAt(i - 1);
					const n1 = md.charCodeAt(i + 1);
					const n2 = md.charCodeAt(i + 2);
					const url =
						(c === 58 && n1 === 47 && n2 === 47) ||
						(c === 46 && i > block.start && (isLetter(p) || (p >= 48 && p <= 57) || p === 45) && isLetter(n1) && isLetter(n2)) ||
						(c === 64 && i > block.start && isWordCode(p) && isWordCode(n1));
					if (url) {
						const [s, e] = runAround(md, i, block.start, end);
						prot.push([s, e]);
						i = e;
					} else i++;
					break;
				}
				case 42: // *
				case 95: // _
				case 126: {
					// ~ — emphasis delimiters are syntax to remark; linking next to them is checked separately.
					let k = i + 1;
					while (k < end && md.charCodeAt(k) === c) k++;
					prot.push([i, k]);
					i = k;
					break;
				}
				default:
					i++;
			}
		}
	}
}
