// The article's head: where its lead paragraph starts, and the byline and date written around the
// headline. Pages print them in many orders (caption, kicker, headline, dek, byline, date, share
// row), so each is searched from the head outward rather than at a fixed place.

import { bylineOf, dateOf, type LineInfo } from './boilerplate';
import { looksLikeName, parseByline, parseNameByDate } from './metadata';
import { STAMP_WORDS, isMetaInfo } from './title';
import { endsSentence } from './text';

/** A line that reads as a paragraph of the article rather than a caption or a headline. */
export function isProse(info: LineInfo): boolean {
	return info.words >= 20 || (info.words >= 12 && endsSentence(info.line.text));
}

/** Kept lines past the region's start that may still be header (caption, headline, dek, byline, date). */
const HEADER_SPAN = 8;

/**
 * Index of the lead paragraph among the kept lines. Normally the first prose line; but when a
 * byline or date line follows it within the region's first lines, before the prose runs on, what
 * came before was the header (a caption, the headline, the dek) and the lead follows the cue.
 */
export function findLead(infos: readonly LineInfo[], keep: readonly number[]): number {
	const first = keep.findIndex((i) => isProse(infos[i]));
	if (first < 0) return keep.length ? keep[0] : infos.length;
	let lead = first;
	for (let k = first + 1; k < Math.min(keep.length, HEADER_SPAN); k++) {
		const info = infos[keep[k]];
		// Two paragraphs in a row: the article is under way.
		if (isProse(info) && isProse(infos[keep[k - 1]])) break;
		if (info.words <= 20 && isHeaderLine(info)) {
			const next = keep.findIndex((i, j) => j > k && isProse(infos[i]));
			if (next < 0) break;
			lead = next;
		}
	}
	return keep[lead];
}

/**
 * A byline or a dateline, as opposed to a sentence that mentions a date ("On March 4, 2021, the
 * council voted …"): the date is most of the line, or the line opens with a stamp word.
 */
function isHeaderLine(info: LineInfo): boolean {
	const text = info.line.text;
	if (bylineOf(info) !== null || parseNameByDate(text) !== undefined) return true;
	const date = dateOf(info);
	if (!date) return isMetaInfo(info) && !endsSentence(text);
	if (STAMP_WORDS.test(text)) return true;
	const rest = (text.slice(0, date.index) + text.slice(date.index + date.length)).split(/\s+/).filter((w) => /\p{L}/u.test(w));
	return rest.length <= 4 || !endsSentence(text);
}

/** A byline or a "Published …"/"Updated …" stamp: metadata wherever it stands in the region. */
export function isBylineOrStamp(info: LineInfo): boolean {
	if (info.words > 20) return false;
	const text = info.line.text;
	return bylineOf(info) !== null || (STAMP_WORDS.test(text) && dateOf(info) !== null);
}

/** Order in which to look at lines for the byline and date: the header, then outward from it. */
function searchOrder(count: number, head: number, lead: number, above: number, below: number): number[] {
	const order: number[] = [];
	const from = Math.max(0, Math.min(head, lead) - 3);
	for (let i = from; i <= Math.min(count - 1, lead + 3); i++) order.push(i);
	for (let d = 1; d <= Math.max(above, below); d++) {
		if (d <= above && from - d >= 0) order.push(from - d);
		if (d <= below && lead + 3 + d < count) order.push(lead + 3 + d);
	}
	return order;
}

/** "By" alone on its line, the names on the next. */
const BARE_BY = /^(?:by|von|por|par)\s*:?$/iu;

/** Authors from the byline nearest the article's head; a bare name next to the date counts too. */
export function findAuthors(infos: readonly LineInfo[], head: number, lead: number, inBody: ReadonlySet<number>): string[] {
	const order = searchOrder(infos.length, head, lead, 40, 40);
	for (const i of order) {
		const info = infos[i];
		if (info.words > 16 || (inBody.has(i) && i > lead)) continue;
		const text = info.line.text;
		const names = bylineOf(info) ?? (BARE_BY.test(text) && infos[i + 1] ? parseByline(`By ${infos[i + 1].line.text}`) : null);
		if (names) return names;
	}
	// No byline: a name printed with the date, or alone on the line by the date, in the header.
	const near = order.slice(0, Math.max(0, lead - Math.min(head, lead)) + 10);
	for (const i of near) {
		const info = infos[i];
		if (info.words > 16 || inBody.has(i)) continue;
		// Date rows often read as menu rows ("Jane Roe | March 11, 2026 | 4 min read"): junk or not, the parse is strict.
		const named = parseNameByDate(info.line.text);
		if (named) return [named];
		if (info.junk) continue;
		const dateNext = [infos[i - 1], infos[i + 1]].some((x) => x !== undefined && x.words <= 16 && dateOf(x) !== null);
		if (dateNext && info.words >= 2 && info.words <= 4 && info.line.bullet === undefined && looksLikeName(info.line.text) && !isMetaInfo(info)) return [info.line.text];
	}
	return [];
}

/** An embedded post's signature, "— Jane Roe (@jroe) November 18, 2019": the post's date, not the article's. */
const POST_SIGNATURE = /\(@\w+\)|^[—–-]\s*\p{Lu}/u;
const COPYRIGHT_CUE = /©|\bcopyright\b|all rights reserved/iu;

/** The date nearest the head of the article: the header first, then outward from it. */
export function findDate(infos: readonly LineInfo[], head: number, lead: number, inBody: ReadonlySet<number>): string | undefined {
	for (const i of searchOrder(infos.length, head, lead, 30, 20)) {
		const info = infos[i];
		// In the body, only a dateline counts, not a sentence that mentions a date.
		if (info.words > 24 || (inBody.has(i) && i > lead && !isHeaderLine(info))) continue;
		const text = info.line.text;
		if (POST_SIGNATURE.test(text) || COPYRIGHT_CUE.test(text)) continue;
		const date = dateOf(info);
		if (date) return date.iso;
	}
	return undefined;
}
