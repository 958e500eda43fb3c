// Which logical lines are the article body. Pages are a dense run of prose framed by short,
// link-like furniture (menus, share rows, bios, related lists, footers). We weight each line by
// its length, penalise furniture shapes, take the best-scoring contiguous run (as BTE does)
// and then drop the furniture that sits inside it.

import type { Line } from './blocks';
import { findDateIn, mayBeByline, parseByline, type DateMatch } from './metadata';
import { LONG_LINE, SCAN_WORD, SCAN_AT, SCAN_DASH, SCAN_DIGIT, SCAN_FLAGS, SCAN_ODD_SPACE, SCAN_SEPARATOR, endsSentence, lineKey, scanLine, scannedWords } from './text';

export interface LineInfo {
	line: Line;
	/** `normaliseLine` of the text: the key for repetition within and across files. */
	key: string;
	/** SCAN_* cues of the text. */
	flags: number;
	/** Lines of the page with the same key, this one included. */
	copies: number;
	words: number;
	/** Page furniture: never part of the body. */
	junk: boolean;
	/** Furniture by its own shape or phrasing, repetition across files aside. */
	ownJunk: boolean;
	/** Recurs in other files of the batch: furniture, or a headline that other pages list as a teaser. */
	shared: boolean;
	/** Furniture that also breaks a prose run (phrases, repetition across files, comment threads); weak junk like image placeholders does not. */
	strongJunk: boolean;
	/** Opens the article: a byline or date line just above the prose. */
	headerCue: boolean;
	/** Looks like an in-article subheading: short, no sentence end, not junk. */
	headingLike: boolean;
	/** Cells of a table row laid out by the text browser: two or more gaps of several spaces. */
	tableRow: boolean;
	/** The text lower-cased (kept as is past LONG_LINE words), for the phrase tests. */
	lower: string;
	/** The whole-line furniture tests have run (see `deepen`). */
	deep: boolean;
	/** Memo of `bylineOf`. */
	byline?: string[] | null;
	/** Memo of `dateOf`. */
	date?: DateMatch | null;
	/** Stands alone between blank lines, as paragraphs and subheadings do; menu entries come in runs. */
	isolated: boolean;
	/** A long line that recurs in the same file: footers and teasers shown twice. */
	repeated: boolean;
	/** Opens a comment thread: what follows is readers' text, not the article. */
	commentStart: boolean;
}

/** Comment threads: "12 responses to …", "Leave a Reply", "name says:", bare comment timestamps. */
// The phrase patterns below are lower-case and run on the lower-cased line: case-insensitive Unicode
// matching is slow, and these run on nearly every line of every page.
const COMMENT_START = /^(?:\d+\s+)?(?:comments?|responses?|replies|thoughts?|reactions?)(?:\s*\(\d+\))?(?:\s+(?:on|to)\b.*)?$|^(?:leave|post|add|write) a (?:reply|comment)|^(?:show|view|load|read) (?:all )?(?:\d+ )?comments|^join the (?:discussion|conversation)/u;
const COMMENT_SAYS = /^(?:\d+\.\s+)?\S+(?:\s\S+){0,3}\s+(?:says|said|wrote|replied):?$/u;
const COMMENT_ROW = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4},? at \d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?$|^(?:reply|report|flag|like|quote)(?:\s+(?:reply|report|flag|like|quote))*$/u;

function isCommentShape(lower: string): boolean {
	const bare = lower.endsWith(':') ? lower.slice(0, -1) : lower;
	const says = bare.endsWith('says') || bare.endsWith('said') || bare.endsWith('wrote') || bare.endsWith('replied');
	return (says && COMMENT_SAYS.test(lower)) || COMMENT_ROW.test(lower);
}

/**
 * Known boilerplate phrasings: a last resort after shape and repetition. Split in two because they
 * run on every line: the anchored ones fail at the first character, the floating ones only run on
 * lines holding one of their literal cues.
 */
const JUNK_ANCHORED = new RegExp(
	[
		'^(?:©|\\(c\\)|copyright\\b)',
		'^comments? (?:are|is) closed',
		'^\\d+ (?:thoughts?|comments?|responses?|replies) (?:on|to)\\b',
		'^leave a (?:reply|comment)',
		'^(?:add|post) (?:a |new )?comment',
		'^link copied',
		'^(?:share|tweet|email|print|save)(?: this(?: article| story)?)?(?: on \\w+)?$',
		'^(?:subscribe|sign up|sign in|log in|register)\\b.{0,140}$',
		'^have a (?:news )?tip\\b',
		'^(?:related|recent|more|popular|trending|latest|top|editor\'?s\'?)(?: \\w+){0,3}$',
		// A teaser link with its label: "Related: …", "Read more: …", "See also: …".
		'^(?:related(?: \\w+)?|read (?:more|also|next)|see also|also read|more|watch|listen|recommended)\\s?:\\s',
		'^most (?:read|popular|viewed|shared|commented|recent)\\b',
		'^(?:don\'t miss|see more|you (?:may|might) (?:also )?like|recommended|also read|also on)\\b',
		'^(?:read|see) (?:more|also)\\b',
		'^advertisement$',
		'^(?:photo|image|source|credit|photograph)s?(?: credit)?: .{0,60}$',
		'^(?:support|donate to) .{0,40}(?:ad-free|donate|today)',
		'^about the authors?$',
		'^(?:follow|like) (?:us|\\S+ on (?:twitter|facebook|instagram))\\b',
		'^(?:click|tap) here',
		'^(?:view|see|show) all\\b.{0,20}$',
		'^[\\s━─═_*=~#-]{3,}$',
		'^the views (?:represented|expressed) ',
		'^this (?:article|story|piece) (?:originally|first) (?:appeared|was published)',
		'^(?:originally|first) published',
		'^(?:tags|tagged(?: with)?|keywords|topics|categories|filed under)\\s*:',
		// Consent and sign-up forms, error pages.
		'^(?:accept|reject) all\\b',
		'^by (?:signing up|clicking|registering|continuing)\\b',
		'^the page you (?:requested|are looking for)\\b',
	].join('|'),
	'u',
);
const JUNK_FLOATING = /all rights reserved|commenting (?:rules|policy|guidelines)|enable javascript|javascript (?:is )?(?:disabled|required)|\b(?:may|can) be reached at\b|newsletter|cookies?\b.*\b(?:consent|accept|policy|use|preferences|partners|active|off|on)\b|by subscribing|\bin your inbox\b|protected by recaptcha|\bregistered office\b|\bpage not (?:found|available)\b|\b(?:unlimited|full|digital|premium) access\b.{0,80}\b(?:subscri|a week|a month|a year|trial)|\bfor (?:as little as|just|only) (?:[$€£₹]|rs\.? ?)\s?\d/u;
/** Legal small print at the foot of a page: disclaimers, trademark notices. */
const DISCLAIMER = /for (?:general )?information(?:al)? purposes only|(?:is|are) not (?:intended|meant) (?:to|as) (?:diagnose|replace|a substitute)|not a substitute for (?:professional )?(?:medical|legal|financial) advice|have not been evaluated by the food and drug administration|(?:does|do|shall) not constitute (?:legal|financial|medical|investment|professional) advice|(?:are|is a) (?:registered )?trademarks? of\b|^\W?results (?:may )?vary\b/u;

/** "… independent journalism …" pleas, as long as the line is no longer than a plea. */
const JOURNALISM = /\b(?:quality|independent|our) journalism\b/u;

/** The phrases of JUNK_FLOATING and the "journalism" pleas (the anchored ones are tested up front). */
function junkPhrase(lower: string, floating: boolean): boolean {
	if (floating && JUNK_FLOATING.test(lower)) return true;
	if (!lower.includes('journalism')) return false;
	const m = JOURNALISM.exec(lower);
	return m !== null && m.index <= 120 && lower.length - m.index - m[0].length <= 80;
}

/** Image, form and ad placeholders as text browsers print them: `[logo]`, `[    ]`, `[INS::INS]`. */
const PLACEHOLDER = /^(?:\[[^\]]{0,80}\]\s*)+$|^[\s\u200b]*$/u;
/** Interface strings that sit inside articles: gallery counters, "Story continues below", a bare count. */
const INLINE_UI = /^(?:(?:story|article) continues (?:below|after)\b.{0,30}|continue reading(?: below| the main story)?|\d{1,3} ?(?:of|\/) ?\d{1,3}|[\d.,:]{1,12})$/u;
const LOWER_LETTER = /[\p{Ll}\p{Lo}]/u;
const UPPER_LETTER = /\p{Lu}/u;

/** A line in capitals, no digits: inline promotions ("GET THE APP BY CLICKING HERE", teaser headlines). */
function isCapsPromo(text: string, words: number, flags: number): boolean {
	// Scripts without case (CJK, Arabic) have no lower-case letters either.
	if (words < 6 || (flags & SCAN_DIGIT) !== 0 || LOWER_LETTER.test(text) || !UPPER_LETTER.test(text)) return false;
	// Subheadings in capitals are usually questions ("WHO IS THE FRONT-RUNNER?").
	return !endsSentence(text);
}

/**
 * A picture's alt text and title printed back to back: "Harbour at dawnHarbour at dawn",
 * "Harbour at dawn© Harbour at dawn". The line is its first half said twice.
 */
function isDoubled(text: string): boolean {
	const n = text.length;
	if (n < 12) return false;
	// Up to two separator characters between the copies ("© ", " ").
	for (let gap = 0; gap <= 2; gap++) {
		if ((n - gap) % 2 !== 0) continue;
		const half = (n - gap) / 2;
		let i = 0;
		while (i < half && text.charCodeAt(i) === text.charCodeAt(half + gap + i)) i++;
		if (i === half) return true;
	}
	return false;
}

/** A cookie-consent notice, however long: cookies and what the page does with them. */
const COOKIE_NOTICE = /\bcookies\b.{0,300}\b(?:partners|consent|preferences|personali[sz]e|advertising)\b/iu;

/** The alt text of an embedded post ("Twitter post by @jroe: …"), printed instead of the post. */
const EMBED_ALT = /^(?:twitter|instagram|facebook|youtube|tiktok|linkedin) post by\b/iu;

/** First letters of the networks EMBED_ALT names. */
const EMBED_INITIALS = 'TtIiFfYyLl';

/** Image file names printed for pictures ("harbour-1.jpgharbour-1.jpg"). */
const FILE_NAME = /^\S*\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)\S*$/u;
/** Picture credits of the form "Jane Roe/Agency", "AP Photo/Jane Roe". */
const SLASH_CREDIT = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} ?\/ ?\p{Lu}[\p{L}.&'’ -]{1,30}$/u;
/** Headings of teaser lists inside or after the article: what follows them is links, not text. */
const TEASER_HEADING = /^(?:related|recent|more|popular|trending|latest|top|also|recommended|most (?:read|popular|viewed|shared))\b.{0,40}$|^(?:read|see) (?:more|also)\b|^(?:don't miss|you (?:may|might) (?:also )?like)\b/iu;

/** Author bios: "Jane Roe is a senior fellow at …". */
const BIO = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+(?:is|was|has been)\s+(?:a|an|the)\s.{0,120}\b(?:journalist|columnist|writer|editor|correspondent|reporter|professor|fellow|director|author|contributor|analyst|researcher)\b/u;
/** Photo captions and credits; the floating half only runs on lines with one of its cues. */
const CAPTION_ANCHORED = /^(?:image|photo|picture|credit|pic)s?:|^file photo\b|^image caption\b|^image copyright\b/u;
/**
 * Agency captions run long ("In this Dec. 12, 2006, file photo, made available by NASA, …
 * (AP Photo/…)"): known by their opening or their closing credit rather than their length.
 */
const CAPTION_OPENING = /^in (?:this|an?) (?:[\w.,'’-]+ ){0,5}(?:photo(?:graph)?|image|picture|screenshot|screen grab|video grab)s?(?:,| (?:taken|provided|released|issued|made|obtained|shot|posted|shared|distributed|supplied|courtesy|from|by|of)\b)|^file photo:/iu;
const AGENCY_PHOTO = /\((?:AP|AFP|EPA|Reuters) Photo\//iu;
/** Closing credits, tested on the line's tail only. */
const CAPTION_TAIL = /\((?:[^()]*\b(?:AP|AFP|EPA|Reuters) Photo\b[^()]*|[^()]{1,60}\bvia (?:AP|Getty Images|Reuters|AFP)|(?:photo|image|credit|picture)s?:[^()]*)\)\s*$|\b(?:REUTERS|AFP|EPA)\/\p{Lu}[\p{L}.' -]{2,40}$|\bcredit:\s*\p{L}[\p{L} .&/-]{0,50}$/iu;
/** How much of a line's end can hold its credit. */
const TAIL = 160;

/**
 * Agency captions run long ("In this Dec. 12, 2006, file photo, made available by NASA, …
 * (AP Photo/…)"): known by their opening or their closing credit rather than their length.
 */
function isLongCaption(text: string, flags: number, mayCredit: boolean): boolean {
	const c = text.charCodeAt(0);
	// I, i, F, f: the openings above.
	if ((c === 73 || c === 105 || c === 70 || c === 102) && CAPTION_OPENING.test(text)) return true;
	if ((flags & SCAN_SEPARATOR) !== 0 && text.includes('hoto/') && AGENCY_PHOTO.test(text)) return true;
	// A closing "Credit: …" also matches FLOATING_ANY on short lines (`mayCredit` false: it did not).
	const closes = text.endsWith(')') || (flags & SCAN_SEPARATOR) !== 0 || (mayCredit && text.includes('redit:'));
	return closes && CAPTION_TAIL.test(text.length > TAIL ? text.slice(-TAIL) : text);
}
const CAPTION_FLOATING = /\((?:image|photo|picture|credit|pic)s?(?: credit)?:[^)]*\)\s*$|\bcredit:\s*[\p{L}][\p{L} .&/-]{0,50}$|\b(?:getty images|shutterstock|afp via getty|ap photo|file photo|photo by|submitted photo|staff photo|photo courtesy|courtesy of)\b|\((?:left|right|centre|center|pictured|top|bottom|above|below)\)/u;

function isCaption(lower: string, floating: boolean): boolean {
	return CAPTION_ANCHORED.test(lower) || (floating && CAPTION_FLOATING.test(lower));
}

/**
 * The floating phrase patterns (junk, small print, captions) in one scan: most lines match none
 * of them, and then one pass says so. A line that matches something is tested pattern by pattern.
 */
const FLOATING_ANY = new RegExp([JUNK_FLOATING.source, DISCLAIMER.source, CAPTION_FLOATING.source].join('|'), 'u');
/** Upper-case credit lines: "JANE ROE, ASSOCIATED PRESS", "REUTERS/JOHN DOE". */
const CREDIT_SHAPE = /^[\p{Lu}\s,/&.'’-]+$/u;
const CREDIT_WORD = /\b(?:PRESS|IMAGES?|PHOTOS?|REUTERS|AFP|AP|EPA|GETTY|POOL)\b/u;
/** Contact blocks and raw links read long but are not prose: e-mail addresses, URLs, phone numbers. */
const EMAIL = /@[\w-]+\.\w/u;
const URL_SCHEME = /https?:\/\//u;
const WWW = /www\.\w/u;
const PHONE = /\d[\d -]{6,}\d/u;

function hasContact(text: string, flags: number): boolean {
	return ((flags & SCAN_AT) !== 0 && EMAIL.test(text)) || ((flags & SCAN_SEPARATOR) !== 0 && URL_SCHEME.test(text)) || (text.includes('www.') && WWW.test(text)) || ((flags & SCAN_DIGIT) !== 0 && PHONE.test(text));
}

const COPYRIGHT = /(?:©|\bcopyright\b)\s*(?:©\s*)?(?:19|20)\d\d|all rights reserved/iu;

const MENU_SEPARATORS = /\s[|·•/]\s.*\s[|·•/]\s/u;


const LETTER = /\p{L}/u;
const TABLE_ROW = /^[^[\]]*?\S {2,}\S[^[\]]*?\S {2,}\S[^[\]]*$/u;


export function describeLines(lines: readonly Line[], shared: ReadonlySet<string> | undefined): LineInfo[] {
	const n = lines.length;
	const lowers: string[] = new Array<string>(n);
	const keys: string[] = new Array<string>(n);
	const scans: number[] = new Array<number>(n);
	const counts = new Map<string, number>();
	for (let i = 0; i < n; i++) {
		const text = lines[i].text;
		const scan = scanLine(text);
		const { key, lower } = lineKey(text, scan);
		scans[i] = scan;
		lowers[i] = lower;
		keys[i] = key;
		// Copies only matter for lines of two words or more (headline echoes, repeated prose).
		if (scan >= 2 * SCAN_WORD) counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	// A caption printed twice, bare and then with its credit appended: both copies are captions.
	const captionCopy = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const text = lines[i].text;
		if (scannedWords(scans[i]) < 5) continue;
		for (let j = i + 1; j <= i + 3 && j < n; j++) {
			const next = lines[j].text;
			// Or twice the same, as alt text and caption; a headline shown twice rarely ends like a sentence.
			const twice = next === text && j <= i + 2 && (endsSentence(text) || text.endsWith(')'));
			const longer = next.length > text.length ? next : text;
			const shorter = longer === next ? text : next;
			if (twice || (longer.length > shorter.length && longer.length - shorter.length <= 80 && scannedWords(scans[j]) >= 5 && longer.startsWith(shorter))) {
				captionCopy[i] = 1;
				captionCopy[j] = 1;
				break;
			}
		}
	}
	return lines.map((line, i) => {
		const scan = scans[i];
		const words = scannedWords(scan);
		const flags = scan & SCAN_FLAGS;
		const next = lines[i + 1];
		const key = keys[i];
		const lower = lowers[i];
		const isolated = line.blankBefore && (next === undefined || next.blankBefore);
		const copies = counts.get(key) ?? 1;
		const repeated = words >= 15 && copies > 1;
		const commentStart = words <= 20 && COMMENT_START.test(lower);
		const isShared = shared !== undefined && shared.has(key);
		// Most lines of a page are short menu bullets: furniture whatever else they say. Whether they are
		// also phrase furniture (strong) only matters near the article, where `deepen` looks again.
		const menuItem = line.bullet !== undefined && words < 10 && !endsSentence(line.text);
		const ownStrong = commentStart || (!menuItem && anchoredJunk(line.text, lower, words, flags));
		const c0 = line.text.charCodeAt(0);
		// PLACEHOLDER opens with a bracket, or has no word at all (zero-width spaces).
		const ownJunk = ownStrong || menuItem || captionCopy[i] === 1 || ((c0 === 91 || words === 0) && PLACEHOLDER.test(line.text));
		const info: LineInfo = { line, key, lower, flags, copies, words, junk: false, ownJunk, shared: isShared, strongJunk: ownStrong, headerCue: false, headingLike: false, tableRow: false, isolated, repeated, commentStart, deep: false };
		info.headerCue = words <= 20 && (bylineOf(info) !== null || (words <= 12 && dateOf(info) !== null));
		settle(info);
		return info;
	});
}

/** The byline names a line holds (see `parseByline`), parsed once per line. */
export function bylineOf(info: LineInfo): string[] | null {
	if (info.byline === undefined) info.byline = info.words <= LONG_LINE && mayBeByline(info.lower, (info.flags & SCAN_AT) !== 0, (info.flags & (SCAN_DIGIT | SCAN_SEPARATOR | SCAN_DASH)) !== 0) ? parseByline(info.line.text) : null;
	return info.byline;
}

/** The first date a line holds (see `findDateIn`), found once per line; every date form has digits. */
export function dateOf(info: LineInfo): DateMatch | null {
	if (info.date === undefined) info.date = (info.flags & SCAN_DIGIT) !== 0 ? (findDateIn(info.line.text) ?? null) : null;
	return info.date;
}

/** Junk phrases anchored at the line's start, and menu rows ("Home | World | Asia"). */
function anchoredJunk(text: string, lower: string, words: number, flags: number): boolean {
	if (words <= 40 && JUNK_ANCHORED.test(lower)) return true;
	if ((flags & SCAN_SEPARATOR) === 0) return false;
	return words < 25 ? MENU_SEPARATORS.test(text) : isLongMenu(text, words);
}

/** A long row of short entries between separators ("Arms control · ASEAN · Belt and Road · …"). */
function isLongMenu(text: string, words: number): boolean {
	let separators = 0;
	for (let i = 1; i + 1 < text.length; i++) {
		const c = text.charCodeAt(i);
		// | · • / with a space on each side.
		if ((c === 124 || c === 0xb7 || c === 0x2022 || c === 47) && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) separators++;
	}
	return separators >= 5 && words <= 4 * (separators + 1);
}

/** The flags that follow from the furniture tests: junk overall, and the shapes that need a clean line. */
function settle(info: LineInfo): void {
	const { line, words, flags } = info;
	// A recurring bare word or number ("6", "Warning") is furniture but does not cut the text.
	info.strongJunk ||= info.shared && words >= 4;
	info.junk = info.ownJunk || info.shared;
	// A word opens with a letter or digit: without digits, any word means a letter.
	info.headingLike = !info.junk && words >= 1 && words <= 16 && !endsSentence(line.text) && line.bullet === undefined && ((flags & SCAN_DIGIT) === 0 || LETTER.test(line.text));
	info.tableRow = (flags & SCAN_ODD_SPACE) !== 0 && !info.ownJunk && TABLE_ROW.test(line.text);
}

/**
 * The furniture tests that read the whole line (phrases anywhere in it, captions, credits, bios,
 * small print). They only matter near the article, so `selectBody` runs them on the lines around
 * its candidate regions rather than on every menu entry of the page.
 */
export function deepen(info: LineInfo): void {
	if (info.deep) return;
	info.deep = true;
	if (info.ownJunk && info.strongJunk) return;
	const { line, words, flags, lower } = info;
	const text = line.text;
	// Furniture already (a menu entry, a placeholder): only whether it is also phrase furniture is open.
	const known = info.ownJunk;
	const floating = (known ? words <= 40 : words <= LONG_LINE) && FLOATING_ANY.test(lower);
	const phrase = (line.bullet !== undefined && anchoredJunk(text, lower, words, flags)) || (words <= 40 && junkPhrase(lower, floating));
	if (phrase) info.strongJunk = true;
	if (known) {
		settle(info);
		return;
	}
	info.ownJunk ||=
		phrase ||
		(words >= 2 && words <= 60 && isDoubled(text)) ||
		(words <= 100 && EMBED_INITIALS.includes(text[0]) && EMBED_ALT.test(text)) ||
		(words > 40 && words <= 100 && lower.includes('cookies') && COOKIE_NOTICE.test(text)) ||
		(words <= 6 && INLINE_UI.test(lower)) ||
		(words <= 3 && lower.includes('.') && FILE_NAME.test(lower)) ||
		(words <= 8 && (flags & SCAN_SEPARATOR) !== 0 && SLASH_CREDIT.test(text)) ||
		(words <= 8 && CREDIT_SHAPE.test(text) && CREDIT_WORD.test(text)) ||
		(words <= 20 && isCapsPromo(text, words, flags)) ||
		(words <= 12 && isCommentShape(lower)) ||
		(words < 30 && isCaption(lower, floating)) ||
		(words <= 100 && isLongCaption(text, flags, floating || words > LONG_LINE)) ||
		(words <= LONG_LINE && BIO.test(text)) ||
		(floating && DISCLAIMER.test(lower));
	settle(info);
}

/** Runs the whole-line tests on lines `from`..`to` (clamped). */
export function deepenRange(infos: readonly LineInfo[], from: number, to: number): void {
	for (let i = Math.max(0, from); i <= Math.min(infos.length - 1, to); i++) deepen(infos[i]);
}

const DEEP_INDENT = 5;
const DEEP_INDENT_SHARE = 0.3;
const INDENT_SHARE = 0.7;

/** Per-line weight for the region search: long prose is positive, furniture strongly negative. */
export function weight(info: LineInfo, inComments: boolean, afterCue: boolean, margin = 0): number {
	if (info.strongJunk) return -25;
	if (info.junk && info.line.bullet === undefined) return -2;
	if (info.repeated) return -10;
	const w = info.words;
	let score = Math.min(w, 80) - 10;
	if (score > 0 && hasContact(info.line.text, info.flags)) score *= 0.35;
	// The first prose under a byline or date is where articles start.
	if (afterCue && w >= 12) score += 20;
	// Short standalone lines are subheadings or short paragraphs; short lines in runs are menus.
	if (score < 0 && info.isolated && info.line.bullet === undefined) score *= 0.35;
	if (info.line.bullet !== undefined) score -= 6;
	if (w >= 10) score += endsSentence(info.line.text) ? 4 : -6;
	// Text browsers indent side columns and nested blocks; the article's paragraphs start at the margin.
	const indent = info.line.indent - margin;
	if (score > 0 && indent > 0) score *= indent >= DEEP_INDENT ? DEEP_INDENT_SHARE : INDENT_SHARE;
	return inComments && score > 0 ? score * 0.25 : score;
}

const TABLE_ROW_WEIGHT = 2;

function marginIndent(infos: readonly LineInfo[]): number {
	// Indents are small: a count per indent up to 64 (deeper counts as 64) finds the median without sorting.
	const histogram = new Uint32Array(65);
	let total = 0;
	for (const x of infos) {
		if (x.words < 20) continue;
		histogram[Math.min(64, x.line.indent)]++;
		total++;
	}
	if (total === 0) return 0;
	// A low quantile rather than the median: a side column can hold as many long lines as the article.
	for (let indent = 0, seen = 0; indent <= 64; indent++) {
		seen += histogram[indent];
		if (seen > total >> 2) return indent;
	}
	return 64;
}

/** The line after `i` (past furniture) is prose too. */
function proseRunsOn(infos: readonly LineInfo[], i: number): boolean {
	for (let j = i + 1; j < infos.length && j <= i + 3; j++) {
		if (infos[j].junk) continue;
		return infos[j].words >= 12;
	}
	return false;
}

function figures(info: LineInfo | undefined): boolean {
	return info !== undefined && info.tableRow && (info.flags & SCAN_DIGIT) !== 0;
}

/** Words of prose that must precede a comment-thread cue for it to count as one. */
const COMMENTS_AFTER = 40;

/** What the line weights depend on beyond each line itself, computed once per page. */
interface PageContext {
	/** Where the comment thread or the footer begins. */
	tail: number;
	margin: number;
	/** Few header cues: every one marks the article. */
	fewCues: boolean;
	/** Within a few lines under a header cue. */
	afterCue: Uint8Array;
}

function pageContext(infos: readonly LineInfo[]): PageContext {
	// Teaser lists repeat name/date lines; a cue marks the article when there are few, or when the prose
	// under it runs on (a teaser has one summary line, then the next teaser's title).
	let cueCount = 0;
	for (const x of infos) if (x.headerCue) cueCount++;
	// Past the copyright line in the page's second half is the footer: legal text, contact blocks.
	let footer = infos.length;
	for (let i = infos.length - 1; i >= infos.length / 2; i--) {
		const key = infos[i].key;
		if (infos[i].words <= 40 && (key.includes('©') || key.includes('opyright') || key.includes('rights reserved')) && COPYRIGHT.test(infos[i].line.text)) {
			footer = i;
			break;
		}
	}
	// A "Comments" link in the page header is no thread: only one after some prose opens one.
	let tail = infos.length;
	let prose = 0;
	let sinceCue = Infinity;
	const afterCue = new Uint8Array(infos.length);
	for (let i = 0; i < infos.length; i++) {
		if (infos[i].words >= 15) prose += infos[i].words;
		if (tail === infos.length && ((infos[i].commentStart && prose >= COMMENTS_AFTER) || i >= footer)) tail = i;
		afterCue[i] = sinceCue <= 4 ? 1 : 0;
		sinceCue = infos[i].headerCue ? 1 : infos[i].words >= 12 ? Infinity : sinceCue + 1;
	}
	// The page's margin: where its long lines usually start (a layout table can indent the whole text).
	return { tail, margin: marginIndent(infos), fewCues: cueCount <= 3, afterCue };
}

function weighLine(infos: readonly LineInfo[], ctx: PageContext, i: number): number {
	const { tail } = ctx;
	let w = weight(infos[i], i >= tail, ctx.afterCue[i] === 1 && (ctx.fewCues || proseRunsOn(infos, i)), ctx.margin);
	// A table of figures is content (results, prices, schedules), however short its rows; a grid of
	// footer links is not, and has no figures. A header row counts with the figures under it.
	if (infos[i].tableRow && i < tail && (figures(infos[i - 1]) || figures(infos[i + 1])) && (figures(infos[i]) || infos[i + 1]?.tableRow)) w = Math.max(w, TABLE_ROW_WEIGHT);
	return w;
}

/** Line weights for the region search, and where the comment thread or footer begins. */
export function lineWeights(infos: readonly LineInfo[], ctx = pageContext(infos)): { weights: Float64Array; tail: number } {
	const weights = new Float64Array(infos.length);
	for (let i = 0; i < infos.length; i++) weights[i] = weighLine(infos, ctx, i);
	return { weights, tail: ctx.tail };
}

/** Maximum-sum contiguous run of weights (Kadane), as [first, last] inclusive; null when nothing is positive. */
export function bestRun(weights: Float64Array): [number, number] | null {
	let best = 0;
	let bestRange: [number, number] | null = null;
	let sum = 0;
	let from = 0;
	for (let i = 0; i < weights.length; i++) {
		if (sum <= 0) {
			sum = 0;
			from = i;
		}
		sum += weights[i];
		if (sum > best) {
			best = sum;
			bestRange = [from, i];
		}
	}
	return bestRange;
}

/** Maximum-sum contiguous run of lines, as [first, last] inclusive; null when nothing is positive. */
export function bestRegion(infos: readonly LineInfo[]): [number, number] | null {
	return bestRun(lineWeights(infos).weights);
}

/** Short lines an article may be cut by (a related-links box, a share row) and still go on after. */
const BRIDGE_GAP = 3;
/** What the text past such a cut must weigh to be taken as the article going on. */
const BRIDGE_MASS = 20;

/**
 * Extends the region's end over short interruptions when full prose paragraphs follow: Kadane
 * stops at a boxed "Related links" list whose penalty outweighs the one paragraph after it.
 */
function bridgeForward(infos: readonly LineInfo[], weights: Float64Array, tail: number, end: number): number {
	for (;;) {
		let j = end + 1;
		while (j < tail && j - end - 1 < BRIDGE_GAP && infos[j].words < 10 && !infos[j].commentStart) j++;
		if (j >= tail || j === end + 1) return end;
		const info = infos[j];
		if (info.junk || info.repeated || info.words < 15 || !endsSentence(info.line.text)) return end;
		let sum = 0;
		let best = 0;
		let bestEnd = -1;
		for (let k = j; k < tail; k++) {
			sum += weights[k];
			if (sum <= 0) break;
			if (sum > best) {
				best = sum;
				bestEnd = k;
			}
		}
		if (best < BRIDGE_MASS) return end;
		end = bestEnd;
	}
}

/** Lines around a candidate region whose whole-line tests can move the region's edges. */
const DEEP_PAD = 12;
/** Candidate regions looked at before the whole-line tests. */
const CANDIDATES = 2;

/** The `count` heaviest disjoint runs of the weights. */
function topRuns(weights: Float64Array, count: number): [number, number][] {
	const masked = Float64Array.from(weights);
	const runs: [number, number][] = [];
	for (let k = 0; k < count; k++) {
		const run = bestRun(masked);
		if (!run) break;
		runs.push(run);
		for (let i = run[0]; i <= run[1]; i++) masked[i] = -1e9;
	}
	return runs;
}

/**
 * Runs the whole-line furniture tests where they can matter: around the heaviest candidate regions
 * found without them, then around the best region again until it stands on tested lines. A test
 * that finds furniture lowers a prose line's weight (a short line's barely moves), so the untested
 * rest of the page, weighed as if clean, cannot hide a better region.
 */
function settleRegions(infos: readonly LineInfo[]): { weights: Float64Array; tail: number } {
	const ctx = pageContext(infos);
	const { weights } = lineWeights(infos, ctx);
	for (let round = 0; round < 8; round++) {
		let changed = false;
		for (const [from, to] of topRuns(weights, round === 0 ? CANDIDATES : 1)) {
			const a = Math.max(0, from - DEEP_PAD);
			const b = Math.min(infos.length - 1, to + DEEP_PAD);
			let touched = false;
			for (let i = a; i <= b; i++) {
				if (infos[i].deep) continue;
				deepen(infos[i]);
				touched = true;
			}
			if (!touched) continue;
			changed = true;
			// A line's weight also reads the few lines after it (prose running on, table neighbours).
			for (let i = Math.max(0, a - 4); i <= Math.min(infos.length - 1, b + 1); i++) weights[i] = weighLine(infos, ctx, i);
		}
		if (!changed) return { weights, tail: ctx.tail };
	}
	deepenRange(infos, 0, infos.length);
	return lineWeights(infos, ctx);
}

export interface BodyOptions {
	/** Short lines in a row that split the region into separate parts. */
	breakRun: number;
	/** A part is kept when it weighs at least this share of the heaviest part. */
	partShare: number;
}

const DEFAULTS: BodyOptions = { breakRun: 4, partShare: 0.3 };

/**
 * The region can bridge into teaser lists whose summaries read like prose. Split it where a run
 * of short lines interrupts the text and keep the heaviest part plus the parts next to it that
 * weigh comparably (an article cut by a photo block), stopping at the first light one.
 */
function trimRegion(infos: readonly LineInfo[], region: [number, number], options: BodyOptions): [number, number] {
	const parts: { from: number; to: number; mass: number; plain: boolean }[] = [];
	let from = region[0];
	let shortRun = 0;
	let mass = 0;
	// Plain prose: past its first paragraph, no short line or dateline (teasers alternate title, name, date, summary).
	let interruptions = 0;
	for (let i = region[0]; i <= region[1]; i++) {
		const w = infos[i].words;
		if (w < 8) {
			shortRun++;
			if (mass > 0) interruptions += infos[i].headerCue ? 2 : 1;
		} else {
			if (shortRun >= options.breakRun && mass > 0) {
				parts.push({ from, to: i - shortRun - 1, mass, plain: interruptions - shortRun <= 1 });
				from = i - shortRun;
				mass = 0;
				interruptions = 0;
			}
			shortRun = 0;
			mass += w;
			if (infos[i].headerCue) interruptions += 2;
		}
	}
	parts.push({ from, to: region[1], mass, plain: interruptions - shortRun <= 1 });
	let best = 0;
	for (let p = 1; p < parts.length; p++) if (parts[p].mass > parts[best].mass) best = p;
	let lo = best;
	let hi = best;
	// Capped: a long article cut by a newsletter box keeps its first part even when the rest is far longer.
	const floor = Math.min(parts[best].mass * options.partShare, 150);
	// A few paragraphs of plain prose cut off by a gallery or a list are the article's own.
	const keeps = (p: { mass: number; plain: boolean }) => p.mass >= floor || (p.plain && p.mass >= PLAIN_PART);
	while (lo > 0 && keeps(parts[lo - 1])) lo--;
	while (hi < parts.length - 1 && keeps(parts[hi + 1])) hi++;
	return [parts[lo].from, parts[hi].to];
}

/** Words of plain prose that make a part of the region worth keeping whatever the heaviest part weighs. */
const PLAIN_PART = 40;

/** Coarse shape of a table-like row: what it opens with and which separator it uses. */
function rowShape(text: string): string {
	const head = /^\p{Lu}\p{Ll}{2,}\.?\s+\d/u.test(text) ? 'date' : /^\d/u.test(text) ? 'num' : /^\p{Lu}/u.test(text) ? 'cap' : 'other';
	const sep = /\s[–—-]{1,2}\s/u.test(text) ? 'dash' : /\s@\s/u.test(text) ? 'at' : /\s\|\s/u.test(text) ? 'bar' : /:\s/u.test(text) ? 'colon' : '';
	return sep ? `${head}/${sep}` : '';
}

/** A run of same-shaped rows right after the region (tour dates, results, schedules) belongs to it. */
function extendWithTable(infos: readonly LineInfo[], end: number): number {
	let i = end + 1;
	// Past a caption line ("Tour dates", "The schedule:") that introduces the rows.
	if (infos[i] && !infos[i].junk && ((infos[i].words <= 8 && infos[i].headingLike) || (infos[i].words <= 14 && infos[i].line.text.endsWith(':')))) i++;
	const shape = infos[i] ? rowShape(infos[i].line.text) : '';
	if (!shape) return end;
	let j = i;
	while (j < infos.length && !infos[j].junk && infos[j].line.bullet === undefined && infos[j].words >= 2 && infos[j].words <= 20 && rowShape(infos[j].line.text) === shape) j++;
	return j - i >= 3 ? j - 1 : end;
}

/** Indices of body lines: the best region minus the furniture inside it. */
export function selectBody(infos: readonly LineInfo[], options: BodyOptions = DEFAULTS): number[] {
	const { weights, tail } = settleRegions(infos);
	const found = bestRun(weights);
	if (!found) return [];
	const region = trimRegion(infos, found, options);
	if (region[1] < tail) region[1] = bridgeForward(infos, weights, tail, region[1]);
	region[1] = extendWithTable(infos, region[1]);
	const keep: number[] = [];
	const seen = new Set<string>();
	let inTeasers = false;
	for (let i = region[0]; i <= region[1]; i++) {
		const info = infos[i];
		const text = info.line.text;
		if (TEASER_HEADING.test(text) && info.words <= 8) inTeasers = true;
		else if (info.words >= 15 || (info.words >= 8 && endsSentence(text))) inTeasers = false;
		// Inside the article a short bullet is a list item, not a menu entry.
		const listItem = info.line.bullet !== undefined && !info.strongJunk && info.words >= 2 && !inTeasers;
		if ((info.junk && !listItem) || inTeasers) continue;
		// Text shown twice (a dek repeated as the first paragraph, a pull quote) is kept once.
		if (info.words >= 6) {
			if (seen.has(info.key)) continue;
			seen.add(info.key);
		}
		keep.push(i);
	}
	return keep;
}
