// Finding the same article carried by several outlets. Copies differ in leftover boilerplate,
// paragraph breaks and a few edited sentences, so texts are compared as sets of word shingles:
// MinHash signatures bucketed by LSH bands propose candidates in near-linear time, and each
// candidate is confirmed by the exact Jaccard / containment of the two shingle sets.

import type { Article } from '../types';
import { ASCII_WORD, wordWidthAt } from '../text/char-table';
import { mix32 } from './hash';

export interface DuplicateOptions {
	/** Words per shingle. Five is long enough that distinct articles rarely share one by chance. */
	shingleSize?: number;
	bands?: number;
	rows?: number;
	/** Jaccard of the shingle sets at or above which two texts are the same article. */
	jaccard?: number;
	/** Share of the smaller text's shingles found in the larger one, for copies cut short. */
	containment?: number;
	/** Below this many shingles only an exact copy counts: short texts share phrases by chance. */
	minShingles?: number;
}

export interface DuplicateMatch {
	/** Id of the first text of the group this one joined, or null when it is new. */
	duplicateOf: string | null;
	/** Id of the text it matched best (may be a later member of the group). */
	match: string | null;
	/** Jaccard of the shingle sets with the best match (1 for an exact copy, 0 when new). */
	similarity: number;
	containment: number;
}

interface Entry {
	id: string;
	shingles: Uint32Array;
	exact: string;
	root: number;
}

// Thresholds: the closest pair of distinct real articles in the extraction bench scores Jaccard 0.14 and
// containment 0.27, so these keep a margin of over 2.5× while catching edited and cut copies (bench/import-dedupe.ts).
export const DUPLICATE_DEFAULTS: Readonly<Required<DuplicateOptions>> = { shingleSize: 5, bands: 40, rows: 3, jaccard: 0.4, containment: 0.7, minShingles: 20 };

/** The words of an article body, in order, as one text: what copies have in common. */
export function articleText(article: Article): string {
	return article.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text)).join('\n');
}

/** FNV-1a hash of each word (run of letters and digits) of the case- and compatibility-folded text, in one pass. */
export function wordHashes(text: string): number[] {
	const folded = text.normalize('NFKC').toLowerCase();
	const n = folded.length;
	const out: number[] = [];
	let h = 0;
	let inWord = false;
	for (let i = 0; i < n; i++) {
		const c = folded.charCodeAt(i);
		const width = c < 128 ? ASCII_WORD[c] : wordWidthAt(folded, i);
		if (width === 0) {
			if (inWord) out.push(h >>> 0);
			inWord = false;
			continue;
		}
		if (!inWord) {
			h = 0x811c9dc5;
			inWord = true;
		}
		h = Math.imul(h ^ c, 0x01000193);
		if (width === 2) h = Math.imul(h ^ folded.charCodeAt(++i), 0x01000193);
	}
	if (inWord) out.push(h >>> 0);
	return out;
}

/** What duplicate detection needs of a text, made wherever the text is (a worker thread) and handed to `add`. */
export interface TextFingerprint {
	/** Words per shingle it was made with. */
	size: number;
	shingles: Uint32Array;
	/** Key of the exact word sequence. */
	exact: string;
}

export function fingerprintText(text: string, size = DUPLICATE_DEFAULTS.shingleSize): TextFingerprint {
	const w = wordHashes(text);
	return { size, shingles: shinglesOf(w, size), exact: sequenceKey(w) };
}

/** Sorted, distinct 32-bit hashes of the word n-grams. */
export function shingleSet(text: string, size = DUPLICATE_DEFAULTS.shingleSize): Uint32Array {
	return shinglesOf(wordHashes(text), size);
}

function shinglesOf(w: number[], size: number): Uint32Array {
	const count = w.length < size ? Math.min(1, w.length) : w.length - size + 1;
	const out = new Uint32Array(count);
	for (let i = 0; i < count; i++) {
		let h = 0x9e3779b9;
		const end = Math.min(i + size, w.length);
		for (let j = i; j < end; j++) h = Math.imul(h ^ w[j], 0x01000193);
		out[i] = mix32(h);
	}
	out.sort();
	// Distinct values, in place: the sets are compared by merging.
	let n = 0;
	for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
	return out.subarray(0, n);
}

/** Key of the exact word sequence: equal for copies that differ only in spacing, case or punctuation. */
function sequenceKey(w: number[]): string {
	let a = 0x811c9dc5;
	let b = 0x9747b28c;
	for (const x of w) {
		a = Math.imul(a ^ x, 0x01000193);
		b = Math.imul(b ^ x, 0x5bd1e995);
	}
	return `${w.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

function intersectionSize(a: Uint32Array, b: Uint32Array): number {
	let i = 0;
	let j = 0;
	let n = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			n++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	return n;
}

export function similarity(a: Uint32Array, b: Uint32Array): { jaccard: number; containment: number } {
	const inter = intersectionSize(a, b);
	const small = Math.min(a.length, b.length);
	return {
		jaccard: inter === 0 ? 0 : inter / (a.length + b.length - inter),
		containment: small === 0 ? 0 : inter / small,
	};
}

export class DuplicateFinder {
	private readonly options: Required<DuplicateOptions>;
	/** Signature length: bands × rows. */
	private readonly bins: number;
	private readonly entries: Entry[] = [];
	private readonly byId = new Map<string, number>();
	/** One map per band, from the band's hash to the texts in that bucket (a bare index for the usual single one). */
	private readonly buckets: Map<number, number | number[]>[];
	private readonly exact = new Map<string, number>();

	constructor(options: DuplicateOptions = {}) {
		this.options = { ...DUPLICATE_DEFAULTS, ...options };
		this.bins = this.options.bands * this.options.rows;
		this.buckets = Array.from({ length: this.options.bands }, () => new Map<number, number | number[]>());
	}

	get size(): number {
		return this.entries.length;
	}

	has(id: string): boolean {
		return this.byId.has(id);
	}

	/** Id of the first member of the group `id` belongs to. */
	groupOf(id: string): string | null {
		const index = this.byId.get(id);
		return index === undefined ? null : this.entries[this.entries[index].root].id;
	}

	/**
	 * MinHash signature by one-permutation hashing: each shingle lands in one of the bins and each bin keeps
	 * its smallest value, so the cost is one pass over the shingles instead of one per bin. Empty bins
	 * borrow a filled bin's value, picked by a hash of the bin alone (the same for every text), which keeps
	 * P(two signatures agree in a bin) equal to the Jaccard of the sets (Shrivastava, ICML 2017).
	 */
	private signature(shingles: Uint32Array): Uint32Array {
		const count = this.bins;
		const sig = new Uint32Array(count).fill(0xffffffff);
		const filled = new Uint8Array(count);
		for (let j = 0; j < shingles.length; j++) {
			const s = shingles[j];
			// Shingles are already well mixed: the high bits choose the bin, a second mix the value.
			const bin = Math.floor((s / 4294967296) * count);
			const value = mix32(s ^ 0x5bd1e995);
			filled[bin] = 1;
			if (value < sig[bin]) sig[bin] = value;
		}
		if (shingles.length === 0) return sig;
		for (let i = 0; i < count; i++) {
			if (filled[i]) continue;
			for (let attempt = 0; ; attempt++) {
				const probe = mix32(Math.imul(i + 1, 0x9e3779b9) ^ Math.imul(attempt + 1, 0x85ebca6b)) % count;
				if (filled[probe]) {
					sig[i] = sig[probe];
					break;
				}
			}
		}
		return sig;
	}

	/** One key per band; 30 bits keep them small integers, and a rare collision only costs a verification. */
	private bandKeys(sig: Uint32Array): number[] {
		const { bands, rows } = this.options;
		const keys: number[] = [];
		for (let b = 0; b < bands; b++) {
			let h = 0x811c9dc5;
			for (let r = 0; r < rows; r++) h = mix32(Math.imul(h ^ sig[b * rows + r], 0x01000193));
			keys.push(h & 0x3fffffff);
		}
		return keys;
	}

	private isDuplicate(a: Uint32Array, b: Uint32Array, sim: { jaccard: number; containment: number }): boolean {
		if (Math.min(a.length, b.length) < this.options.minShingles) return false;
		return sim.jaccard >= this.options.jaccard || sim.containment >= this.options.containment;
	}

	private lookup(text: string | TextFingerprint): { best: number; jaccard: number; containment: number; shingles: Uint32Array; exact: string; keys: number[] } {
		const print = typeof text === 'string' ? fingerprintText(text, this.options.shingleSize) : text;
		if (print.size !== this.options.shingleSize) throw new Error(`fingerprint made with ${print.size}-word shingles, this finder uses ${this.options.shingleSize}`);
		const { shingles, exact } = print;
		const keys = shingles.length ? this.bandKeys(this.signature(shingles)) : [];
		const exactHit = this.exact.get(exact);
		if (exactHit !== undefined && shingles.length > 0) return { best: exactHit, jaccard: 1, containment: 1, shingles, exact, keys };
		let best = -1;
		let bestSim = { jaccard: 0, containment: 0 };
		const seen = new Set<number>();
		for (let b = 0; b < keys.length; b++) {
			const bucket = this.buckets[b].get(keys[b]);
			if (bucket === undefined) continue;
			for (const candidate of typeof bucket === 'number' ? [bucket] : bucket) {
				if (seen.has(candidate)) continue;
				seen.add(candidate);
				const other = this.entries[candidate].shingles;
				const sim = similarity(shingles, other);
				if (this.isDuplicate(shingles, other, sim) && sim.jaccard + sim.containment > bestSim.jaccard + bestSim.containment) {
					best = candidate;
					bestSim = sim;
				}
			}
		}
		return { best, ...bestSim, shingles, exact, keys };
	}

	/** The best earlier text `text` duplicates, without recording it. */
	find(text: string | TextFingerprint): DuplicateMatch {
		const hit = this.lookup(text);
		return this.toMatch(hit.best, hit.jaccard, hit.containment);
	}

	/** Records `text` under `id` and says which earlier group, if any, it belongs to. Ids must be unique. */
	add(id: string, text: string | Article | TextFingerprint): DuplicateMatch {
		if (this.byId.has(id)) throw new Error(`duplicate id ${id}`);
		const hit = this.lookup(typeof text === 'string' || 'shingles' in text ? text : articleText(text));
		const index = this.entries.length;
		const root = hit.best >= 0 ? this.entries[hit.best].root : index;
		this.entries.push({ id, shingles: hit.shingles, exact: hit.exact, root });
		this.byId.set(id, index);
		if (hit.shingles.length > 0 && !this.exact.has(hit.exact)) this.exact.set(hit.exact, index);
		hit.keys.forEach((key, b) => {
			const band = this.buckets[b];
			const bucket = band.get(key);
			if (bucket === undefined) band.set(key, index);
			else if (typeof bucket === 'number') band.set(key, [bucket, index]);
			else bucket.push(index);
		});
		return this.toMatch(hit.best, hit.jaccard, hit.containment);
	}

	private toMatch(best: number, jaccard: number, containment: number): DuplicateMatch {
		if (best < 0) return { duplicateOf: null, match: null, similarity: 0, containment: 0 };
		return { duplicateOf: this.entries[this.entries[best].root].id, match: this.entries[best].id, similarity: jaccard, containment };
	}
}

/** How much an article says about itself: the richest copy of a group becomes the note. */
export function metadataRichness(article: Article): number {
	const present = [
		article.authors.length > 0,
		Boolean(article.published),
		Boolean(article.subtitle),
		Boolean(article.publisher),
		Boolean(article.originalPublisher),
		article.tags.length > 0,
		article.topics.length > 0,
		article.regions.length > 0,
		!article.titleDerived,
	];
	return present.filter(Boolean).length;
}

/** Index of the canonical copy: richest metadata, then longest body, then the earliest. */
export function pickCanonical(articles: readonly Article[]): number {
	let best = 0;
	for (let i = 1; i < articles.length; i++) {
		const a = articles[i];
		const b = articles[best];
		const byMeta = metadataRichness(a) - metadataRichness(b);
		if (byMeta > 0 || (byMeta === 0 && articleText(a).length > articleText(b).length)) best = i;
	}
	return best;
}
