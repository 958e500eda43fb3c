// Inline half of the protected-region scanner: runs over each prose block the line scanner found
// and protects code spans, links, wikilinks, embeds, HTML, math, comments, tags, block ids, URLs and
// escapes. Code spans are paired first because they bind tighter than everything else.

import type { ExistingLink, ProseBlock } from './scan-protected';
import { isSpaceCode as isSpaceCodeShared, isWordCode as isWordCodeShared } from './tokens';
// Module-local aliases: some loaders compile imports to property getters, which hot loops must not pay per character.
const isSpaceCode = isSpaceCodeShared;
const isWordCode = isWordCodeShared;

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

/** ASCII characters that may start an inline construct; everything else is skipped in one comparison. */
const SPECIAL = new Uint8Array(128);
for (const ch of '\\`%$<[!#&^.:@*_~') SPECIAL[ch.charCodeAt(0)] = 1;
/** The same characters, and the line end that bounds each search to its line. */
const NEXT_SPECIAL = /[\n\\`%$<[!#&^.:@*_~]/g;

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
	// Bounded so a block full of `[` stays linear; past the bound the caller protects the rest.
	const stop = Math.min(end, i + MAX_BRACKET);
	for (let j = i; j < stop; j++) {
		const c = md.charCodeAt(j);
		if (c === 92) j++;
		else if (c === 96) {
			const e = codeSpanEnd(md, j, end);
			if (e > 0) j = e - 1;
			else while (j + 1 < end && md.charCodeAt(j + 1) === 96) j++;
		} else if (c === 91) depth++;
		else if (c === 93 && --depth === 0) return j;
	}
	return stop < end ? TOO_FAR : -1;
}

const MAX_BRACKET = 4000;
/** bracketEnd gave up: the bracket may close further on, so everything to the block's end is protected. */
const TOO_FAR = -2;

/** Index after the `)` closing the destination that opens at `i` (a `(`), -1 if none, TOO_FAR past the bound. */
function parenEnd(md: string, i: number, end: number): number {
	let depth = 0;
	// Bounded like bracketEnd, or a block full of `[a](` would be read once per bracket.
	const stop = Math.min(end, i + MAX_BRACKET);
	for (let j = i; j < stop; j++) {
		const c = md.charCodeAt(j);
		if (c === 92) j++;
		else if (c === 40) depth++;
		else if (c === 41 && --depth === 0) return j + 1;
	}
	return stop < end ? TOO_FAR : -1;
}

/**
 * `md.indexOf(s, from)` that remembers its last answer: while it is still ahead of `from` (the scan
 * only moves forward) no search is repeated, so an opener that never closes, once per block, costs
 * one search in all instead of one per block.
 */
class Ahead {
	private from = -1;
	private at = -1;

	constructor(
		private readonly md: string,
		private readonly s: string,
	) {}

	find(from: number): number {
		if (this.from < 0 || from < this.from || (this.at >= 0 && this.at < from)) this.at = this.md.indexOf(this.s, from);
		this.from = from;
		return this.at;
	}
}

/** The same for a closing tag `</name`, in any case. */
class AheadTag {
	private readonly re: RegExp;
	private from = -1;
	private at = -1;

	constructor(
		private readonly md: string,
		name: string,
	) {
		this.re = new RegExp(`</${name}`, 'gi');
	}

	find(from: number): number {
		if (this.from < 0 || from < this.from || (this.at >= 0 && this.at < from)) {
			this.re.lastIndex = from;
			this.at = this.re.exec(this.md)?.index ?? -1;
		}
		this.from = from;
		return this.at;
	}
}

/** Extent of the whitespace-free run around `i`, for URLs. */
function runAround(md: string, i: number, start: number, end: number): [number, number] {
	let s = i;
	while (s > start && !isSpaceCode(md.charCodeAt(s - 1))) s--;
	let e = i;
	while (e < end && !isSpaceCode(md.charCodeAt(e))) e++;
	return [s, e];
}

/** Offset of the line break that ends the stretch at `from`: the first followed by a blank line (quote markers count as blank), else the note's end. */
function nextBlankLine(md: string, from: number): number {
	for (let n = md.indexOf('\n', from); n >= 0; n = md.indexOf('\n', n + 1)) {
		let k = n + 1;
		let c = md.charCodeAt(k);
		while (c === 32 || c === 9 || c === 62) c = md.charCodeAt(++k);
		if (c === 13) c = md.charCodeAt(++k);
		if (c === 10) return n;
	}
	return md.length;
}

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'wbr', 'meta', 'link', 'source', 'track', 'area', 'base', 'col', 'embed', 'param']);

export function scanInline(md: string, blocks: ProseBlock[], defs: Set<string>, prot: Array<[number, number]>, links: ExistingLink[]): void {
	const dollar = new Ahead(md, '$');
	const templaterEnd = new Ahead(md, '%>');
	const commentEnd = new Ahead(md, '-->');
	const gt = new Ahead(md, '>');
	const wikiEnd = new Ahead(md, ']]');
	const closingTags = new Map<string, AheadTag>();
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
			runEnd = nextBlankLine(md, i);
			runSpans = codeSpansIn(md, blocks, b, i, runEnd);
			for (const x of runSpans) prot.push(x);
		}
		const spans = runSpans;
		let span = 0;
		while (i < end) {
			const c = md.charCodeAt(i);
			if (c >= 128 || SPECIAL[c] === 0) {
				// Plain prose: the regular-expression engine finds the next special character (or line end) faster than a loop.
				NEXT_SPECIAL.lastIndex = i + 1;
				i = NEXT_SPECIAL.test(md) ? Math.min(NEXT_SPECIAL.lastIndex - 1, end) : end;
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
					let e = i + 1;
					if (span < spans.length && spans[span][0] <= i) e = spans[span][1];
					else while (e < end && md.charCodeAt(e) === 96) e++;
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
						const close = dollar.find(i + 1);
						const e = close < 0 || close >= end ? i + 1 : close + 1;
						prot.push([i, e]);
						i = e;
					}
					break;
				}
				case 60: {
					// <
					if (md.charCodeAt(i + 1) === 37) {
						// A Templater command, which may run over lines and blocks: code, whatever Markdown says.
						const close = templaterEnd.find(i + 2);
						if (close >= 0) {
							prot.push([i, close + 2]);
							if (close + 2 > end) {
								resume = close + 2;
								i = end;
							} else i = close + 2;
							break;
						}
					}
					const rest = md.slice(i, Math.min(end, i + 200));
					const auto = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[^\s<>]+>/.exec(rest);
					if (auto) {
						prot.push([i, i + auto[0].length]);
						i += auto[0].length;
						break;
					}
					const n = md.charCodeAt(i + 1);
					if (md.startsWith('<!--', i)) {
						const close = commentEnd.find(i + 4);
						const e = close < 0 || close + 3 > end ? end : close + 3;
						prot.push([i, e]);
						i = e;
						break;
					}
					if (isLetter(n) || n === 47 || n === 33 || n === 63) {
						const tagEnd = gt.find(i + 1);
						let e = tagEnd < 0 || tagEnd >= end ? -1 : tagEnd + 1;
						if (e < 0) {
							// An unclosed tag may still be HTML to remark across lines: protect to the block's end.
							e = end;
						} else {
							const tag = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(md.slice(i, e));
							// Obsidian renders no Markdown inside inline HTML elements: protect through the closing tag.
							const name = tag?.[1].toLowerCase();
							if (name !== undefined && !VOID_TAGS.has(name) && md.charCodeAt(e - 2) !== 47) {
								let closing = closingTags.get(name);
								if (!closing) closingTags.set(name, (closing = new AheadTag(md, name)));
								const closeAt = closing.find(e);
								if (closeAt >= 0 && closeAt < end) {
									const gt2 = gt.find(closeAt);
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
						const close = wikiEnd.find(open + 2);
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
					if (close === TOO_FAR) {
						prot.push([i, end]);
						i = end;
						break;
					}
					if (close < 0) {
						i = open + 1;
						break;
					}
					const after = md.charCodeAt(close + 1);
					let e = -1;
					if (md.charCodeAt(open + 1) === 94 /* ^ footnote */) e = close + 1;
					else if (after === 40) {
						e = parenEnd(md, close + 1, end);
						if (e === TOO_FAR) {
							prot.push([i, end]);
							i = end;
							break;
						}
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
						const e = close === TOO_FAR ? end : close < 0 ? i + 2 : close + 1;
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
