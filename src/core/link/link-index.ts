// The set of link targets, kept as a word-start trie that changes one target at a time.

import { acceptable, inferKind, variants, type TargetKind } from './guard';
import { NameTrie } from './matcher';
import { isWordCode, tokenizeName } from './tokens';

export interface LinkTarget {
	/** Note name (basename without `.md`) the links point to. */
	note: string;
	/** Surface forms to link: the note name and its aliases. Empty means just the note name. */
	names: string[];
	/** Inferred from each name when absent: ALL CAPS = acronym, lower-case start = concept, else proper. An ALL CAPS name is an acronym whatever the kind. */
	kind?: TargetKind;
}

interface Registered {
	target: LinkTarget;
	keys: Array<{ surface: string; initialOnly: boolean }>;
}

export class LinkIndex {
	/** @internal The matcher reads it directly. */
	readonly trie = new NameTrie();
	private readonly byNote = new Map<string, Registered>();

	constructor(targets: LinkTarget[] = []) {
		for (const t of targets) this.set(t);
	}

	get size(): number {
		return this.byNote.size;
	}

	has(note: string): boolean {
		return this.byNote.has(note);
	}

	/** Adds or replaces one target. Cost is proportional to its names, not to the index. */
	set(target: LinkTarget): void {
		this.remove(target.note);
		if (target.note.trim() === '' || /[[\]|#^\n]/.test(target.note)) return;
		const names = target.names.length > 0 ? target.names : [target.note];
		const keys: Registered['keys'] = [];
		const ref = { note: target.note, key: target.note.toLowerCase() };
		for (const raw of new Set(names.map((n) => n.trim()))) {
			// Each name is judged by its own shape where the target's kind cannot apply to it: an all-caps
			// alias is an acronym of any target ("US" of a proper name), and an acronym target may carry
			// mixed-case aliases.
			const shape = inferKind(raw);
			const kind = target.kind ?? shape;
			const own = shape === 'acronym' ? 'acronym' : kind === 'acronym' ? shape : kind;
			if (!acceptable(raw, own)) continue;
			for (const v of variants(raw, own)) if (this.trie.add(v.surface, ref, v.initialOnly)) keys.push(v);
		}
		this.byNote.set(target.note, { target: { ...target, names: [...target.names] }, keys });
	}

	remove(note: string): void {
		const reg = this.byNote.get(note);
		if (!reg) return;
		for (const k of reg.keys) this.trie.delete(k.surface, note, k.initialOnly);
		this.byNote.delete(note);
	}

	/**
	 * A cheap pre-filter for incremental relinking: after targets with these names change, only
	 * notes for which the predicate is true can link differently. Pass old and new names (and the
	 * note name, since existing links to it affect scope).
	 */
	affectedBy(names: string[]): (markdown: string) => boolean {
		return affectedBy(names);
	}
}

/** First words (with their sentence-initial capitalised forms) of the given names. */
function firstWords(names: string[]): string[] {
	const out = new Set<string>();
	for (const n of names) {
		const t = tokenizeName(n);
		if (!t) continue;
		const w = t.words[0];
		out.add(w);
		out.add(w.charAt(0).toUpperCase() + w.slice(1));
	}
	return [...out];
}

/** Predicate: may a note mention any of these names? False is certain; true may be a false positive. */
export function affectedBy(names: string[]): (markdown: string) => boolean {
	const words = firstWords(names);
	if (words.length === 0) return () => false;
	if (words.length <= 16) return (md) => words.some((w) => md.includes(w));
	const set = new Set(words);
	return (md) => {
		let i = 0;
		while (i < md.length) {
			while (i < md.length && !isWordCode(md.charCodeAt(i))) i++;
			const s = i;
			while (i < md.length && isWordCode(md.charCodeAt(i))) i++;
			if (i > s && set.has(md.slice(s, i))) return true;
		}
		return false;
	};
}

export function mayContainAny(markdown: string, names: string[]): boolean {
	return affectedBy(names)(markdown);
}
