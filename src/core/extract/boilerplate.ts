// Which logical lines are the article body. Pages are a dense run of prose framed by short,
// link-like furniture (menus, share rows, bios, related lists, footers). We weight each line by
// its length, penalise furniture shapes, take the best-scoring contiguous run (as BTE does)
// and then drop the furniture that sits inside it.

import type { Line } from './blocks';
import { endsSentence, normaliseLine, wordCount } from './text';

export interface LineInfo {
	line: Line;
	words: number;
	/** Strong evidence of page furniture, independent of position. */
	junk: boolean;
	/** Looks like an in-article subheading: short, no sentence end, not junk. */
	headingLike: boolean;
	/** Stands alone between blank lines, as paragraphs and subheadings do; menu entries come in runs. */
	isolated: boolean;
	/** A long line that recurs in the same file: footers and teasers shown twice. */
	repeated: boolean;
	/** Opens a comment thread: what follows is readers' text, not the article. */
	commentStart: boolean;
}

/** Comment threads: "12 responses to …", "Leave a Reply", "name says:", bare comment timestamps. */
const COMMENT_START = /^(?:\d+\s+)?(?:comments?|responses?|replies|thoughts?|reactions?)(?:\s*\(\d+\))?(?:\s+(?:on|to)\b.*)?$|^(?:leave|post|add|write) a (?:reply|comment)|^(?:show|view|load|read) (?:all )?(?:\d+ )?comments|^join the (?:discussion|conversation)/iu;
const COMMENT_SHAPE = /^(?:\d+\.\s+)?\S+(?:\s\S+){0,3}\s+(?:says|said|wrote|replied):?$|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4},? at \d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?$|^(?:reply|report|flag|like|quote)(?:\s+(?:reply|report|flag|like|quote))*$/iu;

/** Known boilerplate phrasings: a last resort after shape and repetition. */
const JUNK_PHRASES = new RegExp(
	[
		'^(?:©|\\(c\\)|copyright\\b)',
		'all rights reserved',
		'^comments? (?:are|is) closed',
		'^\\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to)\\b',
		'^leave a (?:reply|comment)',
		'^(?:add|post) (?:a |new )?comment',
		'commenting (?:rules|policy|guidelines)',
		'^link copied',
		'^(?:share|tweet|email|print|save)(?: this(?: article| story)?)?(?: on \\w+)?$',
		'^(?:subscribe|sign up|sign in|log in|register)\\b.{0,60}$',
		'newsletter',
		'^(?:related|recent|more|popular|trending|latest)(?: \\w+){0,3}$',
		'^(?:read|see) (?:more|also)\\b',
		'^advertisement$',
		'^(?:photo|image|source|credit|photograph)s?(?: credit)?: .{0,60}$',
		'^(?:support|donate to) .{0,40}(?:ad-free|donate|today)',
		'^about the authors?$',
		'^(?:follow|like) us\\b',
		'cookies?\\b.*\\b(?:consent|accept|policy|use)',
		'^(?:click|tap) here',
		'by subscribing',
		'\\[(?:ins::ins|image|img)[^\\]]*\\]$',
		'^\\[[^\\]]*\\]$',
		'^the views (?:represented|expressed) ',
		'^this (?:article|story|piece) (?:originally|first) (?:appeared|was published)',
		'^(?:originally|first) published',
	].join('|'),
	'iu',
);

const MENU_SEPARATORS = /\s[|·•/]\s.*\s[|·•/]\s/u;

export function describeLines(lines: readonly Line[], shared: ReadonlySet<string> | undefined): LineInfo[] {
	const keys = lines.map((l) => normaliseLine(l.text));
	const counts = new Map<string, number>();
	for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
	return lines.map((line, i) => {
		const words = wordCount(line.text);
		const next = lines[i + 1];
		const isolated = line.blankBefore && (next === undefined || next.blankBefore);
		const repeated = words >= 15 && (counts.get(keys[i]) ?? 0) > 1;
		const commentStart = words <= 20 && COMMENT_START.test(line.text);
		const junk =
			commentStart ||
			COMMENT_SHAPE.test(line.text) ||
			(shared !== undefined && shared.has(keys[i])) ||
			JUNK_PHRASES.test(line.text) ||
			(words < 25 && MENU_SEPARATORS.test(line.text)) ||
			(line.bullet !== undefined && words < 10 && !endsSentence(line.text));
		const headingLike = !junk && words >= 1 && words <= 16 && !endsSentence(line.text) && line.bullet === undefined && /\p{L}/u.test(line.text);
		return { line, words, junk, headingLike, isolated, repeated, commentStart };
	});
}

/** Per-line weight for the region search: long prose is positive, furniture strongly negative. */
function weight(info: LineInfo, inComments: boolean): number {
	if (info.junk) return -25;
	if (info.repeated) return -10;
	const w = info.words;
	let score = Math.min(w, 80) - 10;
	// Short standalone lines are subheadings or short paragraphs; short lines in runs are menus.
	if (score < 0 && info.isolated && info.line.bullet === undefined) score *= 0.35;
	if (info.line.bullet !== undefined) score -= 6;
	if (w >= 10 && endsSentence(info.line.text)) score += 4;
	return inComments && score > 0 ? score * 0.25 : score;
}

/** Maximum-sum contiguous run of lines (Kadane), as [first, last] inclusive; null when nothing is positive. */
export function bestRegion(infos: readonly LineInfo[]): [number, number] | null {
	let best = 0;
	let bestRange: [number, number] | null = null;
	let sum = 0;
	let from = 0;
	let inComments = false;
	for (let i = 0; i < infos.length; i++) {
		if (sum <= 0) {
			sum = 0;
			from = i;
		}
		inComments ||= infos[i].commentStart;
		sum += weight(infos[i], inComments);
		if (sum > best) {
			best = sum;
			bestRange = [from, i];
		}
	}
	return bestRange;
}

/** Indices of body lines: the best region minus the furniture inside it. */
export function selectBody(infos: readonly LineInfo[]): number[] {
	const region = bestRegion(infos);
	if (!region) return [];
	const keep: number[] = [];
	for (let i = region[0]; i <= region[1]; i++) {
		const info = infos[i];
		if (info.junk) continue;
		keep.push(i);
	}
	return keep;
}
