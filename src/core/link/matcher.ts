// Word-start trie keyed by whole words. Why not Aho–Corasick (modern-ahocorasick) or a character
// trie: names may only start and end on word boundaries, so only word starts need a lookup, and one
// hash-map probe per word (behind a 1M-bucket first-word filter that rejects most words without
// allocating) is cheaper than walking automaton states on every character. It also lets the
// separator between words be normalised on the fly ("Kim\nJong  Un" = "Kim Jong Un"), which a
// character automaton cannot do without rewriting the text.

import { hashWord as hashWordShared, isWordCode as isWordCodeShared, normaliseSeparator, sentenceStartAt as sentenceStartAtShared, tokenizeName } from './tokens';
// Module-local aliases: some loaders compile imports to property getters, which hot loops must not pay per character.
const hashWord = hashWordShared;
const isWordCode = isWordCodeShared;
const sentenceStartAt = sentenceStartAtShared;


export interface TrieEnd {
	/** Non-word characters that must follow the last word ("." of "U.S."). */
	tail: string;
	/** Notes this exact surface links to. */
	notes: string[];
	/** Notes it links to only at a sentence start (capitalised concepts). */
	initialNotes: string[];
}

interface TrieNode {
	/** Children by the hash of their key (normalised separator + next word); collisions share a bucket. */
	next?: Map<number, Child[]>;
	ends?: TrieEnd[];
}

interface Child {
	key: string;
	node: TrieNode;
}

function childOf(map: Map<number, Child[]> | undefined, key: string): TrieNode | undefined {
	const bucket = map?.get(hashWord(key, 0, key.length));
	if (bucket) for (const c of bucket) if (c.key === key) return c.node;
	return undefined;
}

function addChild(map: Map<number, Child[]>, key: string): TrieNode {
	const h = hashWord(key, 0, key.length);
	let bucket = map.get(h);
	if (!bucket) map.set(h, (bucket = []));
	for (const c of bucket) if (c.key === key) return c.node;
	const node: TrieNode = {};
	bucket.push({ key, node });
	return node;
}

function removeChild(map: Map<number, Child[]>, key: string): void {
	const h = hashWord(key, 0, key.length);
	const bucket = map.get(h)?.filter((c) => c.key !== key);
	if (!bucket || bucket.length === 0) map.delete(h);
	else map.set(h, bucket);
}

/** Does `md` hold `key` at [from, to) exactly (key[skip…] against md[from…])? No allocation. */
function regionIs(md: string, from: number, to: number, key: string, skip: number): boolean {
	if (key.length - skip !== to - from) return false;
	for (let i = from, k = skip; i < to; i++, k++) if (md.charCodeAt(i) !== key.charCodeAt(k)) return false;
	return true;
}

/** Child whose key is `sep` + md[from, to), given the hash of the whole key. */
function childAt(map: Map<number, Child[]>, h: number, sep: string, md: string, from: number, to: number): TrieNode | undefined {
	const bucket = map.get(h);
	if (!bucket) return undefined;
	for (const c of bucket) if (c.key.startsWith(sep) && regionIs(md, from, to, c.key, sep.length)) return c.node;
	return undefined;
}

export interface RawMatch {
	start: number;
	end: number;
	/** Candidate notes: exactly one means the match links, more means ambiguous. */
	notes: string[];
}

const FILTER_BITS = 20;
const FILTER_MASK = (1 << FILTER_BITS) - 1;
/** Longest separator (raw characters) accepted between two words of a name. */
const MAX_SEP = 8;

export class NameTrie {
	private readonly root = new Map<number, Child[]>();
	/** Count of surfaces per first-word hash bucket: zero means no name starts with a word of that hash. */
	private readonly filter = new Uint16Array(1 << FILTER_BITS);

	add(surface: string, note: string, initialOnly: boolean): boolean {
		const t = tokenizeName(surface);
		if (!t) return false;
		let node = addChild(this.root, t.words[0]);
		for (let k = 1; k < t.words.length; k++) {
			node.next ??= new Map();
			node = addChild(node.next, t.seps[k - 1] + t.words[k]);
		}
		node.ends ??= [];
		let end = node.ends.find((e) => e.tail === t.tail);
		if (!end) node.ends.push((end = { tail: t.tail, notes: [], initialNotes: [] }));
		const list = initialOnly ? end.initialNotes : end.notes;
		if (list.includes(note)) return false;
		list.push(note);
		const bucket = hashWord(t.words[0], 0, t.words[0].length) & FILTER_MASK;
		if (this.filter[bucket] < 0xffff) this.filter[bucket]++;
		return true;
	}

	delete(surface: string, note: string, initialOnly: boolean): void {
		const t = tokenizeName(surface);
		if (!t) return;
		const path: Array<[Map<number, Child[]>, string]> = [[this.root, t.words[0]]];
		let node = childOf(this.root, t.words[0]);
		for (let k = 1; node && k < t.words.length; k++) {
			const key = t.seps[k - 1] + t.words[k];
			if (!node.next) return;
			path.push([node.next, key]);
			node = childOf(node.next, key);
		}
		const end = node?.ends?.find((e) => e.tail === t.tail);
		if (!node || !end) return;
		const list = initialOnly ? end.initialNotes : end.notes;
		const at = list.indexOf(note);
		if (at < 0) return;
		list.splice(at, 1);
		const bucket = hashWord(t.words[0], 0, t.words[0].length) & FILTER_MASK;
		// A saturated bucket stays set: a false positive costs one lookup, a false negative a missed link.
		if (this.filter[bucket] < 0xffff) this.filter[bucket]--;
		if (end.notes.length === 0 && end.initialNotes.length === 0) node.ends = node.ends?.filter((e) => e !== end);
		// Prune nodes left empty, deepest first, so removals do not leak memory.
		for (let k = path.length - 1; k >= 0; k--) {
			const [map, key] = path[k];
			const n = childOf(map, key);
			if (!n || (n.ends && n.ends.length > 0) || (n.next && n.next.size > 0)) break;
			removeChild(map, key);
		}
	}

	/**
	 * Leftmost-longest matches inside [start, end) of `md`, which must hold no protected byte.
	 * `blockStart` bounds the look-back that decides whether a capitalised concept starts a sentence.
	 */
	scan(md: string, start: number, end: number, blockStart: number, out: RawMatch[]): void {
		const filter = this.filter;
		let i = start;
		while (i < end) {
			let c = md.charCodeAt(i);
			while (!isWordCode(c)) {
				if (++i >= end) return;
				c = md.charCodeAt(i);
			}
			const ws = i;
			let h = 0;
			do {
				h = (Math.imul(h, 31) + c) | 0;
				c = md.charCodeAt(++i);
			} while (i < end && isWordCode(c));
			const we = i;
			if (filter[h & FILTER_MASK] === 0) continue;
			// A word cut by a protected range or the segment edge is not a whole word.
			if ((ws > 0 && isWordCode(md.charCodeAt(ws - 1))) || (we < md.length && isWordCode(md.charCodeAt(we)))) continue;
			const m = this.longestFrom(md, ws, we, h, end, blockStart);
			if (m) {
				out.push(m);
				i = m.end;
			}
		}
	}

	private longestFrom(md: string, ws: number, we: number, h: number, end: number, blockStart: number): RawMatch | null {
		let node = childAt(this.root, h, '', md, ws, we);
		let e = we;
		let best: RawMatch | null = null;
		let initial: boolean | undefined;
		while (node) {
			if (node.ends) {
				for (const te of node.ends) {
					const stop = e + te.tail.length;
					if (te.tail !== '' && (stop > end || normaliseSeparator(md.slice(e, stop)) !== te.tail)) continue;
					if (stop < md.length && te.tail !== '' && isWordCode(md.charCodeAt(stop))) continue;
					let notes = te.notes;
					if (te.initialNotes.length > 0) {
						initial ??= sentenceStartAt(md, ws, blockStart);
						if (initial) notes = notes.length === 0 ? te.initialNotes : [...new Set([...notes, ...te.initialNotes])];
					}
					if (notes.length > 0 && (!best || stop > best.end)) best = { start: ws, end: stop, notes };
				}
			}
			if (!node.next) break;
			let j = e;
			while (j < end && !isWordCode(md.charCodeAt(j))) j++;
			if (j >= end || j - e > MAX_SEP) break;
			let sep = ' ';
			let hk = 32;
			if (j - e !== 1 || md.charCodeAt(e) !== 32) {
				const rawSep = md.slice(e, j);
				if (/\n[ \t\r>]*\n/.test(rawSep)) break; // never across a blank line
				sep = normaliseSeparator(rawSep);
				hk = hashWord(sep, 0, sep.length);
			}
			let k = j;
			while (k < end && isWordCode(md.charCodeAt(k))) {
				hk = (Math.imul(hk, 31) + md.charCodeAt(k)) | 0;
				k++;
			}
			node = childAt(node.next, hk, sep, md, j, k);
			e = k;
		}
		return best;
	}
}
