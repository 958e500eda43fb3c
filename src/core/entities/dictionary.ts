// The dictionary that finds mentions: every form of every entity in a word trie, matched in one pass over the
// text's tokens (longest match first). A person's lone first or last word is a weak form: it links only when the
// same text names that person in full, so "Kim" goes to the Kim of that article.
import type { Entity, Mention } from '../types';
import { placeIndex } from './gazetteer';
import { ARTICLES, LOWER_CONCEPT_HEADS, NAME_CONNECTORS, STOP_WORDS } from './lexicon';
import { CAP, lemmaKey, nameKey, phraseLemma, prefixCode, SurfaceCache, SurfacePool, tokenize, type Tokens, UPPER, WORD } from './tokenize';

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

// Most nodes are inner words with no entries of their own: they share this empty list.
const NONE: Entry[] = [];
const node = (): Node => ({ next: null, entries: NONE, plain: NONE });

/** Adds an entry under a key's space-separated words. */
function insert(root: Node, words: string[], entry: Entry): void {
	let at = root;
	for (const word of words) {
		at.next ??= new Map();
		let child = at.next.get(word);
		if (!child) {
			child = node();
			at.next.set(word, child);
		}
		at = child;
	}
	if (at.entries.some((e) => e.entity === entry.entity && e.weak === entry.weak)) return;
	if (at.entries === NONE) {
		at.entries = [entry];
		// Until an acronym joins, the mixed-case entries are all of them.
		at.plain = entry.acronym ? NONE : at.entries;
	} else if (at.plain === at.entries) {
		if (entry.acronym) at.plain = at.entries.slice();
		at.entries.push(entry);
	} else {
		at.entries.push(entry);
		if (!entry.acronym) at.plain = at.plain === NONE ? [entry] : [...at.plain, entry];
	}
}

/**
 * What the dictionary needs to know about one form, worked out once per distinct form: every dictionary built
 * in a run (and every run) meets the same names, aliases and gazetteer forms again.
 */
interface Form {
	form: string;
	key: string;
	/** The key's words: the path in the names trie. */
	words: string[];
	/** Written all in lower case: matched by lemma, in the concepts trie. */
	lower: boolean;
	/** A short all-capitals form ("US", "EU"). */
	acronym: boolean;
	/** Lower-case forms only: the lemmas' words, the path in the concepts trie. */
	lemmas: string[] | null;
}

const forms = new Map<string, Form>();

function formOf(form: string): Form {
	let f = forms.get(form);
	if (f === undefined) {
		// Bounded, so a long-running plugin's memory stays flat.
		if (forms.size > 50_000) forms.clear();
		const key = nameKey(form);
		const lower = form === form.toLowerCase();
		f = { form, key, words: key.split(' '), lower, acronym: !lower && form === form.toUpperCase() && key.length <= 5 && !key.includes(' '), lemmas: lower ? phraseLemma(form).split(' ') : null };
		forms.set(form, f);
	}
	return f;
}

interface BuiltinForms {
	/** Name, aliases and metonyms. */
	forms: Form[];
	/** The adjectives for the place ("Russian", "North Korean"). */
	demonyms: Form[];
	demonymSet: Set<string>;
}

let formsCache: Map<string, BuiltinForms> | null = null;

/** Every built-in place's forms by its name, keyed once. */
function builtinForms(): Map<string, BuiltinForms> {
	if (formsCache) return formsCache;
	const map = new Map<string, BuiltinForms>();
	for (const hit of placeIndex(nameKey).values()) {
		const p = hit.place;
		if (map.has(p.name)) continue;
		const demonyms = p.demonyms.map(formOf);
		map.set(p.name, { forms: [p.name, ...p.aliases, ...(p.metonyms ?? [])].map(formOf), demonyms, demonymSet: new Set(demonyms.map((d) => d.key)) });
	}
	formsCache = map;
	return map;
}

const conceptStarts = new SurfacePool<Node>();
const nameStarts = new SurfacePool<Node>();

/** Everyone who claims one key, first claimant first. */
interface Claim {
	entity: Entity;
	form: Form;
	demonym: boolean;
	others: Claim[] | null;
}

function claim(claims: Map<string, Claim>, ignored: Set<string> | null, entity: Entity, form: Form, demonym: boolean): void {
	const key = form.key;
	if (!key || ignored?.has(key)) return;
	const first = claims.get(key);
	if (!first) {
		claims.set(key, { entity, form, demonym, others: null });
		return;
	}
	if (first.entity === entity || first.others?.some((x) => x.entity === entity)) return;
	const next: Claim = { entity, form, demonym, others: null };
	if (first.others) first.others.push(next);
	else first.others = [next];
}

/** Every form of every entity by key, with everyone who claims it; `byKey` gets each entity under its name's key. */
function claimForms(kept: Entity[], ignored: Set<string> | null, byKey: Map<string, Entity>): Map<string, Claim> {
	const placeForms = builtinForms();
	const claims = new Map<string, Claim>();
	for (const e of kept) {
		const builtin = e.userOwned ? undefined : placeForms.get(e.name);
		own(claims, ignored, e, e.name, builtin);
		for (const form of e.aliases) own(claims, ignored, e, form, builtin);
		if (e.metonyms) for (const form of e.metonyms) own(claims, ignored, e, form, builtin);
		if (builtin) {
			for (const f of builtin.forms) claim(claims, ignored, e, f, false);
			for (const d of builtin.demonyms) claim(claims, ignored, e, d, true);
		}
		byKey.set(formOf(e.name).key, e);
	}
	return claims;
}

/** An entity's own form: a demonym when the entity is a built-in place that lists it as one. */
function own(claims: Map<string, Claim>, ignored: Set<string> | null, entity: Entity, form: string, builtin: BuiltinForms | undefined): void {
	const f = formOf(form);
	claim(claims, ignored, entity, f, !!builtin?.demonymSet.has(f.key));
}

export class EntityDictionary {
	readonly entities: Entity[];
	private readonly names = node();
	private readonly concepts = node();
	private readonly byKey = new Map<string, Entity>();
	/** First two letters of every concept's first word: most words can skip the lemma lookup. */
	private readonly conceptStarts = new Set<number>();
	/** The trie node after a concept's first word, looked up once per distinct word. */
	private readonly conceptStart = new SurfaceCache<Node>(conceptStarts, (key) => (this.conceptStarts.has(prefixCode(key)) && this.concepts.next?.get(lemmaKey(key))) || null);
	/** The trie node after a name's first word, looked up once per distinct word. */
	private readonly nameStart = new SurfaceCache<Node>(nameStarts, (key) => this.names.next?.get(key) ?? null);

	private constructor(entities: Entity[]) {
		this.entities = entities;
	}

	/**
	 * Builds the dictionary from entity notes. Built-in places not owned by the user also get their gazetteer
	 * forms (aliases, demonyms, metonyms). A form claimed by two entities becomes weak for both; `ignore` lists
	 * names and forms never to match (case-insensitive).
	 */
	static from(entities: Entity[], ignore: string[] = []): EntityDictionary {
		const ignored = ignore.length > 0 ? new Set(ignore.map((i) => nameKey(i))) : null;
		const kept = ignored ? entities.filter((e) => !ignored.has(nameKey(e.name))) : entities;
		const dict = new EntityDictionary(kept);
		dict.addClaims(claimForms(kept, ignored, dict.byKey));
		dict.addNameParts(kept, ignored);
		return dict;
	}

	private addClaims(claims: Map<string, Claim>): void {
		for (const first of claims.values()) {
			const weak = first.others !== null;
			for (let c: Claim | null = first, i = 0; c; c = first.others?.[i++] ?? null) {
				const form = c.form;
				const entry: Entry = { entity: c.entity, weak, acronym: form.acronym, demonym: c.demonym };
				if (form.lemmas) {
					insert(this.concepts, form.lemmas, entry);
					this.conceptStarts.add(prefixCode(form.lemmas[0]));
				} else insert(this.names, form.words, entry);
			}
		}
	}

	/** A person's lone given name or surname, weak unless some entity claims it outright. */
	private addNameParts(kept: Entity[], ignored: Set<string> | null): void {
		for (const e of kept) {
			if (e.type !== 'person') continue;
			const words = formOf(e.name).words;
			if (words.length < 2) continue;
			const given = words[0];
			const surname = words[words.length - 1];
			for (let i = 0; i < 2; i++) {
				const part = i === 0 ? given : surname;
				if (i === 1 && surname === given) break;
				if (part.length < 2 || STOP_WORDS.has(part) || NAME_CONNECTORS.has(part) || ignored?.has(part)) continue;
				insert(this.names, [part], { entity: e, weak: true, acronym: false, demonym: false });
			}
		}
	}

	/** The entity whose name has this key, if any. */
	get(name: string): Entity | undefined {
		return this.byKey.get(nameKey(name));
	}

	/** Raw matches before weak forms are resolved: exported for findMentions. */
	scan(text: string, tokens: Tokens = tokenize(text)): Match[] {
		const found: Match[] = [];
		const n = tokens.length;
		let k = 0;
		while (k < n) {
			const f = tokens.flags(k);
			if ((f & WORD) === 0) {
				k++;
				continue;
			}
			let last = (f & (CAP | UPPER)) !== 0 || (tokens.capital(k + 2) && tokens.isHyphen(k + 1) && !tokens.space(k + 1) && !tokens.space(k + 2) && ARTICLES.has(tokens.key(k))) ? this.walkNames(tokens, k) : -1;
			if (last >= 0 && midCompound(tokens, last) && this.matched.some((e) => e.entity.type === 'person')) {
				// "Seo Min" in "Seo Min-jun" is not that person: a name covers the whole hyphenated word or nothing,
				// unless what follows the hyphen is another name ("the Putin-Kim Jong Il summit").
				const matched = this.matched;
				const another = tokens.capital(last + 2) && this.walkNames(tokens, last + 2) >= 0;
				this.matched = another ? matched : matched.filter((e) => e.entity.type !== 'person');
				if (this.matched.length === 0) {
					k = compoundEnd(tokens, last) + 1;
					continue;
				}
			}
			if (last < 0) last = this.walkConcepts(tokens, k);
			if (last < 0) {
				k++;
				continue;
			}
			// A one-token match's surface is the tokenizer's own string.
			found.push({ start: tokens.start(k), end: tokens.end(last), entries: this.matched, surface: last === k ? tokens.text(k) : null, strong: null });
			k = last + 1;
		}
		return found;
	}

	/** The entries of the last walk's match: walks return the match's last token and leave its entries here. */
	private matched: Entry[] = [];

	private walkNames(tokens: Tokens, k: number): number {
		if (tokens.isPunct(k)) return -1;
		let at: Node | null | undefined = this.nameStart.get(tokens, k);
		let bestLast = -1;
		let j = k;
		let allUpper = true;
		while (at) {
			allUpper = allUpper && tokens.upper(j);
			const entries = allUpper ? at.entries : at.plain;
			if (entries.length > 0) {
				bestLast = j;
				this.matched = entries;
			}
			if (tokens.possessive(j) || !at.next) break;
			j++;
			// Hyphens, initials' dots, commas and ampersands inside a name ("Douglas & Lomason Co").
			while (j < tokens.length && (tokens.isInner(j) || tokens.text(j) === '&') && tokens.isWord(j + 1)) j++;
			if (j >= tokens.length || tokens.isPunct(j)) break;
			// Lower case inside a name only where the name has it: connectors ("Bank of England", "Center for
			// Strategic and International Studies"), hyphenated tails ("Kim Jong-un") and a concept's head ("the ABM treaty").
			if (!tokens.capital(j) && !(tokens.isPunct(j - 1) && !tokens.space(j)) && !NAME_CONNECTORS.has(tokens.text(j)) && !tokens.small(j) && !LOWER_CONCEPT_HEADS.has(tokens.text(j))) break;
			at = at.next.get(tokens.key(j));
		}
		return bestLast;
	}

	private walkConcepts(tokens: Tokens, k: number): number {
		if (!this.concepts.next) return -1;
		let at: Node | null | undefined = this.conceptStart.get(tokens, k);
		let bestLast = -1;
		let j = k;
		while (at) {
			if (at.entries.length > 0) {
				bestLast = j;
				this.matched = at.entries;
			}
			if (!at.next) break;
			j++;
			while (tokens.isWord(j + 1) && tokens.text(j) === '-') j++;
			if (!tokens.isWord(j)) break;
			at = at.next.get(lemmaKey(tokens.key(j)));
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

/** The token after `last` is a hyphen joining it to a further word ("Min" in "Min-jun"). */
function midCompound(tokens: Tokens, last: number): boolean {
	return tokens.isHyphen(last + 1) && !tokens.space(last + 1) && tokens.isWord(last + 2) && !tokens.space(last + 2);
}

/** The last word of the hyphenated compound that continues past `last`. */
function compoundEnd(tokens: Tokens, last: number): number {
	let j = last;
	while (midCompound(tokens, j)) j += 2;
	return j;
}

/** A match of dictionary forms in a text, before weak forms are resolved. */
interface Match {
	start: number;
	end: number;
	entries: Entry[];
	surface: string | null;
	/** The one entity a strong form names, once worked out. */
	strong: Entity | null;
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
		m.strong = strong;
		if (!strong) continue;
		const at = named.get(strong);
		if (at) at.push(m.start);
		else named.set(strong, [m.start]);
	}
	const mentions: Mention[] = [];
	for (const m of raw) {
		let entity: Entity | null = m.strong;
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
		mentions.push({ start: m.start, end: m.end, surface: m.surface ?? text.slice(m.start, m.end), type: entity.type, entity: entity.name });
	}
	return mentions;
}
