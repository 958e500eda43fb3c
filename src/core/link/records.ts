// What unlinking needs: each added link with its original text and a little original context on
// either side. Offsets go stale as soon as the user edits the note, so a record is found again by
// its exact link string, scored by how much of its context still surrounds it, in document order.

import { foldBreaks, isFoldedSpace } from './tokens';

/** One link Envoy added. Small and JSON-serialisable, for the adapters' ledger. */
export interface LinkRecord {
	/** Target note name. */
	note: string;
	/** The exact link syntax inserted. */
	link: string;
	/** The exact original text it replaced. */
	text: string;
	/** Up to 16 characters of the original text before and after the surface, as it reads (link syntax removed). */
	before: string;
	after: string;
}

const CONTEXT = 16;
/** Context characters that must still agree before a link is taken for ours. */
const MIN_AGREEMENT = 8;

/** The record of one link replacing original[from, to). */
export function makeRecord(original: string, from: number, to: number, note: string, link: string, text: string): LinkRecord {
	return { note, link, text, before: contextBefore(original, from), after: contextAfter(original, to) };
}

/** Is there a character of link syntax in s[from, to)? A `)` may close a Markdown link whose `[` lies further back. */
function hasLinkSyntax(s: string, from: number, to: number, paren: boolean): boolean {
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i);
		if (c === 91 || c === 93 || (paren && c === 41)) return true;
	}
	return false;
}

// Context as it reads (link syntax removed), taken wide enough that no link is cut in half. Fast path:
// link syntax that changes the context's characters ends inside it (before: `]]` or `)`) or starts
// inside it (after: `[`, or `![` with the bracket just past it), so without those it reads as written.
function contextBefore(s: string, at: number): string {
	const from = Math.max(0, at - CONTEXT);
	if (!hasLinkSyntax(s, from, at, true)) return s.slice(from, at);
	return display(s.slice(Math.max(0, at - WINDOW), at)).slice(-CONTEXT);
}

function contextAfter(s: string, at: number): string {
	const to = Math.min(s.length, at + CONTEXT);
	if (!hasLinkSyntax(s, at, Math.min(s.length, to + 1), false)) return s.slice(at, to);
	return display(s.slice(at, at + WINDOW)).slice(0, CONTEXT);
}

/**
 * How a stretch of note reads with link syntax removed: `[[a|b]]` reads b, `[[a]]` a, `[t](u)` t.
 * Exactly `s.replace(/!?\[\[([^[\]|\\\n]*)(?:\\?\|([^[\]\n]*))?\]\]/g, alias ?? target)` followed by
 * `.replace(/!?\[([^[\]\n]*)\]\([^)\s]*\)/g, '$1')`, written out because records are made for
 * every link added and the regular expressions' callbacks dominated their cost.
 */
export function display(s: string): string {
	if (s.indexOf('[') < 0) return s;
	return displayMarkdownLinks(displayWikilinks(s));
}

function displayWikilinks(s: string): string {
	let i = s.indexOf('[[');
	if (i < 0) return s;
	let out = '';
	let last = 0;
	while (i >= 0) {
		let j = i + 2;
		let c = s.charCodeAt(j);
		while (j < s.length && c !== 91 && c !== 93 && c !== 124 && c !== 92 && c !== 10) c = s.charCodeAt(++j);
		let end = -1;
		let shown = '';
		if (c === 93 && s.charCodeAt(j + 1) === 93) {
			end = j + 2;
			shown = s.slice(i + 2, j);
		} else if (c === 124 || (c === 92 && s.charCodeAt(j + 1) === 124)) {
			const a = c === 124 ? j + 1 : j + 2;
			let k = a;
			let d = s.charCodeAt(k);
			while (k < s.length && d !== 91 && d !== 93 && d !== 10) d = s.charCodeAt(++k);
			if (d === 93 && s.charCodeAt(k + 1) === 93) {
				end = k + 2;
				shown = s.slice(a, k);
			}
		}
		if (end < 0) {
			i = s.indexOf('[[', i + 1);
			continue;
		}
		const start = i > last && s.charCodeAt(i - 1) === 33 ? i - 1 : i;
		out += s.slice(last, start) + shown;
		last = end;
		i = s.indexOf('[[', end);
	}
	return out + s.slice(last);
}

function displayMarkdownLinks(s: string): string {
	let i = s.indexOf('[');
	if (i < 0) return s;
	let out = '';
	let last = 0;
	while (i >= 0) {
		let j = i + 1;
		let c = s.charCodeAt(j);
		while (j < s.length && c !== 91 && c !== 93 && c !== 10) c = s.charCodeAt(++j);
		let end = -1;
		if (c === 93 && s.charCodeAt(j + 1) === 40) {
			let k = j + 2;
			let d = s.charCodeAt(k);
			while (k < s.length && d !== 41 && !isFoldedSpace(d)) d = s.charCodeAt(++k);
			if (d === 41) end = k + 1;
		}
		if (end < 0) {
			i = s.indexOf('[', i + 1);
			continue;
		}
		const start = i > last && s.charCodeAt(i - 1) === 33 ? i - 1 : i;
		out += s.slice(last, start) + s.slice(i + 1, j);
		last = end;
		i = s.indexOf('[', end);
	}
	return out + s.slice(last);
}

/** Window of raw text wide enough to hold the context even when neighbouring links add syntax. */
const WINDOW = 160;

// Whitespace runs compare as one space. Folded, line breaks also compare as a link shows them (a
// neighbour split by one may have been joined since); folding looks back to the line break, which a
// context cut mid-line lacks, so both readings are scored.
const squash = (s: string): string => s.replace(/\s+/g, ' ');
const fold = (s: string): string => squash(foldBreaks(s));

function commonSuffix(a: string, b: string): number {
	let n = 0;
	while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
	return n;
}

function commonPrefix(a: string, b: string): number {
	let n = 0;
	while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
	return n;
}

/** The context around one occurrence of a link, in every reading locate compares. */
interface Around {
	before: string;
	shownBefore: string;
	foldedBefore: string;
	foldedShownBefore: string;
	after: string;
	shownAfter: string;
	foldedAfter: string;
	foldedShownAfter: string;
}

function around(md: string, p: number, e: number): Around {
	const rawBefore = md.slice(Math.max(0, p - WINDOW), p);
	const rawAfter = md.slice(e, e + WINDOW);
	const shownBefore = display(rawBefore);
	const shownAfter = display(rawAfter);
	// Without link syntax or line breaks nearby the readings coincide: computed once.
	const before = squash(rawBefore);
	const after = squash(rawAfter);
	const sb = shownBefore === rawBefore ? before : squash(shownBefore);
	const sa = shownAfter === rawAfter ? after : squash(shownAfter);
	const breaksBefore = rawBefore.includes('\n');
	const breaksAfter = rawAfter.includes('\n');
	return {
		before,
		shownBefore: sb,
		foldedBefore: breaksBefore ? fold(rawBefore) : before,
		foldedShownBefore: breaksBefore ? fold(shownBefore) : sb,
		after,
		shownAfter: sa,
		foldedAfter: breaksAfter ? fold(rawAfter) : after,
		foldedShownAfter: breaksAfter ? fold(shownAfter) : sa,
	};
}

// The shapes renderLink writes. Their occurrences are collected in one pass over the note; searching
// the note once per distinct link was quadratic in a long note with many links.
const WIKILINK = /\[\[[^[\]\n]*\]\]/g;
const MDLINK = /\[[^[\]\n]*\]\([^()\s]*\)/g;
const SHAPED = /^(?:\[\[[^[\]\n]*\]\]|\[[^[\]\n]*\]\([^()\s]*\))$/;

function linkOccurrences(md: string): Map<string, number[]> {
	const out = new Map<string, number[]>();
	for (const re of [WIKILINK, MDLINK])
		for (const m of md.matchAll(re)) {
			const list = out.get(m[0]);
			if (list) list.push(m.index);
			else out.set(m[0], [m.index]);
		}
	return out;
}

/** Where each record's link is now, or -1 when it is gone or no longer recognisably ours. */
export function locate(md: string, records: LinkRecord[]): number[] {
	const shaped = linkOccurrences(md);
	const occurrences = new Map<string, number[]>();
	// An often-linked name has many occurrences, each scored against many records: its contexts are read once.
	const contexts = new Map<number, Around>();
	const used = new Set<number>();
	const found: number[] = [];
	let last = -1;
	for (const r of records) {
		let occ = SHAPED.test(r.link) ? (shaped.get(r.link) ?? []) : occurrences.get(r.link);
		if (!occ) {
			occ = [];
			for (let p = md.indexOf(r.link); p >= 0; p = md.indexOf(r.link, p + 1)) occ.push(p);
			occurrences.set(r.link, occ);
		}
		const before = squash(r.before);
		const after = squash(r.after);
		const foldedBefore = fold(r.before);
		const foldedAfter = fold(r.after);
		const need = Math.min(MIN_AGREEMENT, before.length + after.length);
		let best = -1;
		let bestScore = -1;
		let tied = false;
		for (const p of occ) {
			if (used.has(p)) continue;
			let c = contexts.get(p);
			if (!c) contexts.set(p, (c = around(md, p, p + r.link.length)));
			// Compared as it reads, so neighbours linked or unlinked since do not count as edits: raw
			// agreement covers contexts stored raw (no bracket nearby then), display agreement neighbours
			// linked or unlinked since.
			const score =
				Math.max(
					commonSuffix(c.before, before),
					commonSuffix(c.shownBefore, before),
					commonSuffix(c.foldedBefore, foldedBefore),
					commonSuffix(c.foldedShownBefore, foldedBefore),
				) +
				Math.max(
					commonPrefix(c.after, after),
					commonPrefix(c.shownAfter, after),
					commonPrefix(c.foldedAfter, foldedAfter),
					commonPrefix(c.foldedShownAfter, foldedAfter),
				);
			if (score < need) continue;
			// Equal scores: prefer document order (the first candidate after the previous record).
			if (score === bestScore) tied = true;
			if (score > bestScore) tied = false;
			if (score > bestScore || (score === bestScore && best < last && p > last)) {
				best = p;
				bestScore = score;
			}
		}
		// Too little context to tell ours from an identical link the user wrote: leave both.
		if (tied && bestScore < MIN_AGREEMENT) best = -1;
		found.push(best);
		if (best >= 0) {
			used.add(best);
			last = best;
		}
	}
	return found;
}
