// Candidate names in one document: capitalised runs cut at titles and compounds, with the cues around them.
// Nothing here decides the final type or the note; typing.ts and grouping.ts do, with the whole corpus in view.
import { ARTICLES, CALENDAR, CONCEPTS, GROUP_WORDS, PLACE_NOUNS_OF, FIRST_NAMES, LOWER_CONCEPT_HEADS, NAME_CONNECTORS, ORG_HEADS_OF, ORG_SUFFIXES, PERSON_TITLES, PLACE_SUFFIXES, STOP_WORDS, TITLE_MODIFIERS, CONCEPT_HEADS, EVENT_HEADS } from './lexicon';
import { builtinNames, type KnownNames } from './known-names';
import { isDemonymKey, isPeopleKey, peopleTails } from './gazetteer';
import { CAP, CAPS_LINE, HYPHEN, INITIAL, lemmaKey, nameKey, phraseLemma, POSSESSIVE, SPACE, TITLE_LINE, type Tokens, UPPER, WORD } from './tokenize';

/** What the text says a name is; 'adjective' is a people-word or creed ("Kurdish rebels"), not a note of its own. */
export type Cue = 'person' | 'organisation' | 'place' | 'concept' | 'event' | 'adjective';

export interface Candidate {
	start: number;
	end: number;
	surface: string;
	key: string;
	/** Word count. */
	words: number;
	/** What the text itself says about the name (a title before it, a suffix, a pattern). */
	cue: Cue | null;
	/** A hint only: a preposition of place before it, an acronym's shape. */
	hint: Cue | null;
	/** Display name fixed by a pattern ("the ABM treaty" → "ABM Treaty", "sanctions"). */
	name?: string;
	/** The last word is also used as a common lower-case word in the corpus (not a surname, usually). */
	commonLast: boolean;
	/** The key may be a known name: false when no known name starts with its first word, so none is looked up. */
	maybeKnown: boolean;
	/** The key of each word, for surname and initials matching. */
	wordKeys: string[];
	upper: boolean;
}

/** What the corpus says about a word's capitalisation, gathered before candidates are cut. */
export interface Evidence {
	/** The tokens whose surface table numbers the keys in `keys` (the first text's), or null before any text. */
	numbering: Tokens | null;
	/** Per key number: Ev.Lower (seen in lower case), Ev.Mid (capitalised away from a sentence start), Ev.Solo (a
	 * one-word name mid-sentence, "said Putin": enough to split "Putin-Kim Jong Il"). */
	keys: Uint8Array;
	/** The same facts for texts numbered by another table (one replaced mid-run), by key. */
	others: Map<string, number> | null;
}

const enum Ev {
	Lower = 1,
	Mid = 2,
	Solo = 4,
}

/** Names Envoy already knows (places, demonyms, the user's notes). */
type IsKnown = KnownNames;

export function newEvidence(): Evidence {
	return { numbering: null, keys: new Uint8Array(0), others: null };
}

function alone(tokens: Tokens, x: number): boolean {
	if (!tokens.has(x)) return true;
	if (tokens.isWord(x)) return !tokens.capital(x);
	const text = tokens.text(x);
	return text !== '-' && text !== '.';
}

function note(evidence: Evidence, tokens: Tokens, i: number, bit: number, numbered: boolean): void {
	if (numbered) evidence.keys[tokens.keyId(i)] |= bit;
	else {
		evidence.others ??= new Map();
		const key = tokens.key(i);
		evidence.others.set(key, (evidence.others.get(key) ?? 0) | bit);
	}
}

export function gatherEvidence(tokens: Tokens, evidence: Evidence): void {
	evidence.numbering ??= tokens;
	const numbered = evidence.numbering.surfaces === tokens.surfaces;
	if (numbered && evidence.keys.length < tokens.keyCount) {
		const grown = new Uint8Array(Math.max(1024, tokens.keyCount * 2));
		grown.set(evidence.keys);
		evidence.keys = grown;
	}
	const n = tokens.length;
	for (let i = 0; i < n; i++) {
		const f = tokens.flags(i);
		if ((f & (WORD | CAPS_LINE)) !== WORD) continue;
		if ((f & CAP) === 0) {
			// The tail of a hyphenated name ("Min-jun", "Jong-un") is no lower-case use of the word.
			if (i >= 2 && (f & SPACE) === 0 && (tokens.flags(i - 1) & (HYPHEN | SPACE)) === HYPHEN && (tokens.flags(i - 2) & (CAP | UPPER)) !== 0) continue;
			note(evidence, tokens, i, Ev.Lower, numbered);
			continue;
		}
		// Capitals at a sentence start or in a title-case line say nothing either way.
		if ((f & (INITIAL | TITLE_LINE)) !== 0) continue;
		note(evidence, tokens, i, alone(tokens, i - 1) && ((f & POSSESSIVE) !== 0 || alone(tokens, i + 1)) ? Ev.Mid | Ev.Solo : Ev.Mid, numbered);
	}
}

/** What the complete evidence says about token w's key (Ev bits). */
function evidenceBits(tokens: Tokens, w: number, evidence: Evidence): number {
	const numbering = evidence.numbering;
	if (!numbering) return 0;
	let bits = 0;
	const id = numbering.surfaces === tokens.surfaces ? tokens.keyId(w) : numbering.keyNumber(tokens.key(w));
	if (id >= 0 && id < evidence.keys.length) bits = evidence.keys[id];
	if (evidence.others) bits |= evidence.others.get(tokens.key(w)) ?? 0;
	return bits;
}

/** The corpus writes token w's word in lower case somewhere. */
function seenLower(tokens: Tokens, w: number, evidence: Evidence): boolean {
	return (evidenceBits(tokens, w, evidence) & Ev.Lower) !== 0;
}

/** The corpus capitalises token w's word mid-sentence and never writes it in lower case. */
function onlyCapitalised(tokens: Tokens, w: number, evidence: Evidence): boolean {
	const bits = evidenceBits(tokens, w, evidence);
	return (bits & Ev.Mid) !== 0 && (bits & Ev.Lower) === 0;
}

/** The corpus names token w's word alone mid-sentence somewhere. */
function seenSolo(tokens: Tokens, w: number, evidence: Evidence): boolean {
	return (evidenceBits(tokens, w, evidence) & Ev.Solo) !== 0;
}

const CONCEPT_LEMMAS = new Map<string, { words: string[]; name: string }[]>();
for (const [name, variants] of Object.entries(CONCEPTS)) {
	for (const v of variants) {
		const words = phraseLemma(v).split(' ');
		const list = CONCEPT_LEMMAS.get(words[0]) ?? [];
		list.push({ words, name });
		CONCEPT_LEMMAS.set(words[0], list);
	}
}
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'upper', 'lower', 'greater']);
// "Kurdish rebels", "Moslem leaders": a capitalised adjective before a noun.
const ADJECTIVE_ENDING = /(ish|ese|ian|ean)$/;
// Wider, for where an adjective would be a costly mistake ("the Philippine government").
const ADJECTIVE_LIKE = /(ish|ese|ian|ean|ine|ic|ist)$/;
const VERBS = new Set(['said', 'says', 'told', 'added', 'was', 'is', 'has', 'had', 'will', 'would', 'could', 'can', 'did', 'does', 'who', 'which', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'as', 'that']);
// Every word key whose lemma starts a concept ("sanctions", "Sanction", "denuclearisation"): one set lookup rules out
// the other lower-case words, which are most of a text.
const CONCEPT_FIRST_KEYS = new Set<string>();
for (const lemma of CONCEPT_LEMMAS.keys()) {
	for (const base of [lemma, ...(lemma.endsWith('ization') ? [lemma.slice(0, -7) + 'isation'] : []), ...(lemma === 'defense' ? ['defence'] : [])]) {
		CONCEPT_FIRST_KEYS.add(base);
		CONCEPT_FIRST_KEYS.add(base + 's');
	}
}
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'into', 'across', 'outside', 'to', 'visit', 'visited', 'toward', 'towards']);
const LOWER_PERSON_CUES = new Set(['leader', 'president', 'minister', 'spokesman', 'spokeswoman', 'envoy', 'ambassador', 'chairman', 'secretary', 'premier', 'chancellor', 'dictator', 'king', 'queen', 'prince', 'senator', 'general', 'coach', 'striker', 'captain', 'director', 'chief', 'ruler', 'economist', 'analyst', 'strategist', 'researcher', 'professor', 'diplomat', 'lawmaker', 'banker']);

function isNameWord(tokens: Tokens, k: number): boolean {
	return tokens.isWord(k) && tokens.capital(k) && !tokens.capsLine(k) && !tokens.lineStart(k);
}

// Compass words alone are directions or shorthand ("the North"), not names worth a note.
// Time zones after a clock time ("08:40 KST") are no organisations either.
const LONE_NON_NAMES = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'mr', 'mrs', 'ms', 'dr', 'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'eet', 'eest', 'msk', 'kst', 'jst', 'hkt', 'sgt', 'aest', 'aedt', 'ist', 'wib']);
// "the Biden administration", "the Kishida government": a lone name before these is the leader's.
const LEADER_OF = new Set(['administration', 'government', 'regime', 'cabinet', 'presidency', 'era']);
// "the southern Kurils", "northern Shan": a direction in lower case before a name makes it a place.
const LOWER_DIRECTIONS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'central']);
// Prefixes of adjective compounds ("Sino-Soviet", "Trans-Korean", "Anti-American"): never names themselves.
const PREFIXES = new Set(['trans', 'sino', 'anti', 'pro', 'pan', 'post', 'pre', 'neo', 'ex', 'non', 'inter', 'intra', 'sub', 'super', 'ultra', 'afro', 'russo', 'franco', 'anglo', 'greco', 'austro', 'judeo', 'euro', 'mid', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);

const INSTITUTION_ENDING = /(tion|ment|ship)$/;
// Abbreviations a place name starts with, dot and all.
const SAINTS = new Set(['st', 'ste', 'mt', 'ft']);
// Legal forms that only ever end a company's name.
const COMPANY_FORMS = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'lp', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'ab', 'asa', 'oyj', 'bhd', 'tbk', 'pty', 'kk', 'se', 'cie', 'sarl', 'srl', 'ltda']);

// What the word lists say about a word, one bit each, worked out once per distinct surface: a bit test where a
// set lookup on the word would be asked again for every occurrence. A const enum, so the bits are numbers written
// into the code, not module variables read at every test.
const enum Lex {
	Stop = 1 << 0,
	Calendar = 1 << 1,
	Connector = 1 << 2,
	Title = 1 << 3,
	Modifier = 1 << 4,
	OrgSuffix = 1 << 5,
	OrgHeadOf = 1 << 6,
	FirstName = 1 << 7,
	Group = 1 << 8,
	ConceptHead = 1 << 9,
	EventHead = 1 << 10,
	PlaceSuffix = 1 << 11,
	LowerHead = 1 << 12,
	Lone = 1 << 13,
	Compass = 1 << 14,
	Prefix = 1 << 15,
	Verb = 1 << 16,
	PlacePreposition = 1 << 17,
	PersonCue = 1 << 18,
	LeaderOf = 1 << 19,
	Direction = 1 << 20,
	PlaceNounOf = 1 << 21,
	Company = 1 << 22,
	ConceptFirst = 1 << 23,
	/** A one-word built-in name (a place, a demonym, an organisation). */
	Known = 1 << 24,
	AdjectiveEnding = 1 << 25,
	AdjectiveLike = 1 << 26,
	Institution = 1 << 27,
	Demonym = 1 << 28,
	People = 1 << 29,
	/** The last word of a people of several words ("Koreans" of "North Koreans"). */
	PeopleTail = 1 << 30,
	/** Set on a surface's entry once its bits are worked out (they may all be zero). */
	Done = 1 << 31,
}

function classify(key: string, text: string): number {
	const tests: [Set<string>, string, number][] = [
		[STOP_WORDS, key, Lex.Stop],
		[CALENDAR, key, Lex.Calendar],
		[NAME_CONNECTORS, text, Lex.Connector],
		[PERSON_TITLES, key, Lex.Title],
		[TITLE_MODIFIERS, key, Lex.Modifier],
		[ORG_SUFFIXES, key, Lex.OrgSuffix],
		[ORG_HEADS_OF, key, Lex.OrgHeadOf],
		[FIRST_NAMES, key, Lex.FirstName],
		[GROUP_WORDS, key, Lex.Group],
		[CONCEPT_HEADS, key, Lex.ConceptHead],
		[EVENT_HEADS, key, Lex.EventHead],
		[PLACE_SUFFIXES, key, Lex.PlaceSuffix],
		[LOWER_CONCEPT_HEADS, text, Lex.LowerHead],
		[LONE_NON_NAMES, key, Lex.Lone],
		[COMPASS, key, Lex.Compass],
		[PREFIXES, key, Lex.Prefix],
		[VERBS, text, Lex.Verb],
		[PLACE_PREPOSITIONS, key, Lex.PlacePreposition],
		[LOWER_PERSON_CUES, key, Lex.PersonCue],
		[LEADER_OF, key, Lex.LeaderOf],
		[LOWER_DIRECTIONS, key, Lex.Direction],
		[PLACE_NOUNS_OF, key, Lex.PlaceNounOf],
		[COMPANY_FORMS, key, Lex.Company],
		[CONCEPT_FIRST_KEYS, key, Lex.ConceptFirst],
		[peopleTails(nameKey), key, Lex.PeopleTail],
	];
	let bits = 0;
	for (const [set, word, bit] of tests) if (set.has(word)) bits |= bit;
	if (builtinNames().first(key)?.end) bits |= Lex.Known;
	if (ADJECTIVE_ENDING.test(key)) bits |= Lex.AdjectiveEnding;
	if (ADJECTIVE_LIKE.test(key)) bits |= Lex.AdjectiveLike;
	if (INSTITUTION_ENDING.test(key)) bits |= Lex.Institution;
	if (isDemonymKey(key, nameKey)) bits |= Lex.Demonym;
	if (isPeopleKey(key, nameKey)) bits |= Lex.People;
	return bits;
}

// The bits of every surface, by surface number, with Lex.Done set once worked out. They depend on the word alone,
// so they are kept across runs for as long as the surface table lives.
let lexTable = 0;
let lexBits = new Int32Array(0);

/** The word-list bits of token w (0 where there is no token). */
function lex(tokens: Tokens, w: number): number {
	if (w < 0 || w >= tokens.length) return 0;
	if (tokens.surfaces !== lexTable) {
		lexTable = tokens.surfaces;
		lexBits = new Int32Array(Math.max(1024, tokens.surfaceCount * 2));
	}
	const s = tokens.surface(w);
	if (s >= lexBits.length) {
		const grown = new Int32Array(Math.max(s + 1, lexBits.length * 2));
		grown.set(lexBits);
		lexBits = grown;
	}
	const bits = lexBits[s];
	if (bits !== 0) return bits & ~Lex.Done;
	const answer = classify(tokens.key(w), tokens.text(w));
	lexBits[s] = answer | Lex.Done;
	return answer;
}

function has(tokens: Tokens, w: number, bits: number): boolean {
	return (lex(tokens, w) & bits) !== 0;
}

/** A one-word name Envoy knows: built in, or one of the user's notes. */
function knownWord(tokens: Tokens, w: number, isKnown: IsKnown): boolean {
	return has(tokens, w, Lex.Known) || (isKnown.hasUserNames && isKnown.word(tokens.key(w)));
}

function titleCase(word: string): string {
	return word.length > 1 ? word[0].toUpperCase() + word.slice(1) : word.toUpperCase();
}

interface Run {
	/** Token indices of the run's words (hyphens and initial dots are between them). */
	words: number[];
}

export function findCandidates(text: string, tokens: Tokens, evidence: Evidence, isKnown: IsKnown): Candidate[] {
	const out: Candidate[] = [];
	const n = tokens.length;
	let k = 0;
	while (k < n) {
		const f = tokens.flags(k);
		if ((f & WORD) === 0) {
			k++;
			continue;
		}
		if ((f & CAPS_LINE) !== 0) {
			k = dateline(text, tokens, k, out, isKnown);
			continue;
		}
		if ((f & (CAP | UPPER)) === 0) {
			k = (lex(tokens, k) & Lex.ConceptFirst) === 0 ? k + 1 : lowerConcept(text, tokens, k, out);
			continue;
		}
		const run = collectRun(tokens, k, isKnown);
		k = run.words[run.words.length - 1] + 1;
		// "al-Aqsa", "el-Sisi": the article joined to the name is part of it.
		const w0 = run.words[0];
		if (!tokens.space(w0) && joinedBefore(tokens, w0) && tokens.isWord(w0 - 2) && !tokens.capital(w0 - 2) && ARTICLES.has(tokens.key(w0 - 2))) run.words.unshift(w0 - 2);
		if (tokens.titleLine(run.words[0])) {
			for (const piece of provenPieces(tokens, run, evidence, isKnown)) for (const seg of segment(tokens, piece, evidence, isKnown)) emit(text, tokens, seg, out, evidence, isKnown);
		} else for (const seg of segment(tokens, run, evidence, isKnown)) emit(text, tokens, seg, out, evidence, isKnown);
	}
	return out;
}

/** A run of capitalised words, with connectors ("of", "van") and joined hyphens inside. */
function collectRun(tokens: Tokens, k: number, isKnown: IsKnown): Run {
	const words = [k];
	let j = k;
	let sawFor = false;
	for (;;) {
		if (tokens.possessive(j)) break;
		const next = j + 1;
		if (!tokens.has(next) || tokens.lineStart(next)) break;
		const nextText = tokens.text(next);
		// "George W. Bush", "Malcolm H. Kerr": a lone capital with its dot is an initial; "St. Louis", "Mt. Fuji".
		if (nextText === '.' && !tokens.space(next) && (tokens.end(j) - tokens.start(j) === 1 || SAINTS.has(tokens.key(j))) && tokens.cap(j) && isNameWord(tokens, j + 2) && tokens.space(j + 2)) {
			words.push(j + 2);
			j += 2;
			continue;
		}
		if (tokens.isWord(next) && tokens.space(next)) {
			if (isNameWord(tokens, next) && !has(tokens, next, Lex.Calendar)) {
				words.push(next);
				j++;
				continue;
			}
			// "Bank of England", "Ludwig van Beethoven": a connector only counts between capitalised words;
			// "and" and "in" only inside a "… for …" name ("Organisation for Security and Cooperation in Europe").
			const after = j + 2;
			// "Daniels Pharmaceuticals Inc of St. Petersburg": after a legal form, "of" says where, not who.
			let connector = has(tokens, next, Lex.Connector) && !(nextText === 'of' && has(tokens, j, Lex.Company));
			// "Commission on Presidential Debates", "Council for Security": a body's remit follows "for" or "on".
			if (!connector && (nextText === 'for' || nextText === 'on')) connector = has(tokens, j, Lex.OrgSuffix | Lex.OrgHeadOf | Lex.Institution);
			if (!connector && (nextText === 'and' || nextText === 'in')) connector = sawFor;
			// "Hanbit Center for Regional Studies in Seoul": "in" and a place is where it is, unless that is its name.
			if (connector && nextText === 'in' && knownWord(tokens, after, isKnown) && !isKnown.prefix(tokens, [...words, next, after], 0, words.length + 2)) connector = false;
			if (connector && isNameWord(tokens, after) && tokens.space(after)) {
				if (nextText === 'for' || nextText === 'on') sawFor = true;
				words.push(next, after);
				j += 2;
				continue;
			}
			break;
		}
		if (tokens.isInner(next) && !tokens.space(next)) {
			const after = j + 2;
			if (!tokens.has(after) || tokens.space(after) || !tokens.isWord(after)) break;
			if (nextText === '.' || nextText === ',') break;
			if (isNameWord(tokens, after)) {
				words.push(after);
				j += 2;
				continue;
			}
			// "Jong-un", "Jong-il": a short lower-case tail stays in a name that is not a known place ("US-led").
			if (tokens.end(after) - tokens.start(after) <= 3 && !tokens.upper(j) && !knownWord(tokens, j, isKnown)) {
				words.push(after);
				j += 2;
				continue;
			}
			break;
		}
		// "Douglas & Lomason"
		if (nextText === '&' && tokens.space(next) && isNameWord(tokens, j + 2)) {
			words.push(j + 2);
			j += 2;
			continue;
		}
		break;
	}
	return { words };
}

interface Segment {
	words: number[];
	cue: Cue | null;
}

/**
 * A run on a title-case line, cut down to what is a name for reasons other than its capitals. Words the corpus
 * writes in lower case elsewhere cut the run ("With One Eye"); what is left must begin and end with a word that is a
 * name on other grounds (a known name, a given name, a word capitalised mid-sentence elsewhere, an acronym, a head
 * like "Talks"). "Tokyo and Seoul Mend Ties, With One Eye on Pyongyang" gives Tokyo, Seoul and Pyongyang.
 */
function provenPieces(tokens: Tokens, run: Run, evidence: Evidence, isKnown: IsKnown): Run[] {
	const words = run.words;
	// A company's legal form names it whatever the case ("Homegate Hospitality Inc"), less the ordinary words
	// title case put in front ("Company Name …").
	if (words.length > 1 && has(tokens, words[words.length - 1], Lex.Company)) {
		let from = 0;
		while (words.length - from > 2 && seenLower(tokens, words[from], evidence) && !evidenceFor(tokens, words[from], evidence, isKnown)) from++;
		return [from === 0 ? run : { words: words.slice(from) }];
	}
	// Units: known names of several words ("North Korea") stay whole; every other word is its own unit.
	const units: { from: number; to: number; known: boolean }[] = [];
	for (let i = 0; i < words.length; ) {
		let len = 1;
		for (let l = Math.min(words.length - i, 5); l >= 2 && len === 1; l--) if (isKnown.phrase(tokens, words, i, i + l)) len = l;
		units.push({ from: i, to: i + len, known: len > 1 });
		i += len;
	}
	const pieces: Run[] = [];
	let first = -1;
	const close = (end: number) => {
		if (first >= 0) anchored(tokens, words, units, first, end, evidence, isKnown, pieces);
		first = -1;
	};
	for (let u = 0; u < units.length; u++) {
		const unit = units[u];
		const w = words[unit.from];
		// A lower-case hyphenated tail ("Min-jun") and a connector ("of") stay inside; an ordinary word cuts.
		const inside = !unit.known && (has(tokens, w, Lex.Connector) || (!tokens.capital(w) && joinedBefore(tokens, w)));
		const ordinary = !unit.known && !inside && (has(tokens, w, Lex.Stop | Lex.Calendar) || (seenLower(tokens, w, evidence) && !strongEvidence(tokens, w, evidence, isKnown)));
		if (ordinary) {
			close(u);
			continue;
		}
		if (first < 0) first = u;
	}
	close(units.length);
	return pieces;
}

/** Known, an acronym, or capitalised mid-sentence elsewhere and never in lower case. */
function strongEvidence(tokens: Tokens, w: number, evidence: Evidence, isKnown: IsKnown): boolean {
	if (knownWord(tokens, w, isKnown) || (tokens.upper(w) && tokens.end(w) - tokens.start(w) > 1)) return true;
	return onlyCapitalised(tokens, w, evidence);
}

/** Units[from, to) less unproven words at either end; a lone given name left over is not enough. */
function anchored(tokens: Tokens, words: number[], units: { from: number; to: number; known: boolean }[], from: number, to: number, evidence: Evidence, isKnown: IsKnown, out: Run[]): void {
	const proven = (u: number) => units[u].known || evidenceFor(tokens, words[units[u].from], evidence, isKnown);
	const head = (u: number) => !units[u].known && has(tokens, words[units[u].from], Lex.OrgSuffix | Lex.ConceptHead | Lex.PlaceSuffix);
	let a = from;
	let b = to - 1;
	while (a <= b && !proven(a)) a++;
	while (b >= a && !proven(b) && !head(b)) b--;
	if (a > b) return;
	if (a === b && !units[a].known && !strongEvidence(tokens, words[units[a].from], evidence, isKnown)) return;
	// Heads continue a name but never make one alone ("Oslo Renew Their Pact" names Oslo).
	if (a === b && head(a)) return;
	out.push({ words: words.slice(units[a].from, units[b].to) });
}

function evidenceFor(tokens: Tokens, w: number, evidence: Evidence, isKnown: IsKnown): boolean {
	if (has(tokens, w, Lex.FirstName) || knownWord(tokens, w, isKnown) || (tokens.upper(w) && tokens.end(w) - tokens.start(w) > 1)) return true;
	return onlyCapitalised(tokens, w, evidence);
}

/** The run, or its first two or three words, is a name Envoy knows ("New York Stock Exchange"). */
function knownPrefix(tokens: Tokens, words: number[], isKnown: IsKnown): boolean {
	for (let i = 2; i <= words.length && i <= 4; i++) if (isKnown.phrase(tokens, words, 0, i)) return true;
	return isKnown.phrase(tokens, words, 0, words.length);
}

function lexAt(tokens: Tokens, words: number[], x: number): number {
	return x < words.length ? lex(tokens, words[x]) : 0;
}

function isTitleAt(tokens: Tokens, words: number[], i: number): number {
	// Returns how many words the title at i spans (0 when there is none): "Foreign Minister", "Secretary of State".
	if ((lexAt(tokens, words, i) & (Lex.Title | Lex.Modifier)) === 0) return 0;
	let j = i;
	while (j < words.length && (lexAt(tokens, words, j) & Lex.Modifier) !== 0 && j + 1 < words.length) j++;
	if ((lexAt(tokens, words, j) & Lex.Title) === 0) return 0;
	j++;
	while (j < words.length && (lexAt(tokens, words, j) & (Lex.Title | Lex.Modifier)) !== 0) j++;
	if (j < words.length && tokens.key(words[j]) === 'of' && j + 2 < words.length) j += 2;
	return j - i;
}

function lettersIn(word: string): number {
	let n = 0;
	for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== 46) n++;
	return n;
}

function shouting(tokens: Tokens, w: number, evidence: Evidence, isKnown: IsKnown): boolean {
	if (!tokens.upper(w)) return false;
	return tokens.key(w).length >= 3 && seenLower(tokens, w, evidence) && !knownWord(tokens, w, isKnown);
}

/** A hyphen, dot or comma right before token w, with no space before it. */
function joinedBefore(tokens: Tokens, w: number): boolean {
	return tokens.isInner(w - 1) && !tokens.space(w - 1);
}

/** Where "of" follows a two- or three-word name in `words` (-1 when it does not). */
function personOf(tokens: Tokens, words: number[]): number {
	for (let i = 2; i <= 3 && i + 1 < words.length; i++) if (tokens.text(words[i]) === 'of') return i;
	return -1;
}

/** A titled person's name, and the institution after "of" if one follows ("Economist Joel Naroff of First Union"). */
function personThenBody(tokens: Tokens, words: number[], segments: Segment[]): void {
	const of = personOf(tokens, words);
	if (of < 0) {
		segments.push({ words, cue: 'person' });
		return;
	}
	segments.push({ words: words.slice(0, of), cue: 'person' });
	segments.push({ words: words.slice(of + 1), cue: null });
}

/** A connector or a month at the end of a run; a lower-case hyphenated tail is part of its word ("Seo Min-jun"). */
function trailingNoise(tokens: Tokens, w: number): boolean {
	const bits = lex(tokens, w);
	if ((bits & Lex.Connector) !== 0) return true;
	return (bits & Lex.Calendar) !== 0 && !(joinedBefore(tokens, w) && !tokens.capital(w));
}

/** Cuts a run into names: sentence-initial noise off the front, titles out, known places out of compounds. */
function segment(tokens: Tokens, run: Run, evidence: Evidence, isKnown: IsKnown): Segment[] {
	let words = run.words;
	// Drop function words and unproven sentence-initial words at the front.
	while (words.length > 0) {
		const w = words[0];
		const lower = tokens.key(w);
		// A word joined by a hyphen to the next belongs to a compound ("Six-Party Talks").
		if (words.length > 1 && words[1] === w + 2 && joinedBefore(tokens, w + 2)) break;
		const bits = lex(tokens, w);
		if ((bits & Lex.Connector) !== 0) {
			words.shift();
			continue;
		}
		const initial = tokens.initial(w);
		if ((bits & Lex.Calendar) !== 0 || lower === 'the' || (initial && (bits & Lex.Stop) !== 0 && !knownPrefix(tokens, words, isKnown))) {
			words.shift();
			continue;
		}
		// "Former U.S. president": a title's modifier with no title after it is no part of the name it precedes.
		if ((bits & Lex.Modifier) !== 0 && (bits & Lex.Title) === 0 && words.length > 1 && isTitleAt(tokens, words, 0) === 0 && isKnown.phrase(tokens, words, 1, words.length)) {
			words.shift();
			continue;
		}
		// An unproven first word goes if it stands alone or is a common word elsewhere ("Prices of …").
		const unproven = initial && (bits & (Lex.Title | Lex.Modifier)) === 0 && !evidenceFor(tokens, w, evidence, isKnown) && !knownPrefix(tokens, words, isKnown);
		// "Joint Russian and Chinese patrols": nor does it stay in front of a people's adjective.
		// "Shares of Varholm Inc": nor in front of "of", unless it heads an institution or a place ("Bank of …", "Gulf of …").
		const beforeOf = words.length > 2 && tokens.text(words[1]) === 'of' && (bits & (Lex.OrgHeadOf | Lex.OrgSuffix | Lex.PlaceSuffix)) === 0;
		if (unproven && (words.length === 1 || beforeOf || seenLower(tokens, w, evidence) || (words.length === 2 && has(tokens, words[1], Lex.Demonym)))) {
			words.shift();
			continue;
		}
		break;
	}
	while (words.length > 0 && trailingNoise(tokens, words[words.length - 1])) words.pop();
	if (words.length === 0) return [];
	if (isKnown.phrase(tokens, words, 0, words.length)) return [{ words, cue: null }];
	if (words.length === 1 && has(tokens, words[0], Lex.Lone)) return [];
	// Capitals of common words are table headers and shouting ("NOTE", "PRESS DIGEST"), not acronyms.
	for (let i = 0; i < words.length; i++) {
		if (!shouting(tokens, words[i], evidence, isKnown)) continue;
		words = words.filter((w) => !shouting(tokens, w, evidence, isKnown));
		break;
	}
	// A lone letter is an initial or a currency sign, never a name.
	if (words.length === 0 || (words.length === 1 && lettersIn(tokens.text(words[0])) < 2)) return [];

	const segments: Segment[] = [];
	// An organisation name may contain a title word ("General Motors"): only split runs that are not one.
	if (!has(tokens, words[words.length - 1], Lex.OrgSuffix) || words.length === 1) {
		for (let i = 0; i < words.length; i++) {
			const span = isTitleAt(tokens, words, i);
			if (span === 0) continue;
			if (i > 0) segments.push({ words: words.slice(0, i), cue: null });
			words = words.slice(i + span);
			if (words.length > 0) personThenBody(tokens, words, segments);
			return splitCompounds(tokens, segments, evidence, isKnown);
		}
	}
	// "John Casesa of Schroder Wertheim & Co", "economist Lynn Reaser of Barnett Banks": a person's name is no part
	// of the institution after "of".
	if (has(tokens, words[0], Lex.FirstName) || has(tokens, words[0] - 1, Lex.PersonCue)) {
		const of = personOf(tokens, words);
		if (of > 0) {
			segments.push({ words: words.slice(0, of), cue: 'person' });
			words = words.slice(of + 1);
		}
	}
	// "Board Up Donald Trump": a given name after other capitalised words starts a new name.
	for (let i = 1; i + 1 < words.length; i++) {
		if (!has(tokens, words[i], Lex.FirstName) || has(tokens, words[i - 1], Lex.FirstName | Lex.Connector)) continue;
		if (words.some((w) => has(tokens, w, Lex.Connector))) break;
		segments.push({ words: words.slice(0, i), cue: null });
		words = words.slice(i);
		break;
	}
	segments.push({ words, cue: null });
	return splitCompounds(tokens, segments, evidence, isKnown);
}

/**
 * "Moscow-Beijing-Pyongyang", "Russian-North Korean", "Putin-Kim Jong Il": a compound of capitalised parts, one of
 * them a known name, is several names. Adjective prefixes ("Sino-", "Trans-") are dropped.
 */
function splitCompounds(tokens: Tokens, segments: Segment[], evidence: Evidence, isKnown: IsKnown): Segment[] {
	// Most names have no hyphen: their words are consecutive tokens.
	if (segments.every((seg) => seg.words[seg.words.length - 1] - seg.words[0] === seg.words.length - 1)) return segments;
	const out: Segment[] = [];
	for (const seg of segments) {
		// Most names have no hyphen: their words are consecutive tokens.
		if (seg.words[seg.words.length - 1] - seg.words[0] === seg.words.length - 1 || !seg.words.some((w, i) => i > 0 && joinedBefore(tokens, w))) {
			out.push(seg);
			continue;
		}
		let parts: number[][] = [[]];
		for (const w of seg.words) {
			if (parts[parts.length - 1].length > 0 && joinedBefore(tokens, w) && tokens.text(w - 1) !== '.' && !tokens.space(w)) parts.push([]);
			parts[parts.length - 1].push(w);
		}
		if (parts.length === 1) {
			out.push(seg);
			continue;
		}
		const known = (p: number[]) => isKnown.phrase(tokens, p, 0, p.length) || (p.length === 1 && seenSolo(tokens, p[0], evidence));
		const prefixed = has(tokens, parts[0][0], Lex.Prefix) && parts[0].length === 1;
		if (prefixed) {
			parts = parts.slice(1);
			if (parts.every(known)) for (const p of parts) out.push({ words: p, cue: null });
			continue;
		}
		const capitalised = parts.every((p) => tokens.capital(p[0]));
		if (capitalised && parts.some(known)) for (const p of parts) out.push({ words: p, cue: p === parts[parts.length - 1] ? seg.cue : null });
		else out.push(seg);
	}
	return out;
}

/** Names are shown on one line with single spaces, whatever the source's line breaks or no-break spaces. */
function oneLine(s: string): string {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === 9 || c === 10 || c === 13 || c === 160 || (c === 32 && s.charCodeAt(i + 1) === 32)) return s.replace(/\s+/g, ' ');
	}
	return s;
}

function emit(text: string, tokens: Tokens, seg: Segment, out: Candidate[], evidence: Evidence, isKnown: IsKnown): void {
	const words = seg.words;
	const firstW = words[0];
	const lastW = words[words.length - 1];
	const start = tokens.start(firstW);
	let end = tokens.end(lastW);
	const wordKeys: string[] = [];
	for (const w of words) wordKeys.push(tokens.key(w));
	const lastKey = wordKeys[wordKeys.length - 1];
	const last = lex(tokens, lastW);
	let cue = seg.cue;
	let hint: Cue | null = null;
	let name: string | undefined;
	const multi = words.length > 1;
	const before = firstW - 1;
	const beforeWord = tokens.isWord(before);
	const beforeBits = beforeWord ? lex(tokens, before) : 0;

	// "the 1972 ABM treaty", "Six-Party talks": a lower-case head makes a named concept.
	const next = lastW + 1;
	const nextWord = tokens.isWord(next);
	const nextBits = nextWord ? lex(tokens, next) : 0;
	if (!cue && nextWord && tokens.space(next) && !tokens.possessive(lastW) && (nextBits & Lex.LowerHead) !== 0 && !tokens.capsLine(next)) {
		end = tokens.end(next);
		cue = 'concept';
		name = text.slice(start, tokens.end(lastW)) + ' ' + titleCase(tokens.text(next));
		wordKeys.push(tokens.key(next));
	} else if (!cue) {
		// "Koreans", "North Koreans": a people, not its country.
		if (multi ? (last & Lex.PeopleTail) !== 0 && isPeopleKey(wordKeys.join(' '), nameKey) : (last & Lex.People) !== 0) cue = 'adjective';
		else if (multi && (last & Lex.OrgSuffix) !== 0) cue = 'organisation';
		else if (multi && wordKeys.includes('of') && has(tokens, firstW, Lex.OrgHeadOf)) cue = 'organisation';
		else if (multi && (last & Lex.PlaceSuffix) !== 0) cue = 'place';
		else if (multi && (last & Lex.ConceptHead) !== 0) cue = (last & Lex.EventHead) !== 0 ? 'event' : 'concept';
		else if (multi && has(tokens, firstW, Lex.FirstName)) cue = 'person';
		else if ((beforeBits & Lex.PersonCue) !== 0) cue = 'person';
		else if (!multi && nextWord && !tokens.capital(next) && (nextBits & Lex.LeaderOf) !== 0 && !knownWord(tokens, lastW, isKnown) && (last & (Lex.OrgSuffix | Lex.AdjectiveLike)) === 0) cue = 'person';
		else if (!multi && (last & Lex.Group) !== 0) cue = 'adjective';
		// "Bosnian Serb", "Iraqi Kurds": people-words only.
		else if (multi && words.some((w) => has(tokens, w, Lex.Group)) && words.every((w) => has(tokens, w, Lex.Group) || knownWord(tokens, w, isKnown))) cue = 'adjective';
		else if (beforeWord && tokens.key(before) === 'of' && has(tokens, before - 1, Lex.PlaceNounOf)) cue = 'place';
		// An acronym inside a longer name makes it an institution ("NSW Treasury", "CITIC Pacific").
		else if (multi && words.some((w) => tokens.upper(w) && tokens.end(w) - tokens.start(w) > 1) && !words.every((w) => tokens.upper(w))) cue = 'organisation';
		else if (!multi && nextWord && !tokens.capital(next) && (last & Lex.AdjectiveEnding) !== 0 && (nextBits & Lex.Verb) === 0) cue = 'adjective';
		// A name that contains a place but is not one ("Air France", "China Daily") is an organisation.
		else if (multi && words.some((w) => knownWord(tokens, w, isKnown))) cue = has(tokens, firstW, Lex.Compass) && isKnown.keys(wordKeys, 1, wordKeys.length) ? 'place' : 'organisation';
	}
	if (!cue) {
		if (!multi && tokens.upper(firstW) && tokens.end(firstW) - tokens.start(firstW) > 1) hint = 'organisation';
		else if ((beforeBits & Lex.PlacePreposition) !== 0 || ((beforeBits & Lex.Direction) !== 0 && !tokens.capital(before))) hint = 'place';
	}
	let upper = true;
	for (const w of words) if (!tokens.upper(w)) upper = false;
	// A one-word name's surface and key are the tokenizer's own strings: shared, and hashed once.
	const single = wordKeys.length === 1 && end === tokens.end(firstW);
	out.push({
		start,
		end,
		surface: single ? tokens.text(firstW) : oneLine(text.slice(start, end)),
		key: single ? lastKey : wordKeys.join(' '),
		words: wordKeys.length,
		cue,
		hint,
		name,
		wordKeys,
		upper,
		commonLast: multi && seenLower(tokens, lastW, evidence),
		maybeKnown: isKnown.starting(tokens, firstW),
	});
}

/** A dateline ("MOSCOW 1996-08-30", "SEOUL (Reuters)") names a place even in capitals. */
function dateline(text: string, tokens: Tokens, k: number, out: Candidate[], isKnown: IsKnown): number {
	const lineStart = tokens.lineStart(k);
	let j = k;
	while (tokens.isWord(j + 1) && tokens.upper(j + 1) && tokens.capsLine(j + 1)) j++;
	const next = j + 1;
	if (lineStart && tokens.upper(k) && tokens.has(next) && (tokens.isNum(next) || tokens.text(next) === '(' || tokens.text(next) === ',') && j - k < 3) {
		const wordKeys: string[] = [];
		for (let w = k; w <= j; w++) wordKeys.push(tokens.key(w));
		const start = tokens.start(k);
		out.push({ start, end: tokens.end(j), surface: text.slice(start, tokens.end(j)), key: wordKeys.join(' '), words: wordKeys.length, cue: 'place', hint: null, name: undefined, wordKeys, upper: true, commonLast: false, maybeKnown: isKnown.starting(tokens, k) });
	}
	return j + 1;
}

/** Curated lower-case concepts ("sanctions", "axis of evil"), spelling variants folded by lemma. */
function lowerConcept(text: string, tokens: Tokens, k: number, out: Candidate[]): number {
	if (!has(tokens, k, Lex.ConceptFirst)) return k + 1;
	const options = CONCEPT_LEMMAS.get(lemmaKey(tokens.key(k)));
	if (!options) return k + 1;
	let best: { end: number; name: string } | null = null;
	for (const opt of options) {
		let j = k;
		let w = 0;
		let ok = true;
		for (; w < opt.words.length; w++) {
			while (w > 0 && tokens.isInner(j) && !tokens.space(j)) j++;
			if (!tokens.isWord(j) || lemmaKey(tokens.key(j)) !== opt.words[w]) {
				ok = false;
				break;
			}
			j++;
		}
		if (ok && (!best || j > best.end)) best = { end: j, name: opt.name };
	}
	if (!best) return k + 1;
	const start = tokens.start(k);
	const end = tokens.end(best.end - 1);
	const key = best.name;
	out.push({ start, end, surface: text.slice(start, end), key, words: best.end - k, cue: 'concept', hint: null, name: best.name, wordKeys: [key], upper: false, commonLast: false, maybeKnown: true });
	return best.end;
}
