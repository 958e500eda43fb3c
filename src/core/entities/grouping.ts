// From candidates to entities: one group per real-world entity. Known notes and built-in places claim their
// forms first; spelling variants of a person's name merge; short names go to the full name in the same article
// (or to the only person in the corpus with that surname); acronyms go to their expansion.
// Occurrences point at their slot object, never at a string id: regrouping is a pointer change, not a lookup.
import type { Entity, EntityType } from '../types';
import type { Candidate } from './candidates';
import type { PlaceHit } from './gazetteer';
import { NAME_CONNECTORS, STOP_WORDS } from './lexicon';
import { decideType, noVotes, vote, type Votes } from './typing';
import { isUpperCased } from '../text/case';

export interface GroupingInput {
	docs: { id: string; candidates: Candidate[] }[];
	places: Map<string, PlaceHit>;
	/** The user's notes by every form's key. */
	known: Map<string, Entity>;
	/** Name keys never to treat as entities. */
	ignore: Set<string>;
}

export interface Group {
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
}

/** Where occurrences of one name go: a user's note (k), a built-in place (g), a curated concept (c) or an unknown name (u). */
interface Slot {
	kind: 'k' | 'g' | 'c' | 'u';
	/** The note's or place's name, the concept's name, or the unknown name's key. */
	rest: string;
	entity?: Entity;
	place?: PlaceHit['place'];
	/** Unknown names only: what the corpus says about the name. */
	draft: Draft | null;
	group: Group | null;
	/** The group's surfaces as they are counted. */
	tally: Tally | null;
}

/**
 * Surfaces with their counts, in order of first sight. Most groups have one or two: a short list is cheaper than a
 * map until it grows.
 */
class Tally {
	private readonly names: string[] = [];
	private readonly counts: number[] = [];
	private map: Map<string, number> | null = null;

	add(name: string): void {
		if (this.map) {
			this.map.set(name, (this.map.get(name) ?? 0) + 1);
			return;
		}
		const i = this.names.indexOf(name);
		if (i >= 0) this.counts[i]++;
		else if (this.names.length < 16) {
			this.names.push(name);
			this.counts.push(1);
		} else {
			this.map = this.toMap();
			this.map.set(name, 1);
		}
	}

	toMap(): Map<string, number> {
		if (this.map) return this.map;
		const map = new Map<string, number>();
		for (let i = 0; i < this.names.length; i++) map.set(this.names[i], this.counts[i]);
		return map;
	}
}

interface Occurrence {
	/** The document's number: documents are told apart by id, numbered in order of first appearance. */
	doc: number;
	cand: Candidate;
	/** Null once the occurrence is left out (an ambiguous short name). */
	slot: Slot | null;
}

function slotFor(kind: Slot['kind'], rest: string, map: Map<string, Slot>): Slot {
	let slot = map.get(rest);
	if (!slot) {
		slot = { kind, rest, draft: null, group: null, tally: null };
		map.set(rest, slot);
	}
	return slot;
}

export function groupCandidates(input: GroupingInput): Group[] {
	const occurrences: Occurrence[] = [];
	const slots = new Map<string, Slot>();
	const knownSlots = new Map<string, Slot>();
	const placeSlots = new Map<string, Slot>();
	const conceptSlots = new Map<string, Slot>();
	// Two forms may carry copies of one note: the last one listed speaks for the name.
	const knownByName = new Map<string, Entity>();
	for (const e of input.known.values()) knownByName.set(e.name, e);
	const docNumbers = new Map<string, number>();
	for (const doc of input.docs) {
		let docNumber = docNumbers.get(doc.id);
		if (docNumber === undefined) {
			docNumber = docNumbers.size;
			docNumbers.set(doc.id, docNumber);
		}
		for (const cand of doc.candidates) {
			if (input.ignore.size > 0 && (input.ignore.has(cand.key) || (cand.name && input.ignore.has(cand.name.toLowerCase())))) continue;
			let slot: Slot;
			const known = input.known.size > 0 ? input.known.get(cand.key) : undefined;
			// Built-in places are names Envoy knows: a key whose first word starts none is none.
			const place = known || !cand.maybeKnown ? undefined : input.places.get(cand.key);
			if (known) {
				slot = slotFor('k', known.name, knownSlots);
				slot.entity ??= knownByName.get(known.name) ?? known;
			} else if (place) {
				slot = slotFor('g', place.place.name, placeSlots);
				slot.place ??= place.place;
			} else if (cand.name && cand.name === cand.name.toLowerCase()) {
				// Curated lower-case concepts have their own names; a patterned name ("ABM treaty") shares its key with the capitalised form.
				slot = slotFor('c', cand.name, conceptSlots);
			} else slot = slotFor('u', cand.key, slots);
			occurrences.push({ doc: docNumber, cand, slot });
		}
	}
	const drafted = typeDrafts(occurrences);
	mergePersonVariants(occurrences, drafted);
	resolveShortNames(occurrences);
	resolveAcronyms(occurrences, drafted);
	return buildGroups(occurrences, input);
}

/** Unknown names' drafts, in order of first occurrence. */
function typeDrafts(occurrences: Occurrence[]): Slot[] {
	const drafted: Slot[] = [];
	for (const o of occurrences) {
		const slot = o.slot;
		if (!slot || slot.kind !== 'u') continue;
		let d = slot.draft;
		if (!d) {
			d = { cues: noVotes(), hints: noVotes(), words: wordCount(o.cand.surface), wordKeys: o.cand.wordKeys, acronym: o.cand.words === 1 && o.cand.upper && o.cand.surface.length <= 6, connector: o.cand.wordKeys.some((k) => k === 'of' || k === 'for' || k === '&'), commonLast: 0, mentions: 0, type: 'organisation' };
			slot.draft = d;
			drafted.push(slot);
		}
		if (o.cand.cue) vote(d.cues, o.cand.cue);
		d.mentions++;
		if (o.cand.commonLast) d.commonLast++;
		if (o.cand.hint) vote(d.hints, o.cand.hint);
		if (!o.cand.upper) d.acronym = false;
	}
	for (const slot of drafted) {
		const d = slot.draft!;
		d.type = decideType(d.cues, d.hints, d);
	}
	return drafted;
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
function mergePersonVariants(occurrences: Occurrence[], drafted: Slot[]): void {
	const byLast = new Map<string, Slot[]>();
	for (const slot of drafted) {
		const d = slot.draft!;
		if (d.type !== 'person' || d.words < 2) continue;
		const last = d.wordKeys[d.wordKeys.length - 1];
		const list = byLast.get(last);
		if (list) list.push(slot);
		else byLast.set(last, [slot]);
	}
	const alias = new Map<Slot, Slot>();
	for (const ids of byLast.values()) {
		for (let a = 0; a < ids.length; a++) {
			for (let b = a + 1; b < ids.length; b++) {
				const x = ids[a].draft!.wordKeys;
				const y = ids[b].draft!.wordKeys;
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
	if (alias.size === 0) return;
	for (const o of occurrences) {
		const to = o.slot && alias.get(o.slot);
		if (to) o.slot = to;
	}
}

function addTo(map: Map<string, Set<Slot>>, key: string, slot: Slot): void {
	const set = map.get(key);
	if (set) set.add(slot);
	else map.set(key, new Set([slot]));
}

function isPerson(slot: Slot | null): boolean {
	const d = slot?.draft;
	return !!d && d.type === 'person' && d.words >= 2;
}

/** A lone surname or given name goes to the person named in full in the same article, else to the corpus's only one. */
function resolveShortNames(occurrences: Occurrence[]): void {
	const bySurname = new Map<string, Set<Slot>>();
	const byPart = new Map<string, Set<Slot>>();
	const perDoc: Occurrence[][] = [];
	for (const o of occurrences) {
		const list = perDoc[o.doc];
		if (list) list.push(o);
		else perDoc[o.doc] = [o];
		if (!isPerson(o.slot)) continue;
		const keys = o.cand.wordKeys;
		const last = keys[keys.length - 1];
		addTo(bySurname, last, o.slot!);
		addTo(byPart, keys[0], o.slot!);
		addTo(byPart, last, o.slot!);
	}
	for (const list of perDoc) {
		if (!list) continue;
		const persons = list.filter((p) => isPerson(p.slot));
		for (const o of list) {
			const d = o.slot?.draft;
			if (!d || d.words !== 1 || d.acronym || STOP_WORDS.has(o.cand.key) || NAME_CONNECTORS.has(o.cand.key)) continue;
			if (d.cues.place + d.cues.organisation > d.cues.person) continue;
			const key = o.cand.key;
			// Nearest full name before this mention in the article, else the first one after it.
			let pick: Slot | null = null;
			for (const p of persons) {
				const keys = p.cand.wordKeys;
				if (keys[0] !== key && keys[keys.length - 1] !== key) continue;
				if (p.cand.start < o.cand.start || !pick) pick = p.slot;
				if (p.cand.start > o.cand.start) break;
			}
			if (pick) {
				o.slot = pick;
				continue;
			}
			const surnameOf = bySurname.get(key);
			if (surnameOf && surnameOf.size === 1) o.slot = surnameOf.values().next().value ?? null;
			// A short name shared by several people and unnamed in this article cannot be told apart: leave it out.
			else if ((byPart.get(key)?.size ?? 0) > 1) o.slot = null;
		}
	}
}

function initials(keys: string[]): string {
	let out = '';
	for (const k of keys) if (!NAME_CONNECTORS.has(k) && k !== 'and' && k !== 'for' && k !== 'the' && k !== '&') out += k[0];
	return out;
}

/** "IAEA" goes to "International Atomic Energy Agency" named in the same article, or the only such expansion in the corpus. */
function resolveAcronyms(occurrences: Occurrence[], drafted: Slot[]): void {
	const wanted = new Set<string>();
	for (const slot of drafted) if (slot.draft!.acronym) wanted.add(slot.rest);
	if (wanted.size === 0) return;
	const expansions = new Map<string, Set<Slot>>();
	const perDoc: Map<string, Slot>[] = [];
	for (const o of occurrences) {
		if (o.cand.words < 2 || o.cand.upper || o.slot?.kind !== 'u') continue;
		const ini = initials(o.cand.wordKeys);
		if (ini.length < 2 || !wanted.has(ini)) continue;
		const set = expansions.get(ini);
		if (set) set.add(o.slot);
		else expansions.set(ini, new Set([o.slot]));
		const docMap = (perDoc[o.doc] ??= new Map<string, Slot>());
		if (!docMap.has(ini)) docMap.set(ini, o.slot);
	}
	for (const o of occurrences) {
		if (!o.slot?.draft?.acronym) continue;
		const inDoc = perDoc[o.doc]?.get(o.cand.key);
		const corpus = expansions.get(o.cand.key);
		if (inDoc) o.slot = inDoc;
		else if (corpus && corpus.size === 1) o.slot = corpus.values().next().value ?? null;
	}
}

/** One group per slot that kept an occurrence, in order of first occurrence. */
function buildGroups(occurrences: Occurrence[], input: GroupingInput): Group[] {
	const groups: Group[] = [];
	const slots: Slot[] = [];
	const unknown: { group: Group; draft: Draft | null }[] = [];
	for (const o of occurrences) {
		const slot = o.slot;
		if (!slot) continue;
		let g = slot.group;
		if (!g) {
			g = newGroup(slot, o.cand.surface, input);
			slot.group = g;
			slot.tally = new Tally();
			groups.push(g);
			slots.push(slot);
			if (slot.kind === 'u') unknown.push({ group: g, draft: slot.draft });
		}
		slot.tally!.add(o.cand.surface);
		if (o.cand.name) {
			g.patternNames ??= new Map();
			g.patternNames.set(o.cand.name, (g.patternNames.get(o.cand.name) ?? 0) + 1);
		}
	}
	for (let i = 0; i < groups.length; i++) groups[i].surfaces = slots[i].tally!.toMap();
	for (const { group, draft } of unknown) group.name = displayName(group, draft ?? undefined);
	return groups;
}

// A place's name can be claimed by more than one built-in entry: the last one listed speaks for the name.
const placesByName = new WeakMap<Map<string, PlaceHit>, Map<string, PlaceHit['place']>>();
function placeNamed(places: Map<string, PlaceHit>, name: string): PlaceHit['place'] | undefined {
	let byName = placesByName.get(places);
	if (!byName) {
		byName = new Map();
		for (const hit of places.values()) byName.set(hit.place.name, hit.place);
		placesByName.set(places, byName);
	}
	return byName.get(name);
}

const UNCOUNTED = new Map<string, number>();

function newGroup(slot: Slot, surface: string, input: GroupingInput): Group {
	// The surfaces are filled in from the tally once every occurrence is counted.
	const g: Group = { name: surface, type: 'organisation', surfaces: UNCOUNTED, patternNames: null, patterned: false, adjectival: false };
	if (slot.kind === 'k') {
		const e = slot.entity!;
		g.name = e.name;
		g.type = e.type;
		g.country = e.country;
		g.metonyms = e.metonyms;
		g.known = e;
		g.patterned = true;
	} else if (slot.kind === 'g') {
		const p = placeNamed(input.places, slot.rest) ?? slot.place!;
		g.name = p.name;
		g.type = p.type;
		g.country = p.country;
		if (p.type === 'capital') g.metonyms = p.metonyms;
		g.patterned = true;
	} else if (slot.kind === 'c') {
		// Curated lower-case concepts need to recur to count.
		g.name = slot.rest;
		g.type = 'concept';
	} else {
		const d = slot.draft;
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
		const caps = isUpperCased(surface);
		const score = (caps ? 0 : 1000) + words * 100 + count;
		if (score > bestScore) {
			best = surface;
			bestScore = score;
		}
	}
	if (isUpperCased(best) && !(d?.acronym && best.length <= 6)) return titleCaseWords(best);
	return best;
}
