// Invented articles for the import tests (no third-party text).
import type { Article, ArticleBlock } from '../../../src/core/types';

export const PARAGRAPHS = [
	'The foreign ministers of Norland and Vesteria met on Tuesday in the harbour city of Kalmar to reopen talks on fishing rights that collapsed two years ago.',
	'Officials on both sides described the four-hour session as frank but constructive, and agreed to meet again before the end of the quarter.',
	'The dispute centres on a strip of shallow water where cod stocks have fallen sharply since the early 2010s, according to figures published by the regional fisheries council.',
	'Norland wants a joint quota managed by an independent board, while Vesteria has insisted that its coastal fleets keep the historic share they have held for decades.',
	'"We came here to listen, not to lecture," the Vesterian minister told reporters after the meeting, adding that a deal was possible if both capitals showed patience.',
	'Analysts in Kalmar said the tone marked a clear change from last spring, when both governments recalled their ambassadors after a trawler was detained near the island of Osk.',
	'The talks also touched on a proposed undersea cable that would link the two power grids, a project that has stalled because of the same maritime boundary question.',
	'Business groups in both countries have lobbied for the cable, arguing that it would lower winter electricity prices and make the region less dependent on imported gas.',
	'Environmental campaigners, however, warned that any agreement must include binding limits on bottom trawling and a timetable for restoring the damaged seabed.',
	'Diplomats expect the next round to be held in the Vesterian capital, where a draft framework could be presented to both parliaments early next year.',
];

export function paragraphs(texts: string[]): ArticleBlock[] {
	return texts.map((text) => ({ kind: 'paragraph', text }));
}

export function article(overrides: Partial<Article> = {}): Article {
	return {
		title: 'Norland and Vesteria reopen fishing talks',
		titleDerived: false,
		authors: [],
		topics: [],
		regions: [],
		tags: [],
		blocks: paragraphs(PARAGRAPHS),
		...overrides,
	};
}

/** The same story as a second outlet would run it: re-broken paragraphs, two edited sentences, its own boilerplate. */
export function republished(): string[] {
	const text = PARAGRAPHS.join(' ')
		.replace('described the four-hour session as frank but constructive', 'called the four-hour meeting frank yet constructive')
		.replace('Business groups in both countries have lobbied for the cable', 'Industry associations on both sides have pushed hard for the cable');
	const sentences = text.split(/(?<=\.) /);
	const out: string[] = ['This story was first published by the Kalmar Courier and is republished here with permission.'];
	for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
	out.push('Support independent journalism: subscribe to our weekly newsletter for more coverage of the region.');
	return out;
}

/** A different article of similar length and vocabulary, to check that topic overlap is not duplication. */
export const OTHER_PARAGRAPHS = [
	'Vesteria announced on Monday that it would open a new consulate in the Norland port of Brenn, the first expansion of its diplomatic presence there in a decade.',
	'The decision follows a surge in trade between the two countries, which has nearly doubled since a customs agreement took effect three years ago.',
	'Officials said the consulate would handle visas, support Vesterian companies and help a growing community of seasonal workers in the fishing industry.',
	'Opposition politicians in Norland questioned the timing, noting that talks on maritime boundaries remain unresolved and that the two governments still disagree on quotas.',
	'The foreign ministry in Brenn welcomed the move and said it hoped to reciprocate with an office of its own in the Vesterian city of Hollum next year.',
];
