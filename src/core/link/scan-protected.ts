// A single-pass scanner that says which bytes of a note are prose. It mirrors CommonMark's block
// structure line by line (as remark sees it), then scans each prose block inline. Obsidian syntax
// remark does not know (wikilinks, %%comments%%, $math$, #tags, ^block-ids, bare URLs) is protected
// on top. Wherever the two readings could differ, it protects more: a missed link is harmless, a
// link inside code or a URL breaks the note.

import { scanInline } from './scan-inline';
import { isSpaceCode as isSpaceCodeShared } from './tokens';
// Module-local alias: some loaders compile imports to property getters, which hot loops must not pay per character.
const isSpaceCode = isSpaceCodeShared;

export { normaliseLinkTarget } from './scan-inline';


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

/** `maxDepth` stops at that many quote markers: inside a fence or HTML block, further ones are content. */
function analyseLine(md: string, start: number, end: number, maxDepth = Infinity): LineInfo {
	let i = start;
	let quoteDepth = 0;
	let content = start;
	while (quoteDepth < maxDepth) {
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
const QUOTE_RE = /^ {0,3}>/;
const CALLOUT_RE = /^\[![^\]\n]*\][+-]?/;
const INDENT_RE = /^[ \t]*/;
const HTML1_RE = /^<(?:script|pre|style|textarea)(?=[\s>]|$)/i;

/** Characters a block construct can start with (fence, heading, setext, rule, list, HTML, definition, table). */
const BLOCK_START = new Uint8Array(128);
for (const ch of '`~#=-*_+<[|0123456789') BLOCK_START[ch.charCodeAt(0)] = 1;
/** Most lines start with a letter: then none of the block patterns can match, and none is tried. */
const mayOpenBlock = (lead: string): boolean => BLOCK_START[lead.charCodeAt(0)] === 1;
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
	// Frontmatter: `---` on the first line (after a byte-order mark too: protect more), closed by `---` (micromark-extension-frontmatter, YAML).
	if (/^\ufeff?---[ \t]*\r?\n/.test(md)) {
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
	let htmlFrom = 0;
	let htmlBlankLine = -1;
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
		let full = analyseLine(md, ls, le);
		if (mode !== 'fence' && mode !== 'html' && cols.length > 0 && full.quoteDepth > listQuote) {
			// A quote marker indented to an open list item's content opens a quote inside the item (the
			// peel below protects it), not one around the list.
			const inItem = analyseLine(md, ls, le, listQuote);
			if (inItem.quoteDepth === listQuote && inItem.indent >= cols[0]) full = inItem;
		}
		if (full.content > ls) prot.push([ls, full.content]); // quote markers
		let info = full;
		if (mode === 'fence' || mode === 'html') {
			const depth = mode === 'fence' ? fenceQuote : htmlQuote;
			if (full.quoteDepth > depth) info = analyseLine(md, ls, le, depth);
		}
		if (mode === 'fence') {
			if (info.quoteDepth < fenceQuote || (!info.blank && info.indent < fenceMinIndent)) {
				mode = 'normal'; // the container ended, and with it the fence
				info = full;
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
			const lazy = !info.blank && (info.quoteDepth < htmlQuote || info.indent < htmlMinIndent);
			// A lazy line ends our HTML reading; if remark reads the lines as a paragraph instead, a code
			// span opened in them may still run on: then protect on to the blank line.
			const spanMayRun = lazy && htmlEnd === '' && md.slice(htmlFrom, ls).includes('`');
			// A block opened under the other reading (htmlNested) ends only by its own end: it may have opened on a lazy line.
			if (!htmlNested && !spanMayRun && ((htmlEnd === '' && info.blank) || lazy)) {
				mode = 'normal';
				info = full;
			} else {
				prot.push([ls, le]);
				// A line left of the items' content may end their lists under remark's reading (a rule, a
				// heading underline): forget them. Reading lines as outside a list only protects more.
				if (lazy && cols.length > 0) cols = [];
				if (info.blank && !htmlBlankSeen) {
					htmlBlankSeen = true;
					htmlBlankLine = line;
				}
				if (htmlEnd !== '' && endFound(md.slice(ls, le), htmlEnd)) {
					// Back to the blank-line reading if it has not ended yet.
					if (htmlNested && !htmlBlankSeen) htmlEnd = '';
					else {
						mode = 'normal';
						// The blank-line reading ended at that blank line and went on from there: read those lines
						// again as it does (they stay protected), so a block it opened there is seen.
						if (htmlNested) line = htmlBlankLine - 1;
					}
					htmlNested = false;
				} else if (htmlEnd === '') {
					// Our type-7 guess may be a paragraph to remark, and then this line may open a block
					// that runs past the blank line (`<pre>`, `<!--`, a code fence): protect until both readings end.
					const lead = md.slice(info.first, le);
					const inner = htmlBlockEnd(lead);
					const fence = inner === null && info.indent < 4 ? FENCE_RE.exec(lead) : null;
					if (inner !== null && inner !== '' && !endFound(md.slice(info.first + 2, le), inner)) {
						htmlEnd = inner;
						htmlNested = true;
						htmlBlankSeen = false;
					} else if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
						htmlEnd = new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t\\r]*$`);
						htmlNested = true;
						htmlBlankSeen = false;
					}
				}
				continue;
			}
		}
		if (mode === 'definition') {
			const raw = md.slice(info.first, le);
			// A line left of the items' content (or in another quote) may end their lists under remark's
			// reading while it stays protected here: forget them, which only protects more.
			if (!info.blank && cols.length > 0 && (info.quoteDepth !== listQuote || info.indent < cols[cols.length - 1])) cols = [];
			if (SETEXT_RE.test(raw) && raw.trim() !== '') {
				prot.push([ls, le]);
				mode = 'normal';
				continue;
			}
			// Pipe rows right under a definition stay protected: remark may read the lines after the definition
			// as one paragraph with a code span running through them, where GFM would see a table.
			if (raw.startsWith('|') && !info.blank) {
				prot.push([ls, le]);
				continue;
			}
			if (info.blank || !isParagraphText(raw) || LIST_RE.test(raw)) mode = 'normal';
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
			// A quote marker left of the items' content opens a quote outside them, even an empty one: the lists end.
			if (cols.length > 0 && info.quoteDepth > listQuote) cols = [];
			// An item that starts empty ends at the first blank line.
			if (emptyItem) cols.pop();
			emptyItem = false;
			closePara();
			if (mode === 'table') mode = 'normal';
			continue;
		}
		{
			// A line left of the item's content (or outside its blockquote) that does not lazily continue a paragraph ends the list.
			const raw = md.slice(info.first, le);
			const lazy = para >= 0 && info.quoteDepth <= paraQuote && isParagraphText(raw);
			// Leaving the blockquote closes its lists, even when this line is a list item itself.
			if (cols.length > 0 && info.quoteDepth < listQuote && !lazy) cols = [];
			if (cols.length > 0 && !(LIST_RE.test(raw) && !HR_RE.test(raw) && !(para >= 0 && SETEXT_RE.test(raw))) && !lazy) {
				while (cols.length > 0 && cols[cols.length - 1] > info.indent) cols.pop();
			}
		}
		emptyItem = false;
		const base = baseFor(info.indent);
		const rel = info.indent - base;

		if (rel >= 4) {
			if (para >= 0 && mode !== 'table') {
				// Lazy or indented continuation of the paragraph. If it starts like a block (`>`, a list
				// marker, a fence), remark may see that block in a list item this reading has lost track of:
				// then the line stays out of reach. Not `[`: a link is no block here, and a line that starts
				// with a name would change its reading once the name is linked.
				const first = md.charCodeAt(info.first);
				if (first !== 91 /* [ */ && (BLOCK_START[first] === 1 || first === 62 /* > */)) prot.push([ls, le]);
				else blocks[para].end = le;
				continue;
			}
			if (mode !== 'table') {
				prot.push([ls, le]);
				mode = 'indented';
				continue;
			}
			// An indented line under a table: a row to GFM, code to remark after the "table" it reads as a heading.
			prot.push([ls, le]);
			continue;
		}

		if (mode === 'table' && info.quoteDepth === tableQuote && rel < 4 && SETEXT_RE.test(md.slice(info.first, le))) {
			// Without GFM the "table" is a paragraph, and this underline makes it a heading: read it as one
			// (a `-` line is a list item or a rule to GFM; reading a heading protects more).
			for (let k = tableFirst; k < blocks.length; k++) blocks[k].kind = 'heading';
			prot.push([info.first, le]);
			mode = 'normal';
			continue;
		}

		// Peel list markers (possibly nested: "- 1. text") and the markers of quotes opening inside items off the content.
		let c = info.first;
		let lead = md.slice(c, le);
		let startsItem = false;
		let quoted = false;
		let code = false;
		for (let round = 0; round < 4 && !code; round++) {
			const from = c;
			for (let guard = 0; guard < 4; guard++) {
				if (!mayOpenBlock(lead)) break;
				if (HR_RE.test(lead) || (para >= 0 && guard === 0 && round === 0 && SETEXT_RE.test(lead))) break;
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
			// A blockquote opening inside a list item (analyseLine sees only those at the line's start).
			if (!startsItem && cols.length === 0) break;
			let q = false;
			for (let m = QUOTE_RE.exec(lead); m; m = QUOTE_RE.exec(lead)) {
				let k = c + m[0].length;
				if (md.charCodeAt(k) === 32) k++;
				prot.push([c, k]);
				c = k;
				lead = md.slice(c, le);
				q = quoted = true;
			}
			if (q) {
				// Its content's own indentation; four columns or more would be code: protected whole.
				const indent = INDENT_RE.exec(lead)?.[0] ?? '';
				if (indent.includes('\t') || indent.length >= 4) code = true;
				else {
					c += indent.length;
					lead = lead.slice(indent.length);
				}
			}
			if (c === from) break;
		}
		if (code) {
			closePara();
			prot.push([c, le]);
			continue;
		}
		if (quoted) {
			closePara();
			if (mode === 'table') mode = 'normal';
			if (lead.trim() === '') continue;
		}
		if (startsItem) {
			closePara();
			if (mode === 'table') mode = 'normal';
			if (lead.trim() === '') {
				emptyItem = true;
				continue;
			}
		}

		// A callout's type and metadata ("[!note|meta]-") are syntax; its title is prose.
		if ((info.quoteDepth > 0 || quoted) && lead.startsWith('[!')) {
			const callout = CALLOUT_RE.exec(lead);
			if (callout) prot.push([c, c + callout[0].length]);
		}
		const opens = mayOpenBlock(lead);
		const fence = opens ? FENCE_RE.exec(lead) : null;
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
		const html = opens ? htmlBlockEnd(lead) : null;
		if (html !== null) {
			closePara();
			prot.push([c, le]);
			if (mode === 'table') mode = 'normal';
			if (html === '' || !endFound(lead.slice(2), html)) {
				mode = 'html';
				htmlNested = false;
				htmlFrom = c;
				htmlEnd = html;
				htmlQuote = info.quoteDepth;
				htmlMinIndent = startsItem ? cols[cols.length - 1] : base;
			}
			continue;
		}
		const atx = opens ? ATX_RE.exec(lead) : null;
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
		if (opens && para >= 0 && !startsItem && SETEXT_RE.test(lead)) {
			// Setext underline: the paragraph above was a heading all along (also under lazy containers: protect more).
			blocks[para].kind = 'heading';
			prot.push([c, le]);
			closePara();
			continue;
		}
		if (opens && HR_RE.test(lead)) {
			closePara();
			if (mode === 'table') mode = 'normal';
			prot.push([c, le]);
			continue;
		}
		if (mode === 'table' && info.quoteDepth === tableQuote && !startsItem) {
			blocks.push({ start: c, end: le, kind: 'table' });
			continue;
		}
		if (mode === 'table') mode = 'normal';
		// Table: a row with pipes, then a delimiter row with as many cells.
		// Not after paragraph text with a backtick: without GFM the rows continue that paragraph, and a code
		// span opened in it may run on into them.
		if (lead.includes('|') && line + 1 < lineCount && !(para >= 0 && md.slice(blocks[para].start, ls).includes('`'))) {
			const nInfo = analyseLine(md, starts[line + 1], lineEnd(line + 1));
			const next = md.slice(nInfo.first, lineEnd(line + 1));
			// A delimiter row left of the open list item's content is not in the item: it ends the list instead.
			const inContainer = cols.length === 0 || listQuote !== info.quoteDepth || nInfo.indent >= cols[cols.length - 1];
			// A bare `---` under the row is a heading underline to remark: read as that, never as a table.
			if (inContainer && !SETEXT_RE.test(next) && nInfo.quoteDepth === info.quoteDepth && DELIM_RE.test(next) && next.includes('-') && (next.includes('|') || lead.trim().startsWith('|')) && tableCells(next) === tableCells(lead)) {
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
		// A line of only `=` or `-` has no word to link, and remark may read it as an underline of what
		// came before: it never opens a paragraph.
		if (SETEXT_RE.test(lead)) {
			prot.push([c, le]);
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
	if (!mayOpenBlock(lead)) return true;
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
