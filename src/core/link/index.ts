// Envoy auto-link: insert entity links into prose, exactly, reversibly and fast.
//
//   const index = new LinkIndex([{ note: 'Moscow', names: ['Moscow'] }]);
//   const { text, records } = linkNote(markdown, index, { scope: 'paragraph', linkHeadings: false, format: 'wikilink' });
//   unlinkNote(text, records).text === markdown; // when nothing else changed
//
// Only prose is linked (see scan-protected.ts for what is not prose). Matches are leftmost-longest
// on word boundaries, case-sensitive except sentence-initial concepts. Linking is idempotent.

import { linkText, splice, type Insertion, type LinkFormat } from './splice';
import { locate, makeRecords, type LinkRecord } from './records';
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
	const delim = (c: number): boolean => c === 42 || c === 95 || c === 126 || c === 61;
	if (delim(p) && start >= 2 && isWordCode(md.charCodeAt(start - 2))) return true;
	return delim(n) && isWordCode(md.charCodeAt(end + 1));
}

/** Where links would go, without changing anything (previews, tests): sorted, non-overlapping. */
export function planLinks(markdown: string, index: LinkIndex, options: Partial<LinkOptions> = {}): Insertion[] {
	const opts: LinkOptions = { ...DEFAULT_LINK_OPTIONS, ...options };
	const scan = scanNote(markdown);
	const prot = scan.protected;
	const self = opts.selfNote?.toLowerCase();
	const noteWide = new Set<string>();
	const perBlock = new Map<number, Set<string>>();
	for (const l of scan.links) {
		noteWide.add(l.target);
		let s = perBlock.get(l.block);
		if (!s) perBlock.set(l.block, (s = new Set()));
		s.add(l.target);
	}

	const ins: Insertion[] = [];
	const raw: RawMatch[] = [];
	let r = 0;
	for (let b = 0; b < scan.blocks.length; b++) {
		const block = scan.blocks[b];
		if (block.kind === 'heading' && !opts.linkHeadings) continue;
		// Protected ranges are sorted and so are blocks: walk both once.
		while (r < prot.length && prot[r][1] <= block.start) r++;
		raw.length = 0;
		let pos = block.start;
		for (let k = r; pos < block.end; k++) {
			const next = k < prot.length ? prot[k] : null;
			const segEnd = next ? Math.min(next[0], block.end) : block.end;
			if (segEnd > pos) index.trie.scan(markdown, pos, segEnd, block.start, raw);
			if (!next || next[0] >= block.end) break;
			pos = Math.max(pos, next[1]);
		}
		for (const m of raw) {
			if (m.notes.length !== 1) continue; // one surface, several notes: ambiguous, leave it
			if (unsafeEdges(markdown, m.start, m.end)) continue;
			const note = m.notes[0];
			const key = note.toLowerCase();
			if (key === self) continue;
			if (opts.scope === 'note') {
				if (noteWide.has(key)) continue;
				noteWide.add(key);
			} else if (opts.scope === 'paragraph') {
				let s = perBlock.get(b);
				if (!s) perBlock.set(b, (s = new Set()));
				if (s.has(key)) continue;
				s.add(key);
			}
			ins.push({ start: m.start, end: m.end, note, inTable: block.kind === 'table' });
		}
	}
	return ins;
}

/** Adds links to `markdown`. Everything outside the inserted link syntax stays byte-identical. */
export function linkNote(markdown: string, index: LinkIndex, options: Partial<LinkOptions> = {}): LinkResult {
	const ins = planLinks(markdown, index, options);
	if (ins.length === 0) return { text: markdown, records: [], added: 0 };
	const { text, placed } = splice(markdown, ins, options.format ?? DEFAULT_LINK_OPTIONS.format);
	return { text, records: makeRecords(markdown, placed), added: ins.length };
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
