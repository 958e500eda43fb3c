// Names Envoy already knows (built-in places, the user's notes) as a word trie. Candidate finding asks "is this run,
// or its first words, a known name?" for every capitalised run: walking the trie on the keys the tokenizer already
// made answers without building a phrase string for each prefix.
import { placeIndex } from './gazetteer';
import { nameKey, SurfaceCache, SurfacePool, type Tokens } from './tokenize';

interface TrieNode {
	end: boolean;
	next: Map<string, TrieNode> | null;
}

export class NameTrie {
	private readonly root = new Map<string, TrieNode>();

	/** Adds a name key ("north korea"). */
	add(key: string): void {
		if (!key) return;
		let level = this.root;
		let at: TrieNode | undefined;
		let from = 0;
		for (;;) {
			const space = key.indexOf(' ', from);
			const word = space < 0 ? key.slice(from) : key.slice(from, space);
			at = level.get(word);
			if (!at) {
				at = { end: false, next: null };
				level.set(word, at);
			}
			if (space < 0) break;
			at.next ??= new Map();
			level = at.next;
			from = space + 1;
		}
		at.end = true;
	}

	/** The node after the first word, or undefined. */
	first(key: string): TrieNode | undefined {
		return this.root.get(key);
	}
}

// The node after a run's first word, per trie, remembered per distinct word: the same few thousand capitalised
// words start every run that is asked about. The built-in trie never changes, so its answers are kept for good.
let builtinStart: SurfaceCache<TrieNode> | null = null;
const userStarts = new SurfacePool<TrieNode>();

/** Every trie that may know a name: built-in places first, then the user's notes. */
export class KnownNames {
	/** Whether there are tries beyond the built-in one: the user's notes. */
	readonly hasUserNames: boolean;
	private readonly starts: SurfaceCache<TrieNode>[];
	constructor(private readonly tries: NameTrie[]) {
		this.hasUserNames = tries.some((t) => t !== builtin);
		this.starts = tries.map((t) => {
			if (t !== builtin) return new SurfaceCache<TrieNode>(userStarts, (key) => t.first(key) ?? null);
			builtinStart ??= new SurfaceCache<TrieNode>(new SurfacePool<TrieNode>(), (key) => t.first(key) ?? null);
			return builtinStart;
		});
	}

	/** A one-word known name. */
	word(key: string): boolean {
		for (const trie of this.tries) if (trie.first(key)?.end) return true;
		return false;
	}

	/** Whether the tokens at words[from..to) spell a known name. */
	phrase(tokens: Tokens, words: number[], from: number, to: number): boolean {
		if (to <= from) return false;
		for (const start of this.starts) {
			let at: TrieNode | null | undefined = start.get(tokens, words[from]);
			for (let i = from + 1; at && i < to; i++) at = at.next?.get(tokens.key(words[i]));
			if (at?.end) return true;
		}
		return false;
	}

	/** Whether token w starts a known name (or is one). */
	starting(tokens: Tokens, w: number): boolean {
		for (const start of this.starts) if (start.get(tokens, w)) return true;
		return false;
	}

	/** Whether the tokens at words[from..to) begin a known name (or are one). */
	prefix(tokens: Tokens, words: number[], from: number, to: number): boolean {
		if (to <= from) return false;
		for (const start of this.starts) {
			let at: TrieNode | null | undefined = start.get(tokens, words[from]);
			for (let i = from + 1; at && i < to; i++) at = at.next?.get(tokens.key(words[i]));
			if (at) return true;
		}
		return false;
	}

	/** Whether keys[from..to) spell a known name. */
	keys(keys: string[], from: number, to: number): boolean {
		if (to <= from) return false;
		for (const trie of this.tries) {
			let at = trie.first(keys[from]);
			for (let i = from + 1; at && i < to; i++) at = at.next?.get(keys[i]);
			if (at?.end) return true;
		}
		return false;
	}
}

let builtin: NameTrie | null = null;

/** The built-in places' forms, built once. */
export function builtinNames(): NameTrie {
	if (builtin) return builtin;
	builtin = new NameTrie();
	for (const key of placeIndex(nameKey).keys()) builtin.add(key);
	return builtin;
}
