// Candidate names in one document: capitalised runs cut at titles and compounds, with the cues around them.
// Nothing here decides the final type or the note; typing.ts and grouping.ts do, with the whole corpus in view.
import { CALENDAR, CONCEPTS, GROUP_WORDS, PLACE_NOUNS_OF, FIRST_NAMES, LOWER_CONCEPT_HEADS, NAME_CONNECTORS, ORG_HEADS_OF, ORG_SUFFIXES, PERSON_TITLES, PLACE_SUFFIXES, STOP_WORDS, TITLE_MODIFIERS, CONCEPT_HEADS, EVENT_HEADS } from './lexicon';
import type { KnownNames } from './known-names';
import { isInnerPunct, lemmaKey, phraseLemma, type Token } from './tokenize';

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
	/** The key of each word, for surname and initials matching. */
	wordKeys: string[];
	upper: boolean;
}

/** What the corpus says about a word's capitalisation, gathered before candidates are cut. */
export interface Evidence {
	/** Word key → times seen capitalised away from a sentence start. */
	midCap: Map<string, number>;
	/** Word keys seen in lower case. */
	lower: Set<string>;
	/** Word keys seen as a one-word name mid-sentence ("said Putin"): enough to split "Putin-Kim Jong Il". */
	solo: Set<string>;
}

/** Names Envoy already knows (places, demonyms, the user's notes). */
type IsKnown = KnownNames;

export function newEvidence(): Evidence {
	return { midCap: new Map(), lower: new Set(), solo: new Set() };
}

function alone(x: Token | undefined): boolean {
	return !x || (x.kind === 'word' ? !x.cap && !x.upper : x.text !== '-' && x.text !== '.');
}

export function gatherEvidence(tokens: Token[], evidence: Evidence): void {
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (t.kind !== 'word' || t.capsLine) continue;
		const key = t.key;
		if (!t.cap) {
			evidence.lower.add(key);
			continue;
		}
		if (t.initial) continue;
		evidence.midCap.set(key, (evidence.midCap.get(key) ?? 0) + 1);
		const prev = tokens[i - 1];
		const next = tokens[i + 1];
		if (alone(prev) && (t.possessive || alone(next))) evidence.solo.add(key);
	}
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
const LOWER_PERSON_CUES = new Set(['leader', 'president', 'minister', 'spokesman', 'spokeswoman', 'envoy', 'ambassador', 'chairman', 'secretary', 'premier', 'chancellor', 'dictator', 'king', 'queen', 'prince', 'senator', 'general', 'coach', 'striker', 'captain', 'director', 'chief', 'ruler']);

function isNameWord(t: Token | undefined): boolean {
	return !!t && t.kind === 'word' && (t.cap || t.upper) && !t.capsLine && !t.lineStart;
}

// Compass words alone are directions or shorthand ("the North"), not names worth a note.
const LONE_NON_NAMES = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'mr', 'mrs', 'ms', 'dr']);
// Prefixes of adjective compounds ("Sino-Soviet", "Trans-Korean", "Anti-American"): never names themselves.
const PREFIXES = new Set(['trans', 'sino', 'anti', 'pro', 'pan', 'post', 'pre', 'neo', 'ex', 'non', 'inter', 'intra', 'sub', 'super', 'ultra', 'afro', 'russo', 'franco', 'anglo', 'greco', 'austro', 'judeo', 'euro', 'mid', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest']);

function titleCase(word: string): string {
	return word.length > 1 ? word[0].toUpperCase() + word.slice(1) : word.toUpperCase();
}

interface Run {
	/** Token indices of the run's words (hyphens and initial dots are between them). */
	words: number[];
}

export function findCandidates(text: string, tokens: Token[], evidence: Evidence, isKnown: IsKnown): Candidate[] {
	const out: Candidate[] = [];
	const n = tokens.length;
	let k = 0;
	while (k < n) {
		const t = tokens[k];
		if (t.kind !== 'word') {
			k++;
			continue;
		}
		if (t.capsLine) {
			k = dateline(text, tokens, k, out);
			continue;
		}
		if (!t.cap && !t.upper) {
			k = lowerConcept(text, tokens, k, out);
			continue;
		}
		const run = collectRun(tokens, k, isKnown);
		k = run.words[run.words.length - 1] + 1;
		for (const seg of segment(tokens, run, evidence, isKnown)) emit(text, tokens, seg, out, evidence, isKnown);
	}
	return out;
}

/** A run of capitalised words, with connectors ("of", "van") and joined hyphens inside. */
function collectRun(tokens: Token[], k: number, isKnown: IsKnown): Run {
	const words = [k];
	let j = k;
	for (;;) {
		const cur = tokens[j];
		if (cur.possessive) break;
		const next = tokens[j + 1];
		if (!next || next.lineStart) break;
		// "George W. Bush", "Malcolm H. Kerr": a lone capital with its dot is an initial.
		if (next.text === '.' && !next.space && cur.text.length === 1 && cur.cap && isNameWord(tokens[j + 2]) && tokens[j + 2].space) {
			words.push(j + 2);
			j += 2;
			continue;
		}
		if (next.kind === 'word' && next.space) {
			if (isNameWord(next) && !CALENDAR.has(next.key)) {
				words.push(j + 1);
				j++;
				continue;
			}
			// "Bank of England", "Ludwig van Beethoven": a connector only counts between capitalised words;
			// "and" and "in" only inside a "… for …" name ("Organisation for Security and Cooperation in Europe").
			const after = tokens[j + 2];
			const institution = ORG_SUFFIXES.has(cur.key) || ORG_HEADS_OF.has(cur.key) || /(tion|ment|ship)$/.test(cur.key);
			const connector = NAME_CONNECTORS.has(next.text) || (next.text === 'for' && institution) || ((next.text === 'and' || next.text === 'in') && words.some((w) => tokens[w].text === 'for'));
			if (connector && isNameWord(after) && after.space) {
				words.push(j + 1, j + 2);
				j += 2;
				continue;
			}
			break;
		}
		if (isInnerPunct(next) && !next.space) {
			const after = tokens[j + 2];
			if (!after || after.space || after.kind !== 'word') break;
			if (next.text === '.' || next.text === ',') break;
			if (isNameWord(after)) {
				words.push(j + 2);
				j += 2;
				continue;
			}
			// "Jong-un", "Jong-il": a short lower-case tail stays in a name that is not a known place ("US-led").
			if (after.text.length <= 3 && !cur.upper && !isKnown.word(cur.key)) {
				words.push(j + 2);
				j += 2;
				continue;
			}
			break;
		}
		// "Douglas & Lomason"
		if (next.text === '&' && next.space && isNameWord(tokens[j + 2])) {
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

function evidenceFor(tokens: Token[], w: number, evidence: Evidence, isKnown: IsKnown): boolean {
	const t = tokens[w];
	const key = t.key;
	if (isKnown.word(key) || FIRST_NAMES.has(key) || (t.upper && t.text.length > 1)) return true;
	return (evidence.midCap.get(key) ?? 0) > 0 && !evidence.lower.has(key);
}

/** The run, or its first two or three words, is a name Envoy knows ("New York Stock Exchange"). */
function knownPrefix(tokens: Token[], words: number[], isKnown: IsKnown): boolean {
	for (let i = 2; i <= words.length && i <= 4; i++) if (isKnown.phrase(tokens, words, 0, i)) return true;
	return isKnown.phrase(tokens, words, 0, words.length);
}

function wordAt(tokens: Token[], words: number[], x: number): string {
	return x < words.length ? tokens[words[x]].key : '';
}

function isTitleAt(tokens: Token[], words: number[], i: number): number {
	// Returns how many words the title at i spans (0 when there is none): "Foreign Minister", "Secretary of State".
	const first = tokens[words[i]].key;
	if (!PERSON_TITLES.has(first) && !TITLE_MODIFIERS.has(first)) return 0;
	const lower = (x: number) => wordAt(tokens, words, x);
	let j = i;
	while (j < words.length && TITLE_MODIFIERS.has(lower(j)) && j + 1 < words.length) j++;
	if (!PERSON_TITLES.has(lower(j))) return 0;
	j++;
	while (j < words.length && (PERSON_TITLES.has(lower(j)) || TITLE_MODIFIERS.has(lower(j)))) j++;
	if (lower(j) === 'of' && j + 2 < words.length) j += 2;
	return j - i;
}

function shouting(t: Token, evidence: Evidence, isKnown: IsKnown): boolean {
	return t.upper && t.key.length >= 3 && evidence.lower.has(t.key) && !isKnown.word(t.key);
}

/** Cuts a run into names: sentence-initial noise off the front, titles out, known places out of compounds. */
function segment(tokens: Token[], run: Run, evidence: Evidence, isKnown: IsKnown): Segment[] {
	let words = run.words;
	// Drop function words and unproven sentence-initial words at the front.
	while (words.length > 0) {
		const t = tokens[words[0]];
		const lower = t.key;
		// A word joined by a hyphen to the next belongs to a compound ("Six-Party Talks").
		if (words.length > 1 && words[1] === words[0] + 2 && isInnerPunct(tokens[words[0] + 1]) && !tokens[words[0] + 1].space) break;
		if (NAME_CONNECTORS.has(t.text)) {
			words.shift();
			continue;
		}
		if (CALENDAR.has(lower) || lower === 'the' || (t.initial && STOP_WORDS.has(lower) && !knownPrefix(tokens, words, isKnown))) {
			words.shift();
			continue;
		}
		// An unproven first word goes if it stands alone or is a common word elsewhere ("Prices of …").
		const unproven = t.initial && !knownPrefix(tokens, words, isKnown) && !evidenceFor(tokens, words[0], evidence, isKnown) && !PERSON_TITLES.has(lower) && !TITLE_MODIFIERS.has(lower);
		if (unproven && (words.length === 1 || evidence.lower.has(t.key))) {
			words.shift();
			continue;
		}
		break;
	}
	while (words.length > 0 && (NAME_CONNECTORS.has(tokens[words[words.length - 1]].text) || CALENDAR.has(tokens[words[words.length - 1]].key))) words.pop();
	if (words.length === 0) return [];
	if (isKnown.phrase(tokens, words, 0, words.length)) return [{ words, cue: null }];
	if (words.length === 1 && LONE_NON_NAMES.has(tokens[words[0]].key)) return [];
	// Capitals of common words are table headers and shouting ("NOTE", "PRESS DIGEST"), not acronyms.
	if (words.some((w) => shouting(tokens[w], evidence, isKnown))) words = words.filter((w) => !shouting(tokens[w], evidence, isKnown));
	// A lone letter is an initial or a currency sign, never a name.
	if (words.length === 0 || (words.length === 1 && tokens[words[0]].text.replace(/\./g, '').length < 2)) return [];

	const segments: Segment[] = [];
	const lastLower = tokens[words[words.length - 1]].key;
	// An organisation name may contain a title word ("General Motors"): only split runs that are not one.
	if (!ORG_SUFFIXES.has(lastLower) || words.length === 1) {
		for (let i = 0; i < words.length; i++) {
			const span = isTitleAt(tokens, words, i);
			if (span === 0) continue;
			if (i > 0) segments.push({ words: words.slice(0, i), cue: null });
			words = words.slice(i + span);
			if (words.length > 0) segments.push({ words, cue: 'person' });
			return splitCompounds(tokens, segments, evidence, isKnown);
		}
	}
	// "Board Up Donald Trump": a given name after other capitalised words starts a new name.
	for (let i = 1; i + 1 < words.length; i++) {
		const k = tokens[words[i]].key;
		if (!FIRST_NAMES.has(k) || FIRST_NAMES.has(tokens[words[i - 1]].key) || NAME_CONNECTORS.has(tokens[words[i - 1]].text)) continue;
		if (words.some((w) => NAME_CONNECTORS.has(tokens[w].text))) break;
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
function splitCompounds(tokens: Token[], segments: Segment[], evidence: Evidence, isKnown: IsKnown): Segment[] {
	const out: Segment[] = [];
	for (const seg of segments) {
		// Most names have no hyphen: their words are every other token at most one apart.
		if (seg.words[seg.words.length - 1] - seg.words[0] === seg.words.length - 1 || !seg.words.some((w, i) => i > 0 && isInnerPunct(tokens[w - 1]) && !tokens[w - 1].space)) {
			out.push(seg);
			continue;
		}
		let parts: number[][] = [[]];
		for (const w of seg.words) {
			const prev = tokens[w - 1];
			if (parts[parts.length - 1].length > 0 && prev && isInnerPunct(prev) && prev.text !== '.' && !prev.space && !tokens[w].space) parts.push([]);
			parts[parts.length - 1].push(w);
		}
		if (parts.length === 1) {
			out.push(seg);
			continue;
		}
		const known = (p: number[]) => isKnown.phrase(tokens, p, 0, p.length) || (p.length === 1 && evidence.solo.has(tokens[p[0]].key));
		const prefixed = PREFIXES.has(tokens[parts[0][0]].key) && parts[0].length === 1;
		if (prefixed) {
			parts = parts.slice(1);
			if (parts.every(known)) for (const p of parts) out.push({ words: p, cue: null });
			continue;
		}
		const capitalised = parts.every((p) => tokens[p[0]].cap || tokens[p[0]].upper);
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

function emit(text: string, tokens: Token[], seg: Segment, out: Candidate[], evidence: Evidence, isKnown: IsKnown): void {
	const words = seg.words;
	const first = tokens[words[0]];
	let last = tokens[words[words.length - 1]];
	const wordKeys = words.map((w) => tokens[w].key);
	const lastKey = wordKeys[wordKeys.length - 1];
	let cue = seg.cue;
	let hint: Cue | null = null;
	let name: string | undefined;
	const multi = words.length > 1;
	const before = tokens[words[0] - 1];
	const beforeKey = before && before.kind === 'word' ? before.key : '';

	// "the 1972 ABM treaty", "Six-Party talks": a lower-case head makes a named concept.
	const next = tokens[words[words.length - 1] + 1];
	if (!cue && next && next.kind === 'word' && next.space && !last.possessive && LOWER_CONCEPT_HEADS.has(next.text) && !next.capsLine) {
		last = next;
		cue = 'concept';
		name = text.slice(first.start, tokens[words[words.length - 1]].end) + ' ' + titleCase(next.text);
		wordKeys.push(next.key);
	} else if (!cue) {
		if (multi && ORG_SUFFIXES.has(lastKey)) cue = 'organisation';
		else if (multi && wordKeys.includes('of') && ORG_HEADS_OF.has(wordKeys[0])) cue = 'organisation';
		else if (multi && PLACE_SUFFIXES.has(lastKey)) cue = 'place';
		else if (multi && CONCEPT_HEADS.has(lastKey)) cue = EVENT_HEADS.has(lastKey) ? 'event' : 'concept';
		else if (multi && FIRST_NAMES.has(wordKeys[0])) cue = 'person';
		else if (LOWER_PERSON_CUES.has(beforeKey)) cue = 'person';
		else if (!multi && GROUP_WORDS.has(lastKey)) cue = 'adjective';
		// "Bosnian Serb", "Iraqi Kurds": people-words only.
		else if (multi && wordKeys.some((k) => GROUP_WORDS.has(k)) && wordKeys.every((k) => GROUP_WORDS.has(k) || isKnown.word(k))) cue = 'adjective';
		else if (beforeKey === 'of' && PLACE_NOUNS_OF.has(tokens[words[0] - 2]?.key ?? '')) cue = 'place';
		// An acronym inside a longer name makes it an institution ("NSW Treasury", "CITIC Pacific").
		else if (multi && words.some((w) => tokens[w].upper && tokens[w].text.length > 1) && !words.every((w) => tokens[w].upper)) cue = 'organisation';
		else if (!multi && ADJECTIVE_ENDING.test(lastKey) && next && next.kind === 'word' && !next.cap && !next.upper && !VERBS.has(next.text)) cue = 'adjective';
		// A name that contains a place but is not one ("Air France", "China Daily") is an organisation.
		else if (multi && wordKeys.some((k) => isKnown.word(k))) cue = COMPASS.has(wordKeys[0]) && isKnown.keys(wordKeys, 1, wordKeys.length) ? 'place' : 'organisation';
	}
	if (!cue) {
		if (!multi && first.upper && first.text.length > 1) hint = 'organisation';
		else if (PLACE_PREPOSITIONS.has(beforeKey)) hint = 'place';
	}
	out.push({
		start: first.start,
		end: last.end,
		surface: oneLine(text.slice(first.start, last.end)),
		key: wordKeys.join(' '),
		words: wordKeys.length,
		cue,
		hint,
		name,
		wordKeys,
		upper: words.every((w) => tokens[w].upper),
		commonLast: multi && evidence.lower.has(lastKey),
	});
}

/** A dateline ("MOSCOW 1996-08-30", "SEOUL (Reuters)") names a place even in capitals. */
function dateline(text: string, tokens: Token[], k: number, out: Candidate[]): number {
	const t = tokens[k];
	const lineStart = t.lineStart;
	let j = k;
	while (tokens[j + 1] && tokens[j + 1].kind === 'word' && tokens[j + 1].upper && tokens[j + 1].capsLine) j++;
	const next = tokens[j + 1];
	if (lineStart && t.upper && next && (next.kind === 'num' || next.text === '(' || next.text === ',') && j - k < 3) {
		const words = [];
		for (let w = k; w <= j; w++) words.push(w);
		const wordKeys = words.map((w) => tokens[w].key);
		out.push({ start: t.start, end: tokens[j].end, surface: text.slice(t.start, tokens[j].end), key: wordKeys.join(' '), words: words.length, cue: 'place', hint: null, wordKeys, upper: true, commonLast: false });
	}
	return j + 1;
}

/** Curated lower-case concepts ("sanctions", "axis of evil"), spelling variants folded by lemma. */
function lowerConcept(text: string, tokens: Token[], k: number, out: Candidate[]): number {
	if (!CONCEPT_FIRST_KEYS.has(tokens[k].key)) return k + 1;
	const options = CONCEPT_LEMMAS.get(lemmaKey(tokens[k].key));
	if (!options) return k + 1;
	let best: { end: number; name: string } | null = null;
	for (const opt of options) {
		let j = k;
		let w = 0;
		let ok = true;
		for (; w < opt.words.length; w++) {
			while (w > 0 && tokens[j] && isInnerPunct(tokens[j]) && !tokens[j].space) j++;
			const t = tokens[j];
			if (!t || t.kind !== 'word' || lemmaKey(t.key) !== opt.words[w]) {
				ok = false;
				break;
			}
			j++;
		}
		if (ok && (!best || j > best.end)) best = { end: j, name: opt.name };
	}
	if (!best) return k + 1;
	const first = tokens[k];
	const last = tokens[best.end - 1];
	const key = best.name;
	out.push({ start: first.start, end: last.end, surface: text.slice(first.start, last.end), key, words: best.end - k, cue: 'concept', hint: null, name: best.name, wordKeys: [key], upper: false, commonLast: false });
	return best.end;
}
