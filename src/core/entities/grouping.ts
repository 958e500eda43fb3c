// From candidates to entities: one group per real-world entity. Known notes and built-in places claim their
// forms first; spelling variants of a person's name merge; short names go to the full name in the same article
// (or to the only person in the corpus with that surname); acronyms go to their expansion.
import type { Entity, EntityType } from '../types';
import type { Candidate } from './candidates';
import type { PlaceHit } from './gazetteer';
import { NAME_CONNECTORS, STOP_WORDS } from './lexicon';
import { decideType, noVotes, type Votes } from './typing';

export interface Occurrence {
	doc: string;
	cand: Candidate;
	group: string;
}

export interface GroupingInput {
	docs: { id: string; candidates: Candidate[] }[];
	places: Map<string, PlaceHit>;
	/** The user's notes by every form's key. */
	known: Map<string, Entity>;
	/** Name keys never to treat as entities. */
	ignore: Set<string>;
}

export interface Group {
	id: string;
	name: string;
	type: EntityType;
	country?: string;
	metonyms?: string[];
	known?: Entity;
	/** The name came from a pattern or the gazetteer: it counts even if seen once. */
	patterned: boolean;
	/** Typed only as an adjective ("Kurdish"): a mention worth reporting, not a note worth writing. */
	adjectival: boolean;
	surfaces: Map<string, number>;
	/** Names a pattern gave ("ABM Treaty" for "ABM treaty"): preferred for display. */
	patternNames: Map<string, number> | null;
	docs: Set<string>;
}

interface Draft {
	cues: Votes;
	hints: Votes;
	words: number;
	wordKeys: string[];
	acronym: boolean;
	connector: boolean;
	/** Share of mentions whose last word is a common lower-case word too. */
	commonLast: number;
	mentions: number;
	type: EntityType;
	/** First word key → mention count, for the first-name heuristics. */
}

export function groupCandidates(input: GroupingInput): { groups: Map<string, Group>; occurrences: Occurrence[] } {
	const occurrences: Occurrence[] = [];
	for (const doc of input.docs) {
		for (const cand of doc.candidates) {
			if (input.ignore.has(cand.key) || (cand.name && input.ignore.has(cand.name.toLowerCase()))) continue;
			occurrences.push({ doc: doc.id, cand, group: initialGroup(cand, input) });
		}
	}
	const drafts = typeDrafts(occurrences);
	mergePersonVariants(occurrences, drafts);
	resolveShortNames(occurrences, drafts);
	resolveAcronyms(occurrences, drafts);
	return { groups: buildGroups(occurrences, drafts, input), occurrences: occurrences.filter((o) => o.group !== '') };
}

function initialGroup(cand: Candidate, input: GroupingInput): string {
	const known = input.known.get(cand.key);
	if (known) return 'k:' + known.name;
	const place = input.places.get(cand.key);
	if (place) return 'g:' + place.place.name;
	// Curated lower-case concepts have their own names; a patterned name ("ABM treaty") shares its key with the capitalised form.
	if (cand.name && cand.name === cand.name.toLowerCase()) return 'c:' + cand.name;
	return 'u:' + cand.key;
}

function typeDrafts(occurrences: Occurrence[]): Map<string, Draft> {
	const drafts = new Map<string, Draft>();
	for (const o of occurrences) {
		if (!o.group.startsWith('u:')) continue;
		let d = drafts.get(o.group);
		if (!d) {
			d = { cues: noVotes(), hints: noVotes(), words: wordCount(o.cand.surface), wordKeys: o.cand.wordKeys, acronym: o.cand.words === 1 && o.cand.upper && o.cand.surface.length <= 6, connector: o.cand.wordKeys.some((k) => k === 'of' || k === 'for' || k === '&'), commonLast: 0, mentions: 0, type: 'organisation' };
			drafts.set(o.group, d);
		}
		if (o.cand.cue) d.cues[o.cand.cue]++;
		d.mentions++;
		if (o.cand.commonLast) d.commonLast++;
		if (o.cand.hint) d.hints[o.cand.hint]++;
		if (!o.cand.upper) d.acronym = false;
	}
	for (const d of drafts.values()) d.type = decideType(d.cues, d.hints, d);
	return drafts;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
	if (a === b) return true;
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	let j = 0;
	let edits = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1) return false;
		if (a.length > b.length) i++;
		else if (b.length > a.length) j++;
		else {
			i++;
			j++;
		}
	}
	return edits + (a.length - i) + (b.length - j) <= 1;
}

/** "Sergei Lavrov" = "Sergey Lavrov": same words but one, and that one a letter apart in a long enough word. */
function mergePersonVariants(occurrences: Occurrence[], drafts: Map<string, Draft>): void {
	const persons = [...drafts.entries()].filter(([, d]) => d.type === 'person' && d.words >= 2);
	const byLast = new Map<string, string[]>();
	for (const [id, d] of persons) {
		const last = d.wordKeys[d.wordKeys.length - 1];
		byLast.set(last, [...(byLast.get(last) ?? []), id]);
	}
	const alias = new Map<string, string>();
	for (const ids of byLast.values()) {
		for (let a = 0; a < ids.length; a++) {
			for (let b = a + 1; b < ids.length; b++) {
				const x = drafts.get(ids[a])!.wordKeys;
				const y = drafts.get(ids[b])!.wordKeys;
				if (x.length !== y.length) continue;
				let diff = 0;
				let close = true;
				for (let i = 0; i < x.length; i++) {
					if (x[i] === y[i]) continue;
					diff++;
					if (Math.min(x[i].length, y[i].length) < 4 || !editDistanceAtMostOne(x[i], y[i])) close = false;
				}
				if (diff === 1 && close) alias.set(ids[b], alias.get(ids[a]) ?? ids[a]);
			}
		}
	}
	for (const o of occurrences) {
		const to = alias.get(o.group);
		if (to) o.group = to;
	}
}

/** A lone surname or given name goes to the person named in full in the same article, else to the corpus's only one. */
function resolveShortNames(occurrences: Occurrence[], drafts: Map<string, Draft>): void {
	const isPerson = (id: string) => drafts.get(id)?.type === 'person' && (drafts.get(id)?.words ?? 0) >= 2;
	const bySurname = new Map<string, Set<string>>();
	const byPart = new Map<string, Set<string>>();
	const perDoc = new Map<string, Occurrence[]>();
	for (const o of occurrences) {
		const list = perDoc.get(o.doc);
		if (list) list.push(o);
		else perDoc.set(o.doc, [o]);
		if (!isPerson(o.group)) continue;
		const keys = o.cand.wordKeys;
		const last = keys[keys.length - 1];
		bySurname.set(last, (bySurname.get(last) ?? new Set()).add(o.group));
		for (const part of [keys[0], last]) byPart.set(part, (byPart.get(part) ?? new Set()).add(o.group));
	}
	for (const list of perDoc.values()) {
		const persons = list.filter((p) => isPerson(p.group));
		for (const o of list) {
			const d = drafts.get(o.group);
			if (!d || d.words !== 1 || d.acronym || STOP_WORDS.has(o.cand.key) || NAME_CONNECTORS.has(o.cand.key)) continue;
			if (d.cues.place + d.cues.organisation > d.cues.person) continue;
			const key = o.cand.key;
			// Nearest full name before this mention in the article, else the first one after it.
			let pick: string | null = null;
			for (const p of persons) {
				const keys = p.cand.wordKeys;
				if (keys[0] !== key && keys[keys.length - 1] !== key) continue;
				if (p.cand.start < o.cand.start || !pick) pick = p.group;
				if (p.cand.start > o.cand.start) break;
			}
			if (pick) {
				o.group = pick;
				continue;
			}
			const surnameOf = bySurname.get(key);
			if (surnameOf && surnameOf.size === 1) o.group = [...surnameOf][0];
			// A short name shared by several people and unnamed in this article cannot be told apart: leave it out.
			else if (byPart.has(key) && (byPart.get(key)?.size ?? 0) > 1) o.group = '';
		}
	}
}

function initials(keys: string[]): string {
	let out = '';
	for (const k of keys) if (!NAME_CONNECTORS.has(k) && k !== 'and' && k !== 'for' && k !== 'the' && k !== '&') out += k[0];
	return out;
}

/** "IAEA" goes to "International Atomic Energy Agency" named in the same article, or the only such expansion in the corpus. */
function resolveAcronyms(occurrences: Occurrence[], drafts: Map<string, Draft>): void {
	const wanted = new Set<string>();
	for (const [id, d] of drafts) if (d.acronym) wanted.add(id.slice(2));
	if (wanted.size === 0) return;
	const expansions = new Map<string, Set<string>>();
	const perDoc = new Map<string, Map<string, string>>();
	for (const o of occurrences) {
		if (o.cand.words < 2 || o.cand.upper || !o.group.startsWith('u:')) continue;
		const ini = initials(o.cand.wordKeys);
		if (ini.length < 2 || !wanted.has(ini)) continue;
		expansions.set(ini, (expansions.get(ini) ?? new Set()).add(o.group));
		const docMap = perDoc.get(o.doc) ?? new Map<string, string>();
		if (!docMap.has(ini)) docMap.set(ini, o.group);
		perDoc.set(o.doc, docMap);
	}
	for (const o of occurrences) {
		const d = drafts.get(o.group);
		if (!d || !d.acronym) continue;
		const inDoc = perDoc.get(o.doc)?.get(o.cand.key);
		const corpus = expansions.get(o.cand.key);
		if (inDoc) o.group = inDoc;
		else if (corpus && corpus.size === 1) o.group = [...corpus][0];
	}
}

function buildGroups(occurrences: Occurrence[], drafts: Map<string, Draft>, input: GroupingInput): Map<string, Group> {
	const places = new Map<string, PlaceHit>();
	for (const hit of input.places.values()) places.set(hit.place.name, hit);
	const knownByName = new Map<string, Entity>();
	for (const e of input.known.values()) knownByName.set(e.name, e);
	const groups = new Map<string, Group>();
	for (const o of occurrences) {
		if (!o.group) continue;
		let g = groups.get(o.group);
		if (!g) {
			g = newGroup(o, drafts, places, knownByName);
			groups.set(o.group, g);
		}
		g.surfaces.set(o.cand.surface, (g.surfaces.get(o.cand.surface) ?? 0) + 1);
		if (o.cand.name) {
			g.patternNames ??= new Map();
			g.patternNames.set(o.cand.name, (g.patternNames.get(o.cand.name) ?? 0) + 1);
		}
		g.docs.add(o.doc);
	}
	for (const g of groups.values()) if (g.id.startsWith('u:')) g.name = displayName(g, drafts.get(g.id));
	return groups;
}

function newGroup(o: Occurrence, drafts: Map<string, Draft>, places: Map<string, PlaceHit>, known: Map<string, Entity>): Group {
	const id = o.group;
	const rest = id.slice(2);
	const g: Group = { id, name: o.cand.surface, type: 'organisation', surfaces: new Map(), patternNames: null, docs: new Set(), patterned: false, adjectival: false };
	if (id.startsWith('k:')) {
		const e = known.get(rest)!;
		g.name = e.name;
		g.type = e.type;
		g.country = e.country;
		g.metonyms = e.metonyms;
		g.known = e;
		g.patterned = true;
	} else if (id.startsWith('g:')) {
		const p = places.get(rest)!.place;
		g.name = p.name;
		g.type = p.type;
		g.country = p.country;
		if (p.type === 'capital') g.metonyms = p.metonyms;
		g.patterned = true;
	} else if (id.startsWith('c:')) {
		// Curated lower-case concepts need to recur to count.
		g.name = rest;
		g.type = 'concept';
	} else {
		const d = drafts.get(id);
		const headed = !!d && d.cues.event + d.cues.concept > 0;
		g.type = d?.type ?? 'organisation';
		g.patterned = headed && (g.type === 'event' || g.type === 'concept');
		g.adjectival = !headed && g.type === 'concept';
	}
	return g;
}

/** Space-separated words (a hyphenated tail is part of its word: "Kim Jong-un" has three). */
function wordCount(s: string): number {
	let n = 1;
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
	return n;
}

function titleCaseWords(s: string): string {
	return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** The fullest, most frequent mixed-case form; capitals only when that is all the text has (or an acronym). */
function displayName(g: Group, d: Draft | undefined): string {
	let best = '';
	let bestScore = -1;
	for (const [surface, count] of g.patternNames ?? g.surfaces) {
		const words = wordCount(surface);
		const caps = surface === surface.toUpperCase();
		const score = (caps ? 0 : 1000) + words * 100 + count;
		if (score > bestScore) {
			best = surface;
			bestScore = score;
		}
	}
	if (best === best.toUpperCase() && !(d?.acronym && best.length <= 6)) return titleCaseWords(best);
	return best;
}
