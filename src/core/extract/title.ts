// The headline: the title-shaped line just above the body, past kickers, menus and site names.

import { bylineOf, dateOf, type LineInfo } from './boilerplate';
import { parseByline, parseDate } from './metadata';
import { SCAN_QUOTE, normaliseLine } from './text';

const TIME = /\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|gmt|utc|[ecmp][sd]t)?\b/iu;
export const STAMP_WORDS = /^(?:posted|updated|published|last (?:modified|updated)|publi[ée]|publicado|veröffentlicht|diposting)\b/iu;

const BARE_BY = /^(?:by|von|por|par)\s*:?$/iu;

const UI_WORDS = /\b(?:share|sharing|close|click|tap|external links?|new window|continues? below|gallery|inbox|subscribe|sign (?:up|in)|log ?in|newsletter|menu|search|latest news|cookies?)\b/iu;

/** `isMetaLine` of a described line, with its byline and date parsed once. */
export function isMetaInfo(info: LineInfo): boolean {
	if (bylineOf(info)) return true;
	const words = info.line.text.split(/\s+/).length;
	if (words > 18) return false;
	return dateOf(info) !== null || STAMP_WORDS.test(info.line.text) || (words <= 6 && TIME.test(info.line.text));
}

/** Lines that are metadata rather than headline: bylines, dates, "Updated …", timestamps. */
export function isMetaLine(text: string): boolean {
	if (parseByline(text)) return true;
	const words = text.split(/\s+/).length;
	if (words > 18) return false;
	return parseDate(text) !== undefined || STAMP_WORDS.test(text) || (words <= 6 && TIME.test(text));
}

function titleScore(infos: readonly LineInfo[], i: number, distance: number, jsonKey: string | undefined, siteKey: string | undefined, quotes: ReadonlyMap<string, number>): number {
	const info = infos[i];
	const text = info.line.text;
	// A headline other pages of the site list as a teaser is shared, but still this page's headline.
	if (info.ownJunk || info.line.bullet !== undefined || isMetaInfo(info)) return -Infinity;
	// The outlet's name printed at the top of the page is no headline.
	if (siteKey !== undefined && (info.key === siteKey || info.key.startsWith(`${siteKey} `))) return -Infinity;
	const w = info.words;
	if (w < 2 || w > 30 || text.length > 250) return -Infinity;
	// A headline rarely ends with a full stop; a dek or caption does.
	const stop = /[.:,;]$/u.test(text) && !/\.\.\.$|…$/u.test(text);
	if (stop && (info.words > 14 || /[:,;]$/u.test(text))) return -Infinity;
	// Breadcrumbs, placeholders and bracketed credits are not headlines.
	if (/\s[>»›/]\s|^you are here|^home\s*[>»›/]|\[|^\(.*\)$/iu.test(text)) return -Infinity;
	let score = 8 + Math.min(w, 10) * 0.3 - distance * 0.3;
	const long = text.split(/\s+/).filter((x) => x.length >= 4);
	if (long.length >= 3 && long.filter((x) => /^\p{Lu}/u.test(x)).length >= long.length * 0.6) score += 2;
	// A headline is often echoed elsewhere on the page (breadcrumb, share text, comment header).
	const echoed = info.copies + (quotes.get(info.key) ?? 0) > 1;
	if (echoed) score += 5;
	// Shared with other pages and not echoed here: more likely a teaser than this page's headline.
	else if (info.shared) score -= 2;
	if (w < 4) score -= 6;
	// Interface strings ("Share Close extra sharing options", "Story continues below gallery").
	if (UI_WORDS.test(text)) score -= 6;
	if (stop) score -= 4;
	if (w > 16) score -= (w - 16) * 0.7;
	if (/^\p{Lu}|^\d|^["“‘'[]/u.test(text)) score += 1;
	if (/\s[|·]\s|\s-\s.*\s-\s/u.test(text)) score -= 4;
	// Bylines and dates sit right under the headline; what comes right after one is the author's outlet or role.
	for (let k = i + 1; k <= i + 4 && k < infos.length; k++) if (infos[k].headerCue) score += 4;
	for (let k = Math.max(0, i - 3); k < i; k++) if (infos[k].words <= 16 && (BARE_BY.test(infos[k].line.text) || bylineOf(infos[k]))) score -= 6;
	if (jsonKey && jsonKey === info.key) score += 30;
	return score;
}

const QUOTED_TAIL = /[“"«]([^”"»]{10,200})[”"»]?\s*$/u;

/** How often short lines' texts are quoted inside another line ("3 thoughts on “X”"); plain copies are `copies`. */
function countQuotes(infos: readonly LineInfo[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const info of infos) {
		if (info.words > 30) continue;
		const t = info.line.text;
		const quoted = (info.flags & SCAN_QUOTE) !== 0 ? QUOTED_TAIL.exec(t) : null;
		if (quoted && quoted.index > 0) {
			const q = normaliseLine(quoted[1]);
			counts.set(q, (counts.get(q) ?? 0) + 1);
		}
	}
	return counts;
}

/** Index of the headline line, from `bodyStart` up to `window` lines above it; -1 if none fits. */
export function findTitle(infos: readonly LineInfo[], bodyStart: number, jsonTitle: string | undefined, site?: string, window = 25): number {
	let best = -1;
	let bestScore = 0;
	const from = Math.max(0, bodyStart - window);
	const quotes = countQuotes(infos);
	const jsonKey = jsonTitle ? normaliseLine(jsonTitle) : undefined;
	const siteKey = site ? normaliseLine(site) : undefined;
	for (let i = Math.min(bodyStart, infos.length - 1); i >= from; i--) {
		const s = titleScore(infos, i, bodyStart - i, jsonKey, siteKey, quotes);
		if (s > bestScore) {
			bestScore = s;
			best = i;
		}
	}
	return best;
}

/** Openings of an introductory phrase ("At the end of the war, …") that a title can do without. */
const INTRO = /^(?:at|in|on|after|before|when|while|as|for|since|during|following|despite|although|though|with|without|under|over|until|once|if|because|amid|across|throughout)\b/iu;
/** Words a cut title should not end on. */
const DANGLING = /^(?:a|an|the|of|on|in|at|to|for|and|or|but|with|by|as|from|into|that|which|who|its|their|his|her|is|are|was|were)$/iu;

/** A concise title from the body's first sentence, for pages without a headline. */
export function deriveTitle(firstParagraph: string): string {
	const sentence = (/^.*?[.!?](?=\s|$)/u.exec(firstParagraph)?.[0] ?? firstParagraph).trim();
	let words = sentence.replace(/[.!?]+$/u, '').split(/\s+/).filter(Boolean);
	if (words.length <= 12) return words.join(' ');
	// "At the end of the war, the Soviet Union …": the main clause says what the text is about.
	const intro = words.findIndex((w, i) => i >= 2 && i <= 9 && /,$/u.test(w));
	if (intro >= 0 && INTRO.test(words[0]) && words.length - intro - 1 >= 6) {
		words = words.slice(intro + 1);
		words[0] = words[0].charAt(0).toLocaleUpperCase() + words[0].slice(1);
		if (words.length <= 12) return words.join(' ').replace(/[,;:]$/u, '');
	}
	// Stop at a clause boundary when there is one early enough.
	let cut = words.slice(0, 10);
	const comma = cut.findIndex((w, i) => i >= 4 && /[,;:]$/u.test(w));
	if (comma >= 0) cut = cut.slice(0, comma + 1);
	while (cut.length > 4 && DANGLING.test(cut[cut.length - 1].replace(/[,;:]$/u, ''))) cut.pop();
	return cut.join(' ').replace(/[,;:]$/u, '') + '…';
}

/** Genre labels some outlets print in front of the headline ("Opinion: …"). */
const KICKER = /^(opinion|analysis|commentary|editorial|column|explainer|perspective|review|interview|exclusive|op-ed|viewpoint|essay|podcast|watch|live|breaking(?: news)?)\s*[:|]\s+(?=\S)/iu;

/**
 * Splits a genre label off the headline: "Opinion: Kremlin courts …" → the headline and "opinion".
 * The label says what kind of piece it is, not what it is about, so it becomes a tag.
 */
export function splitKicker(title: string): { title: string; kicker?: string } {
	const m = KICKER.exec(title);
	if (!m) return { title };
	const rest = title.slice(m[0].length).trim();
	if (rest.split(/\s+/).length < 3) return { title };
	return { title: rest, kicker: m[1].toLowerCase().replace(/\s+/g, '-') };
}
