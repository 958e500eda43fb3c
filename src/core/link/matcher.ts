// Word-start trie keyed by whole words. Why not Aho–Corasick (modern-ahocorasick) or a character
// trie: names may only start and end on word boundaries, so only word starts need a lookup, and one
// table probe per word (an Int32Array slot that is empty for most words) is cheaper than walking
// automaton states on every character. It also lets the separator between words be normalised on
// the fly ("Kim\nJong  Un" = "Kim Jong Un"), which a character automaton cannot do without
// rewriting the text.
//
// The scan runs once per word of every note and the trie is far larger than the processor's
// caches, so the layout keeps dependent loads few: the first-word table is the filter, each node
// carries its own hash, key and the usual end (no tail) inline, children sit in short arrays with
// their hashes beside them, and nothing is allocated but the matches returned.

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

/** Notes reached by one surface. */
interface EndData {
	/** Notes this exact surface links to. */
	notes: TargetRef[];
	/** Notes it links to only at a sentence start (capitalised concepts). */
	initialNotes: TargetRef[];
	/** What `notes` alone resolve to: the one note, null for several (ambiguous), undefined for none. */
	plain: TargetRef | null | undefined;
}

interface TailEnd extends EndData {
	/** Non-word characters that must follow the last word ("." of "U.S."). */
	tail: string;
}

interface TrieNode {
	/** hashWord of `key`. */
	hash: number;
	/** Normalised separator + word (just the word at the root). */
	key: string;
	/** Root only: the next node in the same table slot. */
	alt: TrieNode | undefined;
	/** Root only: this node's index in `nodes`. */
	slot: number;
	kids: TrieNode[] | undefined;
	/** kids[i].hash, side by side so a miss costs no load of the children themselves. */
	kidHashes: number[] | undefined;
	/** The surface ending here with no tail. */
	end: EndData | undefined;
	/** end.plain and whether end has sentence-initial notes, copied here: most hits need nothing else. */
	plain: TargetRef | null | undefined;
	initialOnly: boolean;
	tailEnds: TailEnd[] | undefined;
}

export interface RawMatch {
	start: number;
	end: number;
	/** The note it links to; null when the surface names several notes (ambiguous: not linked, but it still hides the shorter matches inside it). */
	target: TargetRef | null;
}

function newNode(key: string, slot: number): TrieNode {
	return { hash: hashWord(key, 0, key.length), key, alt: undefined, slot, kids: undefined, kidHashes: undefined, end: undefined, plain: undefined, initialOnly: false, tailEnds: undefined };
}

/** Does md[from, to) equal key[skip…]? */
function keyIs(key: string, skip: number, md: string, from: number, to: number): boolean {
	if (key.length - skip !== to - from) return false;
	for (let i = from, k = skip; i < to; i++, k++) if (md.charCodeAt(i) !== key.charCodeAt(k)) return false;
	return true;
}

/** The child keyed `sep` + md[from, to), whose hash is h. */
function kidAt(node: TrieNode, h: number, sep: string, md: string, from: number, to: number): TrieNode | undefined {
	const hashes = node.kidHashes;
	if (hashes === undefined) return undefined;
	for (let x = 0; x < hashes.length; x++) {
		if (hashes[x] !== h) continue;
		const kid = (node.kids as TrieNode[])[x];
		const key = kid.key;
		if (!key.startsWith(sep)) continue;
		if (keyIs(key, sep.length, md, from, to)) return kid;
	}
	return undefined;
}

const kidOf = (node: TrieNode, key: string): TrieNode | undefined => kidAt(node, hashWord(key, 0, key.length), '', key, 0, key.length);

function resolve(notes: TargetRef[]): TargetRef | null | undefined {
	return notes.length === 0 ? undefined : notes.length === 1 ? notes[0] : null;
}

/** The one distinct note of two lists: undefined for none, null for several. */
function single(a: TargetRef[], b: TargetRef[]): TargetRef | null | undefined {
	let one: TargetRef | undefined;
	for (let k = 0; k < a.length + b.length; k++) {
		const t = k < a.length ? a[k] : b[k - a.length];
		if (one === undefined) one = t;
		else if (one.note !== t.note) return null;
	}
	return one;
}

function syncEnd(node: TrieNode): void {
	node.plain = node.end?.plain;
	node.initialOnly = node.end !== undefined && node.end.initialNotes.length > 0;
}

/** What an end resolves to for a match starting at `ws`. */
function targetOf(d: EndData, md: string, ws: number, blockStart: number): TargetRef | null | undefined {
	if (d.initialNotes.length === 0 || !sentenceStartAt(md, ws, blockStart)) return d.plain;
	return single(d.notes, d.initialNotes);
}

const ROOT_BITS = 19;
const ROOT_MASK = (1 << ROOT_BITS) - 1;
/** Longest separator (raw characters) accepted between two words of a name. */
const MAX_SEP = 8;
const SPACE = ' ';

export class NameTrie {
	/** First words by hash: 1 + index into `nodes` of the slot's first node, 0 when no name starts with a word of that hash slot. */
	private readonly heads = new Int32Array(1 << ROOT_BITS);
	/** One bit per head slot that is in use: 64 KB, small enough to stay in cache, where the heads are not. */
	private readonly used = new Int32Array(1 << (ROOT_BITS - 5));
	private readonly nodes: Array<TrieNode | undefined> = [];
	private readonly freeSlots: number[] = [];
	/** Characters other than spaces seen in the separators of names: a separator with any other cannot continue a name. Never cleared (a superset is safe). */
	private readonly sepChars = new Uint8Array(65536);
	// Result of the last longestFrom, kept in fields so the search allocates nothing.
	private matchEnd = 0;
	private matchTarget: TargetRef | null = null;

	private rootOf(word: string): TrieNode | undefined {
		const h = hashWord(word, 0, word.length);
		const head = this.heads[h & ROOT_MASK];
		for (let n = head === 0 ? undefined : this.nodes[head - 1]; n !== undefined; n = n.alt) if (n.hash === h && n.key === word) return n;
		return undefined;
	}

	private addRoot(word: string): TrieNode {
		const found = this.rootOf(word);
		if (found) return found;
		const slot = this.freeSlots.pop() ?? this.nodes.length;
		const node = newNode(word, slot);
		this.nodes[slot] = node;
		const b = node.hash & ROOT_MASK;
		const head = this.heads[b];
		node.alt = head === 0 ? undefined : this.nodes[head - 1];
		this.heads[b] = slot + 1;
		this.used[b >>> 5] |= 1 << (b & 31);
		return node;
	}

	private removeRoot(node: TrieNode): void {
		const b = node.hash & ROOT_MASK;
		const head = this.nodes[this.heads[b] - 1];
		if (head === node) this.heads[b] = node.alt === undefined ? 0 : node.alt.slot + 1;
		if (this.heads[b] === 0) this.used[b >>> 5] &= ~(1 << (b & 31));
		else for (let n = head; n !== undefined; n = n.alt) if (n.alt === node) n.alt = node.alt;
		this.nodes[node.slot] = undefined;
		this.freeSlots.push(node.slot);
	}

	add(surface: string, target: TargetRef, initialOnly: boolean): boolean {
		const t = tokenizeName(surface);
		if (!t) return false;
		let node = this.addRoot(t.words[0]);
		for (let k = 1; k < t.words.length; k++) {
			const sep = t.seps[k - 1];
			for (let i = 0; i < sep.length; i++) this.sepChars[sep.charCodeAt(i)] = 1;
			const key = sep + t.words[k];
			let kid = kidOf(node, key);
			if (!kid) {
				kid = newNode(key, -1);
				(node.kids ??= []).push(kid);
				(node.kidHashes ??= []).push(kid.hash);
			}
			node = kid;
		}
		let end: EndData;
		if (t.tail === '') end = node.end ??= { notes: [], initialNotes: [], plain: undefined };
		else {
			node.tailEnds ??= [];
			let te = node.tailEnds.find((e) => e.tail === t.tail);
			if (!te) node.tailEnds.push((te = { tail: t.tail, notes: [], initialNotes: [], plain: undefined }));
			end = te;
		}
		const list = initialOnly ? end.initialNotes : end.notes;
		if (list.some((r) => r.note === target.note)) return false;
		list.push(target);
		end.plain = resolve(end.notes);
		if (end === node.end) syncEnd(node);
		return true;
	}

	delete(surface: string, note: string, initialOnly: boolean): void {
		const t = tokenizeName(surface);
		if (!t) return;
		const path: TrieNode[] = [];
		let node = this.rootOf(t.words[0]);
		for (let k = 1; node && k < t.words.length; k++) {
			path.push(node);
			node = kidOf(node, t.seps[k - 1] + t.words[k]);
		}
		if (!node) return;
		const end = t.tail === '' ? node.end : node.tailEnds?.find((e) => e.tail === t.tail);
		if (!end) return;
		const list = initialOnly ? end.initialNotes : end.notes;
		const at = list.findIndex((r) => r.note === note);
		if (at < 0) return;
		list.splice(at, 1);
		end.plain = resolve(end.notes);
		if (end.notes.length === 0 && end.initialNotes.length === 0) {
			if (t.tail === '') node.end = undefined;
			else {
				const left = node.tailEnds?.filter((e) => e !== end);
				node.tailEnds = left?.length ? left : undefined;
			}
		}
		syncEnd(node);
		// Prune nodes left empty, deepest first, so removals do not leak memory.
		for (let n: TrieNode | undefined = node; n !== undefined; ) {
			if (n.end !== undefined || n.tailEnds !== undefined || (n.kids !== undefined && n.kids.length > 0)) break;
			const parent = path.pop();
			if (parent === undefined) {
				this.removeRoot(n);
				break;
			}
			const x = (parent.kids as TrieNode[]).indexOf(n);
			parent.kids?.splice(x, 1);
			parent.kidHashes?.splice(x, 1);
			n = parent;
		}
	}

	/**
	 * Leftmost-longest matches inside [start, end) of `md`, which must hold no protected byte.
	 * `blockStart` bounds the look-back that decides whether a capitalised concept starts a sentence.
	 */
	scan(md: string, start: number, end: number, blockStart: number, out: RawMatch[]): void {
		const used = this.used;
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
			const b = h & ROOT_MASK;
			if ((used[b >>> 5] & (1 << (b & 31))) === 0) continue;
			// A word cut by a protected range or the segment edge is not a whole word.
			if ((ws > 0 && isWordCode(md.charCodeAt(ws - 1))) || (i < len && isWordCode(c))) continue;
			if (this.longestFrom(md, ws, i, h, this.heads[b], end, blockStart)) {
				out.push({ start: ws, end: this.matchEnd, target: this.matchTarget });
				i = this.matchEnd;
			}
		}
	}

	/** Longest name starting with the word [ws, we) of hash h; the result goes to matchEnd/matchTarget. */
	private longestFrom(md: string, ws: number, we: number, h: number, head: number, end: number, blockStart: number): boolean {
		let node = this.nodes[head - 1];
		while (node !== undefined && (node.hash !== h || !keyIs(node.key, 0, md, ws, we))) node = node.alt;
		let e = we;
		let bestEnd = -1;
		let bestTarget: TargetRef | null = null;
		while (node !== undefined) {
			if (node.end !== undefined && e > bestEnd) {
				const target = node.initialOnly ? targetOf(node.end, md, ws, blockStart) : node.plain;
				if (target !== undefined) {
					bestEnd = e;
					bestTarget = target;
				}
			}
			const tailEnds = node.tailEnds;
			if (tailEnds !== undefined) {
				for (const te of tailEnds) {
					const stop = e + te.tail.length;
					if (stop <= bestEnd || stop > end || normaliseSeparator(md.slice(e, stop)) !== te.tail) continue;
					if (stop < md.length && isWordCode(md.charCodeAt(stop))) continue;
					const target = targetOf(te, md, ws, blockStart);
					if (target === undefined) continue;
					bestEnd = stop;
					bestTarget = target;
				}
			}
			if (node.kidHashes === undefined) break;
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
				// A ">" after a line break is taken for a quote marker; planLinks drops matches where it is not one.
				if (!isFoldedSpace(c) && !(c === 62 && afterBreak)) {
					if (this.sepChars[c] === 0 && c !== 0x2019 && c !== 0x2bc) return this.found(bestEnd, bestTarget);
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
			node = kidAt(node, hk, sep, md, j, k);
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
