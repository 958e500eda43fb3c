// The headline: the title-shaped line just above the body, past kickers, menus and site names.

import type { LineInfo } from './boilerplate';
import { parseByline, parseDate } from './metadata';
import { endsSentence, normaliseLine } from './text';

/** Lines that are metadata rather than headline: bylines, dates, "Updated …". */
export function isMetaLine(text: string): boolean {
	if (parseByline(text)) return true;
	const words = text.split(/\s+/).length;
	return words <= 12 && parseDate(text) !== undefined;
}

function titleScore(info: LineInfo, distance: number, jsonTitle: string | undefined): number {
	const text = info.line.text;
	if (info.junk || info.line.bullet !== undefined || isMetaLine(text)) return -Infinity;
	const w = info.words;
	if (w < 2 || w > 30 || text.length > 250) return -Infinity;
	// A headline does not end with a full stop; a dek or caption does.
	if (/[.:,;]$/u.test(text) && !/\.\.\.$|…$/u.test(text)) return -Infinity;
	let score = Math.min(w, 12) - distance * 0.6;
	if (w < 4) score -= 5;
	if (/^\p{Lu}/u.test(text)) score += 1;
	if (/\s[|·]\s|\s-\s.*\s-\s/u.test(text)) score -= 4;
	if (jsonTitle && normaliseLine(jsonTitle) === normaliseLine(text)) score += 30;
	return score;
}

/** Index of the headline line, looking up to `window` lines above `bodyStart`; -1 if none fits. */
export function findTitle(infos: readonly LineInfo[], bodyStart: number, jsonTitle: string | undefined, window = 25): number {
	let best = -1;
	let bestScore = 0;
	const from = Math.max(0, bodyStart - window);
	for (let i = bodyStart; i >= from; i--) {
		const s = titleScore(infos[i], bodyStart - i, jsonTitle);
		if (s > bestScore) {
			bestScore = s;
			best = i;
		}
	}
	return best;
}

/** A concise title from the body's first sentence, for pages without a headline. */
export function deriveTitle(firstParagraph: string): string {
	const sentence = (/^.*?[.!?](?=\s|$)/u.exec(firstParagraph)?.[0] ?? firstParagraph).trim();
	const words = sentence.replace(/[.!?]+$/u, '').split(/\s+/).filter(Boolean);
	if (words.length <= 12) return words.join(' ');
	// Stop at a clause boundary when there is one early enough.
	const cut = words.slice(0, 10);
	const comma = cut.findIndex((w, i) => i >= 4 && /[,;:]$/u.test(w));
	const kept = comma >= 0 ? cut.slice(0, comma + 1) : cut;
	return kept.join(' ').replace(/[,;:]$/u, '') + '…';
}

export { endsSentence };
