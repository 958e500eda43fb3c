// The dictionary that finds mentions: every form of every entity in a word trie, matched in one pass over the
// text's tokens (longest match first). A person's lone first or last word is a weak form: it links only when the
// same text names that person in full, so "Kim" goes to the Kim of that article.
import type { Entity, Mention } from '../types';
import { placeIndex } from './gazetteer';
import { NAME_CONNECTORS, STOP_WORDS } from './lexicon';
import { lemmaKey, nameKey, phraseLemma, prefixCode, tokenize, type Tokens } from './tokenize';

interface Entry {
	entity: Entity;
	/** Links only where the entity is also named by a strong form in the same text. */
	weak: boolean;
	/** An all-capitals form ("US", "EU"): the text must be in capitals too, so "us" and "Us" never match. */
	acronym: boolean;
	/** Surface is a people-word for a place ("Russian", "North Koreans"). */
	demonym: boolean;
}

interface Node {
	/** Children by word key; null on leaves, which are most nodes. */
	next: Map<string, Node> | null;
	entries: Entry[];
	/** The entries that are not acronyms: what a mixed-case match may link to. */
	plain: Entry[];
}

const node = (): Node => ({ next: null, entries: [], plain: [] });

function insert(root: Node, keys: string[], entry: Entry): void {
	let at = root;
	for (const k of keys) {
		at.next ??= new Map();
		let child = at.next.get(k);
		if (!child) {
			child = node();
			at.next.set(k, child);
		}
		at = child;
	}
	if (at.entries.some((e) => e.entity === entry.entity && e.weak === entry.weak)) return;
	at.entries.push(entry);
	if (!entry.acronym) at.plain.push(entry);
}

let formsCache: Map<string, { forms: string[]; demonyms: Set<string> }> | null = null;

/** Every built-in place's forms by its name, built once. */
function builtinForms(): Map<string, { forms: string[]; demonyms: Set<string> }> {
	if (formsCache) return formsCache;
	const map = new Map<string, { forms: string[]; demonyms: Set<string> }>();
	for (const hit of placeIndex(nameKey).values()) {
		const p = hit.place;
		if (!map.has(p.name)) map.set(p.name, { forms: [p.name, ...p.aliases, ...(p.metonyms ?? [])], demonyms: new Set(p.demonyms.map(nameKey)) });
	}
	formsCache = map;
	return map;
}

export class EntityDictionary {
	readonly entities: Entity[];
	private readonly names = node();
	private readonly concepts = node();
	private readonly byKey = new Map<string, Entity>();
	/** First four letters of every concept's first word: most words can skip the lemma lookup. */
	private readonly conceptStarts = new Set<number>();

	private constructor(entities: Entity[]) {
		this.entities = entities;
	}

	/**
	 * Builds the dictionary from entity notes. Built-in places not owned by the user also get their gazetteer
	 * forms (aliases, demonyms, metonyms). A form claimed by two entities becomes weak for both; `ignore` lists
	 * names and forms never to match (case-insensitive).
	 */
	static from(entities: Entity[], ignore: string[] = []): EntityDictionary {
		const ignored = new Set(ignore.map((i) => nameKey(i)));
		const kept = entities.filter((e) => !ignored.has(nameKey(e.name)));
		const dict = new EntityDictionary(kept);
		const placeForms = builtinForms();
		const strong = new Map<string, { entity: Entity; form: string; demonym: boolean }[]>();
		const addStrong = (entity: Entity, form: string, demonym: boolean) => {
			const key = nameKey(form);
			if (!key || ignored.has(key)) return;
			const list = strong.get(key) ?? [];
			if (!list.some((x) => x.entity === entity)) list.push({ entity, form, demonym });
			strong.set(key, list);
		};
		for (const e of kept) {
			const builtin = e.userOwned ? undefined : placeForms.get(e.name);
			for (const form of [e.name, ...e.aliases, ...(e.metonyms ?? [])]) addStrong(e, form, !!builtin?.demonyms.has(nameKey(form)));
			if (builtin) {
				for (const form of builtin.forms) addStrong(e, form, false);
				for (const d of builtin.demonyms) addStrong(e, d, true);
			}
			dict.byKey.set(nameKey(e.name), e);
		}
		for (const [key, list] of strong) {
			for (const { entity, form, demonym } of list) {
				const lowerForm = form === form.toLowerCase();
				const entry: Entry = { entity, weak: list.length > 1, acronym: form === form.toUpperCase() && form !== form.toLowerCase() && key.length <= 5 && !key.includes(' '), demonym };
				if (lowerForm) {
					const lemmas = phraseLemma(form).split(' ');
					insert(dict.concepts, lemmas, entry);
					dict.conceptStarts.add(prefixCode(lemmas[0]));
				}
				else insert(dict.names, key.split(' '), entry);
			}
		}
		// A person's lone given name or surname, weak unless some entity claims it outright.
		for (const e of kept) {
			if (e.type !== 'person') continue;
			const keys = nameKey(e.name).split(' ');
			if (keys.length < 2) continue;
			for (const part of new Set([keys[0], keys[keys.length - 1]])) {
				if (part.length < 2 || STOP_WORDS.has(part) || NAME_CONNECTORS.has(part) || ignored.has(part)) continue;
				insert(dict.names, [part], { entity: e, weak: true, acronym: false, demonym: false });
			}
		}
		return dict;
	}

	/** The entity whose name has this key, if any. */
	get(name: string): Entity | undefined {
		return this.byKey.get(nameKey(name));
	}

	/** Raw matches before weak forms are resolved: exported for findMentions. */
	scan(text: string, tokens: Tokens = tokenize(text)): { start: number; end: number; entries: Entry[] }[] {
		const found: { start: number; end: number; entries: Entry[] }[] = [];
		let k = 0;
		while (k < tokens.length) {
			if (!tokens.isWord(k)) {
				k++;
				continue;
			}
			let last = tokens.capital(k) ? this.walkNames(tokens, k) : -1;
			if (last < 0) last = this.walkConcepts(tokens, k);
			if (last < 0) {
				k++;
				continue;
			}
			found.push({ start: tokens.start(k), end: tokens.end(last), entries: this.matched });
			k = last + 1;
		}
		return found;
	}

	/** The entries of the last walk's match: walks return the match's last token and leave its entries here. */
	private matched: Entry[] = [];

	private walkNames(tokens: Tokens, k: number): number {
		let at: Node | undefined = this.names;
		let bestLast = -1;
		let j = k;
		let allUpper = true;
		while (at && j < tokens.length) {
			// Lower case inside a name: connectors ("Bank of England") and hyphenated tails ("Kim Jong-un").
			if (tokens.isPunct(j)) break;
			if (j > k && !tokens.capital(j) && !(tokens.isPunct(j - 1) && !tokens.space(j)) && !NAME_CONNECTORS.has(tokens.text(j))) break;
			allUpper = allUpper && tokens.upper(j);
			at = at.next?.get(tokens.key(j));
			if (!at) break;
			const entries = allUpper ? at.entries : at.plain;
			if (entries.length > 0) {
				bestLast = j;
				this.matched = entries;
			}
			if (tokens.possessive(j)) break;
			j++;
			while (j < tokens.length && tokens.isInner(j) && tokens.isWord(j + 1)) j++;
		}
		return bestLast;
	}

	private walkConcepts(tokens: Tokens, k: number): number {
		if (!this.concepts.next || !this.conceptStarts.has(prefixCode(tokens.key(k)))) return -1;
		let at: Node | undefined = this.concepts;
		let bestLast = -1;
		let j = k;
		while (at && tokens.isWord(j)) {
			at = at.next?.get(lemmaKey(tokens.key(j)));
			if (!at) break;
			if (at.entries.length > 0) {
				bestLast = j;
				this.matched = at.entries;
			}
			j++;
			while (tokens.isWord(j + 1) && tokens.text(j) === '-') j++;
		}
		return bestLast;
	}

	/** Whether this surface is a people-word of a place in the dictionary ("Russian"). */
	isDemonym(surface: string): boolean {
		let at: Node | undefined = this.names;
		for (const k of nameKey(surface).split(' ')) at = at?.next?.get(k);
		return !!at && at.entries.some((e) => e.demonym);
	}
}

/** The entity when exactly one strong form matched, else null. */
function onlyStrong(entries: Entry[]): Entity | null {
	let found: Entity | null = null;
	for (const e of entries) {
		if (e.weak) continue;
		if (found) return null;
		found = e.entity;
	}
	return found;
}

/** Mentions of the dictionary's entities in one text: UTF-16 offsets, possessives left out, weak forms resolved by document. */
export function findMentionsIn(text: string, dictionary: EntityDictionary, tokens?: Tokens): Mention[] {
	const raw = dictionary.scan(text, tokens);
	const named = new Map<Entity, number[]>();
	for (const m of raw) {
		const strong = onlyStrong(m.entries);
		if (!strong) continue;
		const at = named.get(strong);
		if (at) at.push(m.start);
		else named.set(strong, [m.start]);
	}
	const mentions: Mention[] = [];
	for (const m of raw) {
		let entity: Entity | null = onlyStrong(m.entries);
		if (!entity) {
			// A shared or partial form: the entity this text names outright, nearest before (else first after).
			let bestAt = Infinity;
			for (const e of m.entries) {
				const at = named.get(e.entity);
				if (!at) continue;
				let previous = -1;
				for (const s of at) if (s < m.start) previous = s;
				const distance = previous >= 0 ? m.start - previous : at[0] - m.start + text.length;
				if (distance < bestAt) {
					bestAt = distance;
					entity = e.entity;
				}
			}
		}
		if (!entity) continue;
		mentions.push({ start: m.start, end: m.end, surface: text.slice(m.start, m.end), type: entity.type, entity: entity.name });
	}
	return mentions;
}
