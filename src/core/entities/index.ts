// Entities: find the people, places, organisations and concepts a corpus of articles keeps returning to.
//
//   findMentions(text, dictionary)        mentions of known entities in one text (pure, one pass over tokens)
//   discoverEntities(docs, options)       candidates in every doc → typed, grouped entities → their mentions
//   EntityDictionary.from(entities)       the matcher built from entity notes (plus built-in place forms)
//   renderEntityNote / readEntityNote / mergeEntityNote   the notes that hold the dictionary, user first
//   graphColorGroups()                    graph colours by `entity/<type>` tag
import type { Entity, Mention } from '../types';
import { findCandidates, gatherEvidence, newEvidence, type Candidate } from './candidates';
import { EntityDictionary, findMentionsIn } from './dictionary';
import { placeIndex } from './gazetteer';
import { groupCandidates } from './grouping';
import { nameKey, tokenize, type Token } from './tokenize';

export { EntityDictionary } from './dictionary';
export { renderEntityNote, readEntityNote, mergeEntityNote, graphColorGroups } from './notes';
export { nerClass } from './typing';

export interface DiscoverOptions {
	/** Entities from the user's notes: their names and forms win over anything discovered. */
	known?: Entity[];
	/** Names never to treat as entities (case-insensitive). */
	ignore?: string[];
	/** Keep names seen in one document only (for dry runs and the bench); by default an entity must recur in
	 * two documents unless a pattern names it ("ABM Treaty") or the user already has a note for it. */
	includeSingletons?: boolean;
}

export interface Discovery {
	/** Entities to have notes, known ones included under their own names with any newly seen forms. */
	entities: Entity[];
	/** Document id → mentions of those entities, in text order. */
	mentions: Map<string, Mention[]>;
}

/** Mentions of the dictionary's entities in `text`: UTF-16 offsets into `text`, possessive endings excluded. */
export function findMentions(text: string, dictionary: EntityDictionary): Mention[] {
	return findMentionsIn(text, dictionary);
}

export function discoverEntities(docs: { id: string; text: string }[], options: DiscoverOptions = {}): Discovery {
	const known = (options.known ?? []).filter((e) => !(options.ignore ?? []).some((i) => nameKey(i) === nameKey(e.name)));
	const ignore = new Set((options.ignore ?? []).map((i) => nameKey(i)));
	const places = placeIndex(nameKey);
	const knownForms = new Map<string, Entity>();
	for (const e of known) for (const form of [e.name, ...e.aliases, ...(e.metonyms ?? [])]) if (!knownForms.has(nameKey(form))) knownForms.set(nameKey(form), e);
	const isKnown = (key: string) => places.has(key) || knownForms.has(key);

	// Pass 1: tokens and the corpus's capitalisation habits; pass 2: candidates, which need those habits.
	const tokens = new Map<string, Token[]>();
	const evidence = newEvidence();
	for (const doc of docs) {
		const t = tokenize(doc.text);
		tokens.set(doc.id, t);
		gatherEvidence(t, evidence);
	}
	const perDoc: { id: string; candidates: Candidate[] }[] = docs.map((doc) => ({ id: doc.id, candidates: findCandidates(doc.text, tokens.get(doc.id) ?? [], evidence, isKnown) }));
	const { groups } = groupCandidates({ docs: perDoc, places, known: knownForms, ignore });

	const entities: Entity[] = [];
	const emitted = new Set<string>();
	for (const g of groups.values()) {
		const count = [...g.surfaces.values()].reduce((a, b) => a + b, 0);
		const keep = options.includeSingletons || g.known || g.docs.size >= 2 || count >= 3 || (g.patterned && (g.type === 'concept' || g.type === 'event'));
		if (!keep || (g.adjectival && !options.includeSingletons) || ignore.has(nameKey(g.name))) continue;
		const base = g.known;
		const hasMixed = [...g.surfaces.keys()].some((s) => s !== s.toUpperCase());
		const aliases = new Set(base?.aliases ?? []);
		for (const s of g.surfaces.keys()) {
			// Headline capitals are not a spelling anyone wants as an alias, unless capitals are all there is.
			if (s === g.name || (hasMixed && s === s.toUpperCase() && s.replace(/\./g, '').length > 5)) continue;
			if (ignore.has(nameKey(s))) continue;
			aliases.add(s);
		}
		const entity: Entity = { name: g.name, type: g.type, aliases: [...aliases] };
		if (g.country) entity.country = g.country;
		if (g.type === 'capital' || g.metonyms) entity.metonyms = [...(g.metonyms ?? [])];
		if (base?.userOwned) entity.userOwned = true;
		entities.push(entity);
		emitted.add(entity.name);
	}
	// Known entities not seen this time still link.
	const dictionary = EntityDictionary.from([...entities, ...known.filter((e) => !emitted.has(e.name))], options.ignore);
	const mentions = new Map<string, Mention[]>();
	for (const doc of docs) mentions.set(doc.id, findMentionsIn(doc.text, dictionary, tokens.get(doc.id)));
	return { entities, mentions };
}
