// Entities: find the people, places, organisations and concepts a corpus of articles keeps returning to.
//
//   findMentions(text, dictionary)        mentions of known entities in one text (pure, one pass over tokens)
//   discoverEntities(docs, options)       candidates in every doc → typed, grouped entities → their mentions
//   EntityDictionary.from(entities)       the matcher built from entity notes (plus built-in place forms)
//   renderEntityNote / readEntityNote / mergeEntityNote   the notes that hold the dictionary, user first
//   graphColorGroups()                    graph colours by `entity/<type>` tag
//   nerClass(type)                        PER / LOC / ORG / MISC, for evaluation against NER data
//
// Linking choices: a place's adjective ("Russian", "North Korean") links to its country's note, as in "Japanese
// companies" → Japan, and is listed among its aliases; a noun for its people ("Russians", "North Koreans", "a
// Briton") never links to it, because the people are not the country and a wrong link is worse than none: peoples,
// like creeds ("Kurds", "Moslem"), are never notes. A government metonym ("the Kremlin") links to its capital's
// note and is listed under `metonyms`, not `aliases`. A lone surname or given
// name links to the person named in full in the same text, else to the only person in the corpus with that surname.
import type { Entity, Mention } from '../types';
import { findCandidates, gatherEvidence, newEvidence, type Candidate, type Evidence } from './candidates';
import { EntityDictionary, findMentionsIn } from './dictionary';
import { placeIndex } from './gazetteer';
import { groupCandidates, type Group } from './grouping';
import { builtinNames, KnownNames, NameTrie } from './known-names';
import { nameKey, tokenize, type Tokens } from './tokenize';
import { isUpperCased } from '../text/case';

export { EntityDictionary } from './dictionary';
export { renderEntityNote, readEntityNote, mergeEntityNote, graphColorGroups } from './notes';
export { nerClass } from './typing';

const TOKEN_BUDGET = 4_000_000;

export interface DiscoverOptions {
	/** Entities from the user's notes: their names and forms win over anything discovered. */
	known?: Entity[];
	/** Names never to treat as entities (case-insensitive). */
	ignore?: string[];
	/** Keep every name found, recurring or not, adjectives included (for dry runs and the bench). By default an
	 * entity is kept when it is mentioned in two documents or three times in one, when a pattern names it
	 * ("ABM Treaty", "Six-Party Talks"), or when the user already has a note for it. */
	includeSingletons?: boolean;
}

export interface Discovery {
	/** Entities to have notes, known ones included under their own names with any newly seen forms. */
	entities: Entity[];
	/** Document id → mentions of those entities, in text order. */
	mentions: Map<string, Mention[]>;
}

/** Letters and other characters of a surface, dots left out. */
function undotted(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 46) n++;
	return n;
}

/** A group's aliases: its known note's, then every surface seen but its name, headline capitals and metonyms. */
function aliasesOf(g: Group, ignore: Set<string>, personParts: Map<string, number>): string[] {
	const base = g.known;
	// Most groups were seen under their name alone.
	if (!base && g.surfaces.size === 1 && g.surfaces.has(g.name)) return [];
	let hasMixed = false;
	for (const s of g.surfaces.keys()) {
		if (isUpperCased(s)) continue;
		hasMixed = true;
		break;
	}
	const aliases = new Set(base?.aliases ?? []);
	const metonyms = g.metonyms && g.metonyms.length > 0 ? new Set(g.metonyms.map(nameKey)) : null;
	for (const s of g.surfaces.keys()) {
		// "the Kremlin" speaks for Moscow but is not another spelling of it: it stays under `metonyms`.
		if (metonyms?.has(nameKey(s))) continue;
		// Headline capitals are not a spelling anyone wants as an alias, unless capitals are all there is.
		if (s === g.name || (hasMixed && isUpperCased(s) && undotted(s) > 5)) continue;
		if (ignore.size > 0 && ignore.has(nameKey(s))) continue;
		if (g.type === 'person' && personParts.size > 0 && !s.includes(' ') && (personParts.get(nameKey(s)) ?? 0) > 1) continue;
		aliases.add(s);
	}
	return [...aliases];
}

/** Mentions of the dictionary's entities in `text`: UTF-16 offsets into `text`, possessive endings excluded. */
export function findMentions(text: string, dictionary: EntityDictionary): Mention[] {
	return findMentionsIn(text, dictionary);
}

/**
 * Tokens of every doc and the corpus's capitalisation habits. Tokens are kept for the later passes up to a budget
 * (16 bytes each); past it a text is tokenized again when needed, so a vault of ten thousand articles does not hold
 * every token at once.
 */
function readCorpus(docs: { id: string; text: string }[]): { tokens: (Tokens | null)[]; evidence: Evidence } {
	const tokens: (Tokens | null)[] = [];
	let budget = TOKEN_BUDGET;
	const evidence = newEvidence();
	for (const doc of docs) {
		const t = tokenize(doc.text);
		budget -= t.length;
		tokens.push(budget >= 0 ? t : null);
		gatherEvidence(t, evidence);
	}
	return { tokens, evidence };
}

function tokensAt(docs: { text: string }[], tokens: (Tokens | null)[], i: number): Tokens {
	return tokens[i] ?? tokenize(docs[i].text);
}

function candidatesOf(docs: { id: string; text: string }[], tokens: (Tokens | null)[], evidence: Evidence, isKnown: KnownNames): { id: string; candidates: Candidate[] }[] {
	const out: { id: string; candidates: Candidate[] }[] = [];
	for (let i = 0; i < docs.length; i++) out.push({ id: docs[i].id, candidates: findCandidates(docs[i].text, tokensAt(docs, tokens, i), evidence, isKnown) });
	return out;
}

interface Provisional {
	entity: Entity;
	/** Named by a pattern: kept even if seen once. */
	patterned: boolean;
	/** The user has a note for it. */
	known: boolean;
}

/** Every group as an entity (adjectives only for dry runs), its aliases chosen. */
function provisionalEntities(groups: Group[], ignore: Set<string>, includeSingletons: boolean): Provisional[] {
	// A one-word form shared by several people ("Kim") is no alias of any: it links per article instead.
	const personParts = new Map<string, number>();
	for (const g of groups) {
		if (g.type !== 'person') continue;
		const key = nameKey(g.name);
		const space = key.indexOf(' ');
		if (space < 0) continue;
		const given = key.slice(0, space);
		const surname = key.slice(key.lastIndexOf(' ') + 1);
		personParts.set(given, (personParts.get(given) ?? 0) + 1);
		if (surname !== given) personParts.set(surname, (personParts.get(surname) ?? 0) + 1);
	}
	const provisional: Provisional[] = [];
	for (const g of groups) {
		if ((g.adjectival && !includeSingletons) || (ignore.size > 0 && ignore.has(nameKey(g.name)))) continue;
		const entity: Entity = { name: g.name, type: g.type, aliases: aliasesOf(g, ignore, personParts) };
		if (g.country) entity.country = g.country;
		if (g.type === 'capital' || g.metonyms) entity.metonyms = g.metonyms ? g.metonyms.slice() : [];
		if (g.known?.userOwned) entity.userOwned = true;
		provisional.push({ entity, patterned: g.patterned && (g.type === 'concept' || g.type === 'event'), known: !!g.known });
	}
	return provisional;
}

/** The provisional entities, and the known ones not seen this time: they still link. */
function dictionaryEntities(provisional: Provisional[], known: Entity[]): Entity[] {
	const all: Entity[] = [];
	const emitted = new Set<string>();
	for (const p of provisional) {
		all.push(p.entity);
		emitted.add(p.entity.name);
	}
	for (const e of known) if (!emitted.has(e.name)) all.push(e);
	return all;
}

function mentionsOf(docs: { text: string }[], tokens: (Tokens | null)[], dictionary: EntityDictionary): Mention[][] {
	const lists: Mention[][] = [];
	for (let i = 0; i < docs.length; i++) lists.push(findMentionsIn(docs[i].text, dictionary, tokensAt(docs, tokens, i)));
	return lists;
}

/** Per entity name: mentions, documents, and the last document counted (documents come one at a time). */
function countMentions(lists: Mention[][]): Map<string, { mentions: number; docs: number; last: number }> {
	const seen = new Map<string, { mentions: number; docs: number; last: number }>();
	for (let i = 0; i < lists.length; i++) {
		for (const m of lists[i]) {
			const s = seen.get(m.entity);
			if (!s) seen.set(m.entity, { mentions: 1, docs: 1, last: i });
			else {
				s.mentions++;
				if (s.last !== i) {
					s.docs++;
					s.last = i;
				}
			}
		}
	}
	return seen;
}

/**
 * Corpus discovery: candidates in every doc (capitalised runs cut at titles and compounds, dateline places,
 * curated lower-case concepts), typed by cues over the whole corpus, grouped into one entity per real-world name,
 * then found again with the resulting dictionary so every mention (headline capitals, short names) is reported.
 */
export function discoverEntities(docs: { id: string; text: string }[], options: DiscoverOptions = {}): Discovery {
	const known = (options.known ?? []).filter((e) => !(options.ignore ?? []).some((i) => nameKey(i) === nameKey(e.name)));
	const ignore = new Set((options.ignore ?? []).map((i) => nameKey(i)));
	const places = placeIndex(nameKey);
	const knownForms = new Map<string, Entity>();
	for (const e of known) for (const form of [e.name, ...e.aliases, ...(e.metonyms ?? [])]) if (!knownForms.has(nameKey(form))) knownForms.set(nameKey(form), e);
	const userNames = new NameTrie();
	for (const key of knownForms.keys()) userNames.add(key);
	const isKnown = new KnownNames(knownForms.size > 0 ? [builtinNames(), userNames] : [builtinNames()]);

	// Pass 1: tokens and the corpus's capitalisation habits; pass 2: candidates, which need those habits.
	const { tokens, evidence } = readCorpus(docs);
	const groups = groupCandidates({ docs: candidatesOf(docs, tokens, evidence, isKnown), places, known: knownForms, ignore });

	// Every group becomes a provisional entity; what counts as recurring is decided on the mentions the dictionary
	// finds, so headline capitals, short names and propagation all count.
	const provisional = provisionalEntities(groups, ignore, !!options.includeSingletons);
	const dictionary = EntityDictionary.from(dictionaryEntities(provisional, known), options.ignore);
	const lists = mentionsOf(docs, tokens, dictionary);
	const found = new Map<string, Mention[]>();
	for (let i = 0; i < docs.length; i++) found.set(docs[i].id, lists[i]);
	// Every mention is of a provisional or known entity, so with singletons kept there is nothing to filter.
	if (options.includeSingletons) return { entities: provisional.map((p) => p.entity), mentions: found };
	const seen = countMentions(lists);
	const keep = (p: Provisional) => {
		const s = seen.get(p.entity.name);
		return p.known || p.patterned || (!!s && (s.docs >= 2 || s.mentions >= 3));
	};
	const entities = provisional.filter(keep).map((p) => p.entity);
	const kept = new Set([...entities.map((e) => e.name), ...known.map((e) => e.name)]);
	const mentions = new Map<string, Mention[]>();
	for (const [id, list] of found) mentions.set(id, list.filter((m) => kept.has(m.entity)));
	return { entities, mentions };
}
