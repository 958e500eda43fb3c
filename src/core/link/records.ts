// What unlinking needs: each added link with its original text and a little original context on
// either side. Offsets go stale as soon as the user edits the note, so a record is found again by
// its exact link string, scored by how much of its context still surrounds it, in document order.

import type { Placed } from './splice';

/** One link Envoy added. Small and JSON-serialisable, for the adapters' ledger. */
export interface LinkRecord {
	/** Target note name. */
	note: string;
	/** The exact link syntax inserted. */
	link: string;
	/** The exact original text it replaced. */
	text: string;
	/** Up to CONTEXT characters of the original text before and after the surface. */
	before: string;
	after: string;
}

const CONTEXT = 16;
/** Context characters that must still agree before a link is taken for ours. */
const MIN_AGREEMENT = 8;

export function makeRecords(original: string, placed: Placed[]): LinkRecord[] {
	return placed.map((p) => {
		const end = p.from + p.text.length;
		return {
			note: p.note,
			link: p.link,
			text: p.text,
			before: original.slice(Math.max(0, p.from - CONTEXT), p.from),
			after: original.slice(end, end + CONTEXT),
		};
	});
}

const isBracket = (c: number): boolean => c === 91 || c === 93;

/** Characters of `ctx` (read backwards) that agree with `md` before `at`; link brackets are ignored on both sides. */
function agreeBefore(md: string, at: number, ctx: string): number {
	let i = at - 1;
	let j = ctx.length - 1;
	let n = 0;
	while (j >= 0) {
		while (i >= 0 && isBracket(md.charCodeAt(i))) i--;
		while (j >= 0 && isBracket(ctx.charCodeAt(j))) j--;
		if (i < 0 || j < 0 || md.charCodeAt(i) !== ctx.charCodeAt(j)) break;
		n++;
		i--;
		j--;
	}
	return n;
}

function agreeAfter(md: string, at: number, ctx: string): number {
	let i = at;
	let j = 0;
	let n = 0;
	while (j < ctx.length) {
		while (i < md.length && isBracket(md.charCodeAt(i))) i++;
		while (j < ctx.length && isBracket(ctx.charCodeAt(j))) j++;
		if (i >= md.length || j >= ctx.length || md.charCodeAt(i) !== ctx.charCodeAt(j)) break;
		n++;
		i++;
		j++;
	}
	return n;
}

function significant(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) if (!isBracket(s.charCodeAt(i))) n++;
	return n;
}

/** Where each record's link is now, or -1 when it is gone or no longer recognisably ours. */
export function locate(md: string, records: LinkRecord[]): number[] {
	const occurrences = new Map<string, number[]>();
	const used = new Set<number>();
	const found: number[] = [];
	let last = -1;
	for (const r of records) {
		let occ = occurrences.get(r.link);
		if (!occ) {
			occ = [];
			for (let p = md.indexOf(r.link); p >= 0; p = md.indexOf(r.link, p + 1)) occ.push(p);
			occurrences.set(r.link, occ);
		}
		const need = Math.min(MIN_AGREEMENT, significant(r.before) + significant(r.after));
		let best = -1;
		let bestScore = -1;
		for (const p of occ) {
			if (used.has(p)) continue;
			const score = agreeBefore(md, p, r.before) + agreeAfter(md, p + r.link.length, r.after);
			if (score < need) continue;
			// Equal scores: prefer document order (the first candidate after the previous record).
			if (score > bestScore || (score === bestScore && best < last && p > last)) {
				best = p;
				bestScore = score;
			}
		}
		found.push(best);
		if (best >= 0) {
			used.add(best);
			last = best;
		}
	}
	return found;
}
