// Envoy auto-link: insert entity links into prose, exactly, reversibly and fast.
//
//   const index = new LinkIndex([{ note: 'Moscow', names: ['Moscow'] }]);
//   const { text, records } = linkNote(markdown, index, { scope: 'paragraph', linkHeadings: false, format: 'wikilink' });
//   unlinkNote(text, records).text === markdown; // when nothing else changed
//
// Only prose is linked (see scan-protected.ts for what is not prose). Matches are leftmost-longest
// on word boundaries, case-sensitive except sentence-initial concepts. Linking is idempotent.

import { linkText, splice, type Insertion, type LinkFormat } from './splice';
import { locate, type LinkRecord } from './records';
import { scanNote } from './scan-protected';
import type { LinkIndex } from './link-index';
import type { RawMatch } from './matcher';
import { isWordCode as isWordCodeShared } from './tokens';
// Module-local aliases: some loaders compile imports to property getters, which hot loops must not pay per character.
const isWordCode = isWordCodeShared;

export { LinkIndex, affectedBy, mayContainAny, type LinkTarget } from './link-index';
export { protectedRanges, scanNote, type NoteScan, type ProseBlock } from './scan-protected';
export type { LinkRecord } from './records';
export type { LinkFormat, Insertion } from './splice';
export type { TargetKind } from './guard';

export interface LinkOptions {
	/** Which mentions get a link: the first in the note, the first in each paragraph, or all. An existing link to the target counts as its mention. */
	scope: 'note' | 'paragraph' | 'every';
	/** Link inside headings too (off by default: headings are titles, not prose). */
	linkHeadings: boolean;
	/** The note being linked: its own entity is never linked in it. */
	selfNote?: string;
	format: LinkFormat;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = { scope: 'paragraph', linkHeadings: false, format: 'wikilink' };

export interface LinkResult {
	text: string;
	/** One per added link, in document order; keep them to unlink later. */
	records: LinkRecord[];
	added: number;
}

export interface UnlinkResult {
	text: string;
	removed: number;
	/** Records whose link is no longer in the note (deleted or edited by the user). */
	remaining: LinkRecord[];
}

const isDelim = (c: number): boolean => c === 42 || c === 95 || c === 126 || c === 61;

/**
 * Would link syntax here change how the neighbours parse? `!` before makes an embed or image,
 * a bracket or backslash before / bracket after merges with it, and intraword `*`/`_`/`~`/`=`
 * emphasis stops being emphasis once a bracket stands next to it.
 */
function unsafeEdges(md: string, start: number, end: number): boolean {
	const p = md.charCodeAt(start - 1);
	if (p === 33 || p === 91 || p === 92 || p === 93) return true;
	const n = md.charCodeAt(end);
	if (n === 91 || n === 93) return true;
	if (isDelim(p) && start >= 2 && isWordCode(md.charCodeAt(start - 2))) return true;
	return isDelim(n) && isWordCode(md.charCodeAt(end + 1));
}

/** Is md[s, e) nothing but quote markers at the start of a line? */
function isQuoteMarks(md: string, s: number, e: number): boolean {
	if (s === 0 || md.charCodeAt(s - 1) !== 10) return false;
	let quote = false;
	for (let i = s; i < e; i++) {
		const c = md.charCodeAt(i);
		if (c === 62) quote = true;
		else if (c !== 32 && c !== 9) return false;
	}
	return quote;
}

/**
 * The matcher reads any ">" after a line break as a quote marker. Every one inside a match must be
 * protected (the scanner protects exactly the markers), or it was text and the match is dropped.
 */
function markersOnly(md: string, start: number, end: number, prot: Array<[number, number]>, from: number): boolean {
	let k = from;
	for (let i = start; i < end; i++) {
		if (md.charCodeAt(i) !== 10) continue;
		for (let j = i + 1; j < end; j++) {
			const c = md.charCodeAt(j);
			if (c !== 62) {
				if (c === 32 || c === 9 || c === 13) continue;
				break;
			}
			while (k < prot.length && prot[k][1] <= j) k++;
			if (k >= prot.length || prot[k][0] > j) return false;
		}
	}
	return true;
}

/** Where links would go, without changing anything (previews, tests): sorted, non-overlapping. */
export function planLinks(markdown: string, index: LinkIndex, options: Partial<LinkOptions> = {}): Insertion[] {
	const scope = options.scope ?? DEFAULT_LINK_OPTIONS.scope;
	const linkHeadings = options.linkHeadings ?? DEFAULT_LINK_OPTIONS.linkHeadings;
	const self = options.selfNote?.toLowerCase();
	const scan = scanNote(markdown);
	const prot = scan.protected;
	const blocks = scan.blocks;
	// Existing links come in block order: scope 'note' takes them all, 'paragraph' those of each block in turn.
	const links = scan.links;
	const seen = new Set<string>();
	if (scope === 'note') for (const l of links) seen.add(l.target);
	let li = 0;

	const ins: Insertion[] = [];
	const raw: RawMatch[] = [];
	const trie = index.trie;
	let r = 0;
	for (let b = 0; b < blocks.length; b++) {
		const block = blocks[b];
		if (block.kind === 'heading' && !linkHeadings) continue;
		if (scope === 'paragraph') {
			seen.clear();
			while (li < links.length && links[li].block < b) li++;
			for (; li < links.length && links[li].block === b; li++) seen.add(links[li].target);
		}
		// Protected ranges are sorted and so are blocks: walk both once.
		while (r < prot.length && prot[r][1] <= block.start) r++;
		raw.length = 0;
		let pos = block.start;
		for (let k = r; pos < block.end; k++) {
			const next = k < prot.length ? prot[k] : null;
			// Quote markers continuing the block's lines do not cut it: a name may run across a line break there.
			if (next && next[0] < block.end && isQuoteMarks(markdown, next[0], next[1])) continue;
			const segEnd = next ? Math.min(next[0], block.end) : block.end;
			if (segEnd > pos) trie.scan(markdown, pos, segEnd, block.start, raw);
			if (!next || next[0] >= block.end) break;
			pos = Math.max(pos, next[1]);
		}
		const inTable = block.kind === 'table';
		for (let m = 0; m < raw.length; m++) {
			const { start, end, target } = raw[m];
			if (target === null) continue; // one surface, several notes: ambiguous, leave it
			if (unsafeEdges(markdown, start, end)) continue;
			if (!markersOnly(markdown, start, end, prot, r)) continue;
			const key = target.key;
			if (key === self) continue;
			if (scope !== 'every') {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			ins.push({ start, end, note: target.note, inTable });
		}
	}
	return ins;
}

/** Adds links to `markdown`. Everything outside the inserted link syntax stays byte-identical. */
export function linkNote(markdown: string, index: LinkIndex, options: Partial<LinkOptions> = {}): LinkResult {
	const ins = planLinks(markdown, index, options);
	if (ins.length === 0) return { text: markdown, records: [], added: 0 };
	const { text, records } = splice(markdown, ins, options.format ?? DEFAULT_LINK_OPTIONS.format);
	return { text, records, added: ins.length };
}

/** Removes the links Envoy added (by their records) and restores the original text; user links stay. */
export function unlinkNote(markdown: string, records: LinkRecord[]): UnlinkResult {
	const at = locate(markdown, records);
	const hits: Array<{ at: number; r: LinkRecord }> = [];
	const remaining: LinkRecord[] = [];
	records.forEach((r, i) => (at[i] >= 0 ? hits.push({ at: at[i], r }) : remaining.push(r)));
	hits.sort((a, b) => a.at - b.at);
	const parts: string[] = [];
	let last = 0;
	for (const h of hits) {
		parts.push(markdown.slice(last, h.at), h.r.text);
		last = h.at + h.r.link.length;
	}
	parts.push(markdown.slice(last));
	return { text: parts.join(''), removed: hits.length, remaining };
}

/** The text a link shows for a surface (line breaks folded), exposed for adapters that preview links. */
export { linkText };
