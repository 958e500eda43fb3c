// Raw page text → Article: the article body as blocks with their raw offsets, and its metadata.

import type { Article, ArticleBlock } from '../types';
import { deepenRange, describeLines, selectBody, type LineInfo } from './boilerplate';
import { toLines, type Line } from './blocks';
import { findJsonBlobs, mergeJsonMeta, type JsonBlob } from './jsonblocks';
import { findAuthors, findDate, findLead, isBylineOrStamp, isProse } from './header';
import { OUTLET_CUE_START, looksLikeName, parseCopyright, parseDate, parseOriginal, parseOutletCue, parseSourceLine, parseSupportBanner, parseWritesCredit } from './metadata';
import { deriveTitle, findTitle, isMetaInfo, splitKicker } from './title';
import { LONG_LINE, endsSentence, normaliseLine } from './text';
import { detached } from '../text/detach';

export interface ExtractContext {
	/** Normalised lines seen repeated across several files of the same batch/site: page furniture. */
	sharedLines?: ReadonlySet<string>;
}

export { normaliseLine } from './text';
export { findSharedLines } from './shared';

function toBlocks(infos: readonly LineInfo[], keep: readonly number[]): ArticleBlock[] {
	const blocks: ArticleBlock[] = [];
	for (let k = 0; k < keep.length; k++) {
		const info = infos[keep[k]];
		const { line } = info;
		const source = { start: line.start, end: line.end };
		if (line.bullet !== undefined) {
			const item = line.text.slice(line.bullet.length).trim();
			const prev = blocks[blocks.length - 1];
			if (prev?.kind === 'list' && keep[k - 1] === keep[k] - 1 && prev.source) {
				prev.items.push(item);
				prev.source.end = line.end;
			} else blocks.push({ kind: 'list', ordered: /\d/.test(line.bullet), items: [item], source });
			continue;
		}
		const next = infos[keep[k + 1]];
		if (info.headingLike && info.words <= 14 && next && next.words >= 12) {
			blocks.push({ kind: 'heading', depth: 2, text: line.text, source });
			continue;
		}
		if (/^[“"«]/u.test(line.text) && /[”"»]\W*$/u.test(line.text) && line.indent >= 2) {
			blocks.push({ kind: 'quote', text: line.text, source });
			continue;
		}
		blocks.push({ kind: 'paragraph', text: line.text, source });
	}
	return blocks;
}

/** Lines not inside a JSON blob; both lists are in text order, so one pass. */
function outsideBlobs(lines: Line[], blobs: readonly JsonBlob[]): Line[] {
	if (blobs.length === 0) return lines;
	const out: Line[] = [];
	let b = 0;
	for (const line of lines) {
		while (b < blobs.length && blobs[b].end <= line.start) b++;
		const blob = blobs[b];
		if (blob && line.start >= blob.start && line.end <= blob.end) continue;
		out.push(line);
	}
	return out;
}

/** What `parseOriginal` needs, in one cheap regex, so it runs on few lines. */
const ORIGINAL_VERB = /(?:originally|first)\s+(?:appeared|published|ran|posted)\s/iu;

/** "This article originally appeared in X", anywhere on the page. */
function findOriginal(infos: readonly LineInfo[]): string | undefined {
	for (const h of infos) {
		// A line of its own or a short note; the cue words on the lower-cased text, without regex.
		if (h.words > LONG_LINE || !(h.lower.includes('originally') || h.lower.includes('first'))) continue;
		const name = ORIGINAL_VERB.test(h.line.text) ? parseOriginal(h.line.text) : undefined;
		if (name) return name;
	}
	return undefined;
}

/** Lines above the lead where the headline is looked for. */
const TITLE_WINDOW = 25;

const BANNER_START = /^(?:support|donate|subscribe)/u;

/**
 * The outlet's name as the page's first line prints it ("Harbour Institute — Commentary"), when
 * the page names it again elsewhere (a plea, a footer): a name said once could be anything.
 */
function findMasthead(infos: readonly LineInfo[]): string | undefined {
	for (const h of infos.slice(0, 3)) {
		if (h.words > 8 || h.line.bullet !== undefined) continue;
		const name = h.line.text.split(/\s+[|—–-]\s+/u)[0].trim();
		const words = name.split(/\s+/).length;
		if (words < 2 || words > 5 || !looksLikeName(name)) continue;
		// Keys of short lines are lower-cased, and a re-mention is in a short furniture line.
		const key = normaliseLine(name);
		if (infos.some((o) => o !== h && o.words <= LONG_LINE && o.key.includes(key))) return name;
	}
	return undefined;
}

/** "Tags: a, b, c" and "Filed under: …" lines: what the outlet filed the piece under. */
const FILED = /^(tags|tagged(?: with)?|keywords|topics|categories|filed under)\s*:\s*(.{2,400})$/iu;

function findFiled(infos: readonly LineInfo[]): { tags: string[]; topics: string[] } {
	const out = { tags: [] as string[], topics: [] as string[] };
	for (const h of infos) {
		const c = h.key.charCodeAt(0);
		// t(ags), k(eywords), c(ategories), f(iled under): the openings FILED knows.
		if (h.words > 40 || (c !== 116 && c !== 107 && c !== 99 && c !== 102)) continue;
		const m = FILED.exec(h.line.text);
		if (!m) continue;
		const items = m[2].split(/\s*[,;·|]\s*/u).map((x) => x.trim().replace(/[.]$/u, '')).filter((x) => x.length >= 2 && x.length <= 60 && x.split(/\s+/).length <= 5);
		const into = /^(?:tags|tagged|keywords)/iu.test(m[1]) ? out.tags : out.topics;
		for (const item of items) if (!into.includes(item)) into.push(item);
	}
	return out;
}

/** The outlet named by a support banner, else by its own furniture ("Follow X"), else by the last copyright line (often the parent company). */
function findPublisher(infos: readonly LineInfo[]): string | undefined {
	let cue: string | undefined;
	for (const h of infos) {
		// First letters of the banner and cue phrases, before any regex.
		const c = h.key.charCodeAt(0);
		if (h.words > 30 || (c !== 115 && c !== 100 && c !== 102 && c !== 103 && c !== 119)) continue;
		const name = BANNER_START.test(h.key) ? parseSupportBanner(h.line.text) : undefined;
		if (name) return name;
		if (cue === undefined && h.words <= 10 && OUTLET_CUE_START.test(h.key)) cue = parseOutletCue(h.line.text);
	}
	if (cue) return cue;
	const masthead = findMasthead(infos);
	if (masthead) return masthead;
	for (let i = infos.length - 1; i >= 0; i--) {
		const h = infos[i];
		const name = h.words <= 30 && (h.key.includes('©') || h.key.includes('(c)') || h.key.includes('copyright')) ? parseCopyright(h.line.text) : undefined;
		if (name) return name;
	}
	return undefined;
}

function firstOf<T>(values: Iterable<T | undefined>): T | undefined {
	for (const v of values) if (v !== undefined) return v;
	return undefined;
}

export function extractArticle(text: string, context?: ExtractContext): Article {
	const blobs = findJsonBlobs(text);
	const json = mergeJsonMeta(blobs);
	const lines = outsideBlobs(toLines(text), blobs);
	const infos = describeLines(lines, context?.sharedLines);
	let keep = selectBody(infos);
	const publisher = json.publisher ?? findPublisher(infos);

	const bodyStart = keep.length ? keep[0] : infos.length;
	const firstProse = keep.find((i) => isProse(infos[i])) ?? bodyStart;
	// The headline may have been swallowed by the region: look into it too, up to the lead.
	const lead = findLead(infos, keep);
	// The headline and byline searches read furniture flags above the lead; those lines get the full tests.
	deepenRange(infos, lead - TITLE_WINDOW - 1, lead + 3);
	const moved = lead !== firstProse;
	const titleIndex = findTitle(infos, lead - 1, json.title, publisher, TITLE_WINDOW);
	const header = infos.slice(Math.max(0, titleIndex), lead);

	// Headline, byline, date and dek are metadata, not body. Short lines between headline and prose are
	// captions, kickers and share rows; a short full sentence just before the prose is the lead. When a
	// byline or date sat inside the region, everything above it was header.
	const leadSentence = (i: number) => infos[i].words >= 6 && endsSentence(infos[i].line.text) && i === lead - 1;
	const inHeader = (i: number) => i <= titleIndex || (i < lead && (moved || isMetaInfo(infos[i]) || (infos[i].words < 15 && !leadSentence(i))));
	const headerKept = new Set(keep.filter(inHeader));
	keep = keep.filter((i) => !headerKept.has(i) && !isBylineOrStamp(infos[i]));

	let subtitle: string | undefined;
	if (titleIndex >= 0) {
		const dek = header.slice(1, 5).find((h, k) => {
			const i = titleIndex + 1 + k;
			return !h.junk && !isMetaInfo(h) && h.words >= 6 && h.words <= 70 && h.line.bullet === undefined && (headerKept.has(i) || !keep.includes(i));
		});
		subtitle = dek?.line.text;
	}
	// A standfirst crediting its writer ("…, Jane Roe writes.") opens the page but is not body.
	const first = keep[0];
	const credit = first !== undefined && first <= titleIndex + 3 && infos[first].words <= 60 ? parseWritesCredit(infos[first].line.text) : undefined;
	if (credit && keep.length > 1) {
		subtitle ??= infos[first].line.text;
		keep = keep.slice(1);
	}
	subtitle ??= json.description;

	const head = titleIndex >= 0 ? titleIndex : lead;
	const inBody = new Set(keep);
	let authors = json.authors.length ? json.authors : findAuthors(infos, head, lead, inBody);
	if (authors.length === 0 && credit) authors = [credit];
	const published = (json.published && parseDate(json.published)) || findDate(infos, head, lead, inBody);

	const blocks = toBlocks(infos, keep);
	let title: string;
	let titleDerived = false;
	// A page without article text has no headline either: whatever title-shaped line its footer has is furniture.
	if (titleIndex >= 0 && blocks.length > 0) title = infos[titleIndex].line.text;
	else if (json.title) title = json.title;
	else {
		const para = blocks.find((b) => b.kind === 'paragraph');
		title = para && para.kind === 'paragraph' ? deriveTitle(para.text) : '';
		titleDerived = true;
	}

	const filed = findFiled(infos);
	const tags = json.tags.length ? json.tags.slice() : filed.tags;
	const topics = json.topics.length ? json.topics : filed.topics;
	if (!titleDerived) {
		const split = splitKicker(title);
		title = split.title;
		if (split.kicker && !tags.includes(split.kicker)) tags.push(split.kicker);
	}
	const originalPublisher = findOriginal(infos) ?? firstOf(header.map((h) => parseSourceLine(h.line.text)));
	// Metadata outlives the text (reports, notes to link): none of it may be a slice holding the text alive.
	const article: Article = { title: detached(title), titleDerived, authors: authors.map(detached), topics: topics.map(detached), regions: json.regions.map(detached), tags: tags.map(detached), blocks };
	if (subtitle) article.subtitle = detached(subtitle);
	if (published) article.published = detached(published);
	if (publisher) article.publisher = detached(publisher);
	if (originalPublisher) article.originalPublisher = detached(originalPublisher);
	return article;
}
