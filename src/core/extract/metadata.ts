// Byline, date and outlet cues as they appear in page text.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// A year ends at a non-digit, or where a time was glued onto it by the page ("Nov 20 20194:29 AM").
const YEAR_END = '(?:(?!\\d)|(?=\\d{1,2}:\\d\\d))';
const MDY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)${YEAR_END}`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+((?:19|20)\\d\\d)${YEAR_END}`, 'i');
const ISO = /\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/;
const NUMERIC = new RegExp(`\\b(\\d{1,2})[/.](\\d{1,2})[/.]((?:19|20)\\d\\d)${YEAR_END}`);

function pad(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

function iso(year: number, month: number, day: number): string | undefined {
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	return `${year}-${pad(month)}-${pad(day)}`;
}

function monthIndex(name: string): number {
	return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Month names of other languages the genre appears in (de, fr, es, pt, it, nl, id), by month. */
const FOREIGN_MONTHS: readonly string[][] = [
	['januar', 'janvier', 'enero', 'janeiro', 'gennaio', 'januari'],
	['februar', 'février', 'febrero', 'fevereiro', 'febbraio', 'februari', 'pebruari'],
	['märz', 'mars', 'marzo', 'março', 'maart', 'maret'],
	['april', 'avril', 'abril', 'aprile'],
	['mai', 'mayo', 'maio', 'maggio', 'mei'],
	['juni', 'juin', 'junio', 'junho', 'giugno'],
	['juli', 'juillet', 'julio', 'julho', 'luglio'],
	['august', 'août', 'agosto', 'augustus', 'agustus'],
	['september', 'septembre', 'septiembre', 'setembro', 'settembre'],
	['oktober', 'octobre', 'octubre', 'outubro', 'ottobre'],
	['november', 'novembre', 'noviembre', 'novembro', 'nopember'],
	['dezember', 'décembre', 'diciembre', 'dezembro', 'dicembre', 'december', 'desember'],
];
const FOREIGN_INDEX = new Map(FOREIGN_MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const FOREIGN = `(${[...FOREIGN_INDEX.keys()].join('|')})`;
// "30. Juli 2018", "12 de outubro de 2019", "Maret 30, 2015".
const FOREIGN_DMY = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+(?:de\\s+)?${FOREIGN}\\s+(?:de\\s+)?((?:19|20)\\d\\d)${YEAR_END}`, 'iu');
const FOREIGN_MDY = new RegExp(`(?<!\\p{L})${FOREIGN}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)${YEAR_END}`, 'iu');

/** Every date form written here carries a 19xx/20xx year; most lines have none, and skip the regexes. */
function hasYear(s: string): boolean {
	for (const century of ['20', '19']) {
		for (let i = s.indexOf(century); i >= 0; i = s.indexOf(century, i + 1)) if (isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3))) return true;
	}
	return false;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** A date found in a line: ISO form, and where it is written. */
export interface DateMatch {
	iso: string;
	index: number;
	length: number;
}

/** The first date written in `s` (in the order of the forms below), with its position. */
export function findDateIn(s: string): DateMatch | undefined {
	if (!hasYear(s)) return undefined;
	const at = (m: RegExpExecArray, value: string | undefined) => (value ? { iso: value, index: m.index, length: m[0].length } : undefined);
	let m = ISO.exec(s);
	if (m) return at(m, iso(+m[1], +m[2], +m[3]));
	m = MDY.exec(s);
	if (m) return at(m, iso(+m[3], monthIndex(m[1]), +m[2]));
	m = DMY.exec(s);
	if (m) return at(m, iso(+m[3], monthIndex(m[2]), +m[1]));
	m = FOREIGN_DMY.exec(s);
	if (m) return at(m, iso(+m[3], FOREIGN_INDEX.get(m[2].toLowerCase()) ?? 0, +m[1]));
	m = FOREIGN_MDY.exec(s);
	if (m) return at(m, iso(+m[3], FOREIGN_INDEX.get(m[1].toLowerCase()) ?? 0, +m[2]));
	m = NUMERIC.exec(s);
	if (m) {
		// Day-first when the first field cannot be a month; otherwise the US order.
		const a = +m[1];
		const b = +m[2];
		return at(m, a > 12 ? iso(+m[3], b, a) : iso(+m[3], a, b));
	}
	return undefined;
}

/** The first date written in `s`, as `YYYY-MM-DD`. */
export function parseDate(s: string): string | undefined {
	return findDateIn(s)?.iso;
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|del|la|le|bin|al-\p{L}+)$/u;

/** A plausible personal or desk name: 1–5 words, capitalised. */
export function looksLikeName(s: string): boolean {
	const words = s.split(/\s+/).filter(Boolean);
	if (words.length < 1 || words.length > 5) return false;
	return words.every((w) => NAME_WORD.test(w)) && /\p{Lu}/u.test(words[0]);
}

const BYLINE = /^(?:by|written by|posted by|words by|reported by|story by|text by|author:?|authors:?|por|von|par|di|oleh)\s*:?\s+(.{2,160})$/iu;
/** What a byline can open with (see BYLINE), after an optional bullet. */
const BYLINE_OPENING = /^(?:[•◦▪■□☆○●·*-]\s+)?(?:by|written by|posted by|words by|reported by|story by|text by|authors?:?|por|von|par|di|oleh)\s*:?\s/iu;
/** "…| By: Jane Roe", "11/19/2019 by Jane Roe", "/by jdoe": a byline after a date or a separator. */
const INNER_BYLINE = /(?:^|[\s|/·•–—-])(?:by|von|por|par)\s*:?\s+(?=\p{Lu})(.{2,120})$/iu;
const BULLET_START = /^[•◦▪■□☆○●·*-]\s+/u;
/** Where the names end: a date or digit, a separator, an address, "on …", "published …" (several languages). */
const NAMES_END = /\s+[|–—·-]\s*|\s{2,}|\s+(?:on|updated|published|posted|publiziert|veröffentlicht|aktualisiert|publicado|atualizado|publié|pubblicato|am|em|le|il|el|diposting|pada)\s+|\s*[|(]|(?=\d)|(?=\S+@)|\s+[-–—]$/iu;
/** Roles and desks after a name: "AP Auto Writer", "IGN Staff", "Senior Correspondent". */
const ROLE = /\b(?:writer|editor|correspondent|reporter|staff|contributor|columnist|producer|analyst|fellow|director|intern|photographer|anchor|host)s?\b/iu;
/** Outlet names after a name: "CNN Business", "Business Insider", "Cleveland.com". */
const OUTLET = /\b(?:news|business|insider|press|times|post|journal|media|magazine|today|daily|herald|tribune|gazette|reuters|bloomberg|cnn|bbc|ap|afp|upi|pti|wire|network|online|digital)\b|\.(?:com|org|net|co\.uk|in)$/iu;
/** Degrees and credentials after a name: "MS, RDN", "PhD". */
const CREDENTIAL = /^(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?D\.?|M\.?A\.?|B\.?A\.?)$/u;

/** The names in the part of a byline after its "By": cut at what follows them, roles and outlets dropped. */
function bylineNames(rest: string): string[] | null {
	if (!/^\p{Lu}/u.test(rest)) return null;
	rest = rest.split(NAMES_END)[0].replace(/[.,;:]+$/u, '').trim();
	const pieces = rest
		.split(/\s*,\s*|\s+(?:and|&|y|und|et|e|dan)\s+/u)
		.map((p) => p.trim())
		.filter(Boolean);
	const names: string[] = [];
	for (const [k, piece] of pieces.entries()) {
		// After the first name, a credential, a role or an outlet is not another author.
		if (k > 0 && (CREDENTIAL.test(piece) || ROLE.test(piece) || OUTLET.test(piece))) continue;
		if (!looksLikeName(piece)) return null;
		names.push(piece);
	}
	return names.length ? names : null;
}

const OPENING_LOWER = new RegExp(BYLINE_OPENING.source, 'u');
const INNER_CUE_LOWER = /\b(?:by|von|por|par)\b/u;

/**
 * Cheap necessary test for `parseByline` on a lower-cased line: `hasAt`, the line holds an `@`;
 * `hasSeparator`, it holds a digit, dash or separator (what an inner "by" must come after).
 */
export function mayBeByline(lower: string, hasAt: boolean, hasSeparator: boolean): boolean {
	return hasAt || OPENING_LOWER.test(lower) || (hasSeparator && INNER_CUE_LOWER.test(lower));
}

/** Names in a byline line ("By A", "By A and B", "By A, B & C | Outlet", "Date | By: A"), or null when the line is no byline. */
export function parseByline(line: string): string[] | null {
	const hasBy = BYLINE_OPENING.test(line.trimStart());
	if (!hasBy && !line.includes('@') && !(INNER_BEFORE.test(line) && INNER_CUE.test(line))) return null;
	const text = line.trim().replace(BULLET_START, '');
	// "Jane Doe @janedoe" / "Jane Doe@JaneDoe": a name with its social handle.
	const handle = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s*@\w+/u.exec(text);
	if (handle) return [handle[1]];
	const m = BYLINE.exec(text);
	if (m) return bylineNames(m[1]);
	// "By" later in a short line: only after a date or a separator, so prose "… by Jane Roe" is no byline.
	const inner = INNER_BYLINE.exec(text);
	if (!inner || text.split(/\s+/).length > 16) return null;
	const before = text.slice(0, inner.index);
	if (!/[|/·•–—]|\d/u.test(before)) return null;
	return bylineNames(inner[1]);
}

// ASCII-only on purpose: Unicode case-insensitive word boundaries are slow, and the cue words are ASCII.
const INNER_CUE = /\b(?:by|von|por|par)\b/i;
/** What must come before an inner "by": a date (digits) or a separator. */
const INNER_BEFORE = /[\d|/·•–—-]/u;

/** Placeholders and bullets in front of a name: "[photo] Jane Roe". */
const LEADING_NOISE = /^(?:\[[^\]]{0,40}\]\s*|[•◦▪■□☆○●·*-]\s+)+/u;

/**
 * A name written next to the date without "By": "Jane Roe - Nov 19, 2019", "Jane Roe | March 11,
 * 2026 | 4 min read", "Associated Press November 19, 2019", "21/06/2014 Jane Roe". Null otherwise.
 */
export function parseNameByDate(line: string): string | undefined {
	const text = line.trim().replace(LEADING_NOISE, '');
	if (text.split(/\s+/).length > 16 || BYLINE_OPENING.test(text)) return undefined;
	const date = findDateIn(text);
	if (!date) return undefined;
	const trim = (s: string) => s.replace(/^[\s|·•,/–—-]+|[\s|·•,/–—-]+$/gu, '');
	const before = trim(text.slice(0, date.index));
	const after = trim(text.slice(date.index + date.length));
	// A time or weekday around the date is part of it, not a name.
	for (const part of [before, after.split(/\s+[|·•–—-]\s+|\s{2,}/u)[0].replace(/^(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*/iu, '')]) {
		const name = trim(part);
		if (name.split(/\s+/).length >= 2 && looksLikeName(name) && !STAMP.test(name) && !DAY_OR_MONTH.test(name)) return name;
	}
	return undefined;
}

const STAMP = /^(?:posted|updated|published|last|date|on)\b/iu;
const DAY_OR_MONTH = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:[ap]m|gmt|utc|[ecmp][sd]t)\b/iu;

const ORIGINAL = /\b(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:at|in|on|by)\s+(.{2,80}?)\s*(?:[.,;(]|\s+on\s+|$)/iu;

/** "This article originally appeared at X" → X. */
export function parseOriginal(line: string): string | undefined {
	const m = ORIGINAL.exec(line);
	if (!m) return undefined;
	// "in the Coastal Gazette": a lower-case article is the sentence's; "at The Meridian Review" is the name's.
	const name = m[1].trim().replace(/^the\s+(?=\p{Lu})/u, '');
	return /^\p{Lu}|^\d/u.test(name) && name.split(/\s+/).length <= 8 ? name : undefined;
}

/** Picture agencies: a "Source:" naming one is a photo credit, not the text's origin. */
const PHOTO_AGENCY = /\b(?:getty|shutterstock|istock|alamy|wikimedia|flickr|unsplash|epa|afp|ap photo|photo|image|sputnik images|tass)\b/i;

/** "Source: X" naming an outlet (not a photo credit). */
export function parseSourceLine(line: string): string | undefined {
	const m = /^source:\s*(.{2,60})$/iu.exec(line.trim());
	if (!m) return undefined;
	const name = m[1].replace(/[.]+$/u, '').trim();
	if (PHOTO_AGENCY.test(name) || name.split(/\s+/).length > 6 || !/^\p{Lu}/u.test(name)) return undefined;
	return name;
}

/** "© 2019 X. All rights reserved." → X. */
export function parseCopyright(line: string): string | undefined {
	const m = /(?:(?:©|\(c\)|copyright)\s*)+(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*,?\s*)?(.{2,80})/iu.exec(line);
	if (!m) return undefined;
	const held = m[1].replace(/^all rights reserved\.?\s*/iu, '');
	let name = held.split(/\.\s|\s+all rights|\s+[|–—-]\s+|,\s/iu)[0].split(/\.(?=\p{Lu}\p{Ll})/u)[0].trim();
	name = name
		.replace(/^(?:by\s+|copyright\s+|©\s*)+/iu, '')
		.replace(/\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$/u, '')
		.replace(/(?:,?\s+(?:inc|llc|ltd|limited|corp|plc|gmbh|s\.a|co)\.?)+$|\s+(?:19|20)\d\d$/iu, '')
		.replace(/[.,;:]+$/u, '')
		.trim();
	if (!/^[\p{Lu}\p{Lo}\d]/u.test(name) || name.split(/\s+/).length > 8 || /^(?:19|20)\d\d$/.test(name) || /^all rights/iu.test(name)) return undefined;
	return name;
}

/** Cheap test on a line's key before `parseOutletCue`. */
export const OUTLET_CUE_START = /^(?:follow|sign up|get|why you can trust|welcome to)\b/u;
const OUTLET_CUES = [
	/^follow (.{2,40}?)(?: on (?:twitter|facebook|instagram|linkedin|youtube|x))?$/iu,
	/^sign up (?:to|for) (.{2,40}?)(?:['’]s)?(?: newsletters?)?$/iu,
	/^get (.{2,40}?) delivered to your inbox\b/iu,
	/^(?:why you can trust|welcome to) (.{2,40}?)[.!]?$/iu,
];
const NOT_OUTLET = /^(?:us|our|me|the|this|these|all|more|news|newsletters?|updates|alerts|stories|today|now|here)\b/iu;

/** The outlet named in its own furniture: "Follow The Sun", "Get Quanta Magazine delivered to your inbox". */
export function parseOutletCue(line: string): string | undefined {
	const text = line.trim();
	for (const cue of OUTLET_CUES) {
		const m = cue.exec(text);
		if (!m) continue;
		const name = m[1].trim();
		const words = name.split(/\s+/);
		if (words.length > 5 || !/^[\p{Lu}\d]/u.test(name) || (NOT_OUTLET.test(name) && words.length === 1) || /^(?:us|our)\b|\b(?:on|follow|and)\b/iu.test(name)) return undefined;
		return name;
	}
	return undefined;
}

/** "Support X – Go Ad-Free!" style banners name the outlet. */
export function parseSupportBanner(line: string): string | undefined {
	const m = /^(?:support|donate to|subscribe to)\s+(.{2,50}?)\s*[-–—:|]\s*(?:go ad-free|donate|subscribe|become)/iu.exec(line.trim());
	return m ? m[1].trim() : undefined;
}

const WRITES_END = /(?:writes|argues|reports|explains)\.?\s*$/u;

/** A standfirst that names its author: "…, the Russian journalist Jane Roe writes." → Jane Roe. */
export function parseWritesCredit(line: string): string | undefined {
	if (!WRITES_END.test(line)) return undefined;
	const m = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2})\s+(?:writes|argues|reports|explains)\.?$/u.exec(line.trim());
	return m && looksLikeName(m[1]) ? m[1] : undefined;
}
