// Word-start trie keyed by whole words. Why not Aho–Corasick (modern-ahocorasick) or a character
// trie: names may only start and end on word boundaries, so only word starts need a lookup, and one
// hash-map probe per word (behind a 1M-bucket first-word filter that rejects most words without
// allocating) is cheaper than walking automaton states on every character. It also lets the
// separator between words be normalised on the fly ("Kim\nJong  Un" = "Kim Jong Un"), which a
// character automaton cannot do without rewriting the text.
//
// The scan runs once per word of every note, so it allocates nothing but the matches it returns:
// children are chained by hash instead of kept in arrays, keys are compared in place, and a
// separator that no name contains is rejected before it is sliced or normalised.

import {
	hashWord as hashWordShared,
	isFoldedSpace as isFoldedSpaceShared,
	isWordCode as isWordCodeShared,
	normaliseSeparator,
	sentenceStartAt as sentenceStartAtShared,
	tokenizeName,
} from './tokens';
// Module-local aliases: some loaders compile imports to property getters, which hot loops must not pay per character.
const hashWord = hashWordShared;
const isFoldedSpace = isFoldedSpaceShared;
const isWordCode = isWordCodeShared;
const sentenceStartAt = sentenceStartAtShared;

/** A note as matches hand it out, with the lower-case key that scope bookkeeping compares. */
export interface TargetRef {
	note: string;
	key: string;
}

export interface TrieEnd {
	/** Non-word characters that must follow the last word ("." of "U.S."). */
	tail: string;
	/** Notes this exact surface links to. */
	notes: TargetRef[];
	/** Notes it links to only at a sentence start (capitalised concepts). */
	initialNotes: TargetRef[];
}

interface TrieNode {
	/** Children by the hash of their key (normalised separator + next word). */
	next: Map<number, Child> | undefined;
	ends: TrieEnd[] | undefined;
}

interface Child {
	key: string;
	node: TrieNode;
	/** Next child whose key has the same hash. */
	alt: Child | undefined;
}

export interface RawMatch {
	start: number;
	end: number;
	/** The note it links to; null when the surface names several notes (ambiguous: not linked, but it still hides the shorter matches inside it). */
	target: TargetRef | null;
}

const newNode = (): TrieNode => ({ next: undefined, ends: undefined });

/** The child keyed `sep` + md[from, to), compared in place. */
function childAt(map: Map<number, Child>, h: number, sep: string, md: string, from: number, to: number): TrieNode | undefined {
	const sl = sep.length;
	const len = sl + to - from;
	for (let c = map.get(h); c !== undefined; c = c.alt) {
		const key = c.key;
		if (key.length !== len) continue;
		let k = 0;
		while (k < sl && key.charCodeAt(k) === sep.charCodeAt(k)) k++;
		if (k < sl) continue;
		let i = from;
		while (i < to && md.charCodeAt(i) === key.charCodeAt(k)) {
			i++;
			k++;
		}
		if (i === to) return c.node;
	}
	return undefined;
}

const childOf = (map: Map<number, Child> | undefined, key: string): TrieNode | undefined =>
	map === undefined ? undefined : childAt(map, hashWord(key, 0, key.length), '', key, 0, key.length);

function addChild(map: Map<number, Child>, key: string): TrieNode {
	const found = childOf(map, key);
	if (found) return found;
	const h = hashWord(key, 0, key.length);
	const node = newNode();
	map.set(h, { key, node, alt: map.get(h) });
	return node;
}

function removeChild(map: Map<number, Child>, key: string): void {
	const h = hashWord(key, 0, key.length);
	let head = map.get(h);
	if (head?.key === key) head = head.alt;
	else for (let c = head; c?.alt !== undefined; c = c.alt) if (c.alt.key === key) c.alt = c.alt.alt;
	if (head === undefined) map.delete(h);
	else map.set(h, head);
}

/** The one distinct note of two lists: undefined for none, null for several. */
function single(a: TargetRef[], b: TargetRef[]): TargetRef | null | undefined {
	let one: TargetRef | undefined;
	for (const list of [a, b])
		for (const t of list) {
			if (one === undefined) one = t;
			else if (one.note !== t.note) return null;
		}
	return one;
}

const FILTER_BITS = 20;
const FILTER_MASK = (1 << FILTER_BITS) - 1;
/** Longest separator (raw characters) accepted between two words of a name. */
const MAX_SEP = 8;
const SPACE = ' ';

export class NameTrie {
	private readonly root = new Map<number, Child>();
	/** Count of surfaces per first-word hash bucket: zero means no name starts with a word of that hash. */
	private readonly filter = new Uint16Array(1 << FILTER_BITS);
	/** Characters other than spaces seen in the separators of names: a separator with any other cannot continue a name. Never cleared (a superset is safe). */
	private readonly sepChars = new Uint8Array(65536);
	// Result of the last longestFrom, kept in fields so the search allocates nothing.
	private matchEnd = 0;
	private matchTarget: TargetRef | null = null;

	add(surface: string, note: string, initialOnly: boolean): boolean {
		const t = tokenizeName(surface);
		if (!t) return false;
		let node = addChild(this.root, t.words[0]);
		for (let k = 1; k < t.words.length; k++) {
			const sep = t.seps[k - 1];
			for (let i = 0; i < sep.length; i++) this.sepChars[sep.charCodeAt(i)] = 1;
			node.next ??= new Map();
			node = addChild(node.next, sep + t.words[k]);
		}
		node.ends ??= [];
		let end = node.ends.find((e) => e.tail === t.tail);
		if (!end) node.ends.push((end = { tail: t.tail, notes: [], initialNotes: [] }));
		const list = initialOnly ? end.initialNotes : end.notes;
		if (list.some((r) => r.note === note)) return false;
		list.push({ note, key: note.toLowerCase() });
		const bucket = hashWord(t.words[0], 0, t.words[0].length) & FILTER_MASK;
		if (this.filter[bucket] < 0xffff) this.filter[bucket]++;
		return true;
	}

	delete(surface: string, note: string, initialOnly: boolean): void {
		const t = tokenizeName(surface);
		if (!t) return;
		const path: Array<[Map<number, Child>, string]> = [[this.root, t.words[0]]];
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
		const at = list.findIndex((r) => r.note === note);
		if (at < 0) return;
		list.splice(at, 1);
		const bucket = hashWord(t.words[0], 0, t.words[0].length) & FILTER_MASK;
		// A saturated bucket stays set: a false positive costs one lookup, a false negative a missed link.
		if (this.filter[bucket] < 0xffff) this.filter[bucket]--;
		if (end.notes.length === 0 && end.initialNotes.length === 0) node.ends = node.ends?.filter((e) => e !== end);
		if (node.ends?.length === 0) node.ends = undefined;
		// Prune nodes left empty, deepest first, so removals do not leak memory.
		for (let k = path.length - 1; k >= 0; k--) {
			const [map, key] = path[k];
			const n = childOf(map, key);
			if (!n || n.ends !== undefined || (n.next && n.next.size > 0)) break;
			removeChild(map, key);
		}
	}

	/**
	 * Leftmost-longest matches inside [start, end) of `md`, which must hold no protected byte.
	 * `blockStart` bounds the look-back that decides whether a capitalised concept starts a sentence.
	 */
	scan(md: string, start: number, end: number, blockStart: number, out: RawMatch[]): void {
		const filter = this.filter;
		const len = md.length;
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
			if (filter[h & FILTER_MASK] === 0) continue;
			// A word cut by a protected range or the segment edge is not a whole word.
			if ((ws > 0 && isWordCode(md.charCodeAt(ws - 1))) || (i < len && isWordCode(c))) continue;
			if (this.longestFrom(md, ws, i, h, end, blockStart)) {
				out.push({ start: ws, end: this.matchEnd, target: this.matchTarget });
				i = this.matchEnd;
			}
		}
	}

	/** Longest name starting with the word [ws, we) of hash h; the result goes to matchEnd/matchTarget. */
	private longestFrom(md: string, ws: number, we: number, h: number, end: number, blockStart: number): boolean {
		const sepChars = this.sepChars;
		let node = childAt(this.root, h, '', md, ws, we);
		let e = we;
		let bestEnd = -1;
		let bestTarget: TargetRef | null = null;
		let initial: boolean | undefined;
		while (node !== undefined) {
			const ends = node.ends;
			if (ends !== undefined) {
				for (let x = 0; x < ends.length; x++) {
					const te = ends[x];
					let stop = e;
					if (te.tail !== '') {
						stop = e + te.tail.length;
						if (stop > end || normaliseSeparator(md.slice(e, stop)) !== te.tail) continue;
						if (stop < md.length && isWordCode(md.charCodeAt(stop))) continue;
					}
					if (stop <= bestEnd) continue;
					let target: TargetRef | null | undefined;
					if (te.initialNotes.length > 0 && (initial ??= sentenceStartAt(md, ws, blockStart))) target = single(te.notes, te.initialNotes);
					else target = te.notes.length === 0 ? undefined : te.notes.length === 1 ? te.notes[0] : null;
					if (target === undefined) continue;
					bestEnd = stop;
					bestTarget = target;
				}
			}
			const next = node.next;
			if (next === undefined) break;
			// The separator: folded spaces only (the common case: no slicing), or characters some name's separator has.
			let j = e;
			let spaces = true;
			let afterBreak = false;
			while (j < end) {
				const c = md.charCodeAt(j);
				if (isWordCode(c)) break;
				if (j - e >= MAX_SEP) return this.found(bestEnd, bestTarget);
				if (c === 10) {
					if (afterBreak) return this.found(bestEnd, bestTarget); // never across a blank line
					afterBreak = true;
				} else if (c !== 32 && c !== 9 && c !== 13 && c !== 62) afterBreak = false;
				if (!isFoldedSpace(c)) {
					if (sepChars[c] === 0 && c !== 0x2019 && c !== 0x2bc) return this.found(bestEnd, bestTarget);
					spaces = false;
				}
				j++;
			}
			if (j >= end) break;
			let sep = SPACE;
			let hk = 32;
			if (!spaces) {
				sep = normaliseSeparator(md.slice(e, j));
				hk = hashWord(sep, 0, sep.length);
			}
			let k = j;
			let c = md.charCodeAt(k);
			do {
				hk = (Math.imul(hk, 31) + c) | 0;
				c = md.charCodeAt(++k);
			} while (k < end && isWordCode(c));
			// Cut by a protected range: not a whole word.
			if (k === end && k < md.length && isWordCode(c)) break;
			node = childAt(next, hk, sep, md, j, k);
			e = k;
		}
		return this.found(bestEnd, bestTarget);
	}

	private found(end: number, target: TargetRef | null): boolean {
		this.matchEnd = end;
		this.matchTarget = target;
		return end >= 0;
	}
}
