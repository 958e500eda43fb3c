// Small text measures shared by the extractor's stages. They run on every line of every page, so
// they scan char codes instead of building token arrays or chaining regex replaces.

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

// Class of a code unit: 0 other, 1 starts or continues a word (letter/digit), 2 only continues one.
// Filled lazily from the Unicode regexes: 255 means not looked up yet.
const CLASS = new Uint8Array(0x10000).fill(255);
for (let c = 0; c < 128; c++) CLASS[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
CLASS[39] = 2; // '
CLASS[46] = 2; // .
CLASS[45] = 2; // -
CLASS[0x2019] = 2; // ’
// A surrogate pair is classed by its full code point (below); its low half only continues a word.
for (let c = 0xdc00; c <= 0xdfff; c++) CLASS[c] = 2;

function classOf(s: string, i: number, code: number): number {
	const k = CLASS[code];
	if (k !== 255) return k;
	if (code >= 0xd800 && code <= 0xdbff) return LETTER_OR_DIGIT.test(s.slice(i, i + 2)) ? 1 : 0;
	const ch = String.fromCharCode(code);
	const found = LETTER_OR_DIGIT.test(ch) ? 1 : MARK.test(ch) ? 2 : 0;
	CLASS[code] = found;
	return found;
}

function isCjk(code: number): boolean {
	return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);
}

/** Cues found by `scanLine` in the same pass as the word count, so later checks can skip lines cheaply. */
export const SCAN_DIGIT = 1;
/** Whitespace other than single spaces between words: the key needs the slow normalisation. */
export const SCAN_ODD_SPACE = 2;
export const SCAN_AT = 4;
/** `|`, `·`, `•` or `/`: menu separators and URLs. */
export const SCAN_SEPARATOR = 8;
export const SCAN_PAREN = 16;
/** `“`, `"` or `«`. */
export const SCAN_QUOTE = 32;
/** A dash or hyphen (`-`, `–`, `—`): date and byline separators. */
export const SCAN_DASH = 64;
/** Mask of the SCAN_* bits in a `scanLine` result. */
export const SCAN_FLAGS = 127;
// Packed as words * 128 + flags: arithmetic rather than shifts, so a huge one-line file cannot overflow.
const FLAG_SPAN = 128;

/** Per code unit: the SCAN_* flags it raises, plus CJK_BIT for scripts written without spaces. */
const CJK_BIT = 128;
const FLAG_OF = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) FLAG_OF[c] = SCAN_DIGIT;
// Tabs, other control characters and the non-ASCII spaces are odd spacing.
for (let c = 0; c < 32; c++) FLAG_OF[c] = SCAN_ODD_SPACE;
for (const c of [0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) FLAG_OF[c] = SCAN_ODD_SPACE;
for (let c = 0x2000; c <= 0x200a; c++) FLAG_OF[c] = SCAN_ODD_SPACE;
FLAG_OF[64] = SCAN_AT;
for (const c of [124, 47, 0xb7, 0x2022]) FLAG_OF[c] = SCAN_SEPARATOR;
FLAG_OF[40] = SCAN_PAREN;
for (const c of [45, 0x2013, 0x2014]) FLAG_OF[c] = SCAN_DASH;
for (const c of [34, 0x201c, 0xab]) FLAG_OF[c] = SCAN_QUOTE;
for (let c = 0; c < 0x10000; c++) if (isCjk(c)) FLAG_OF[c] |= CJK_BIT;

/** Word count (as `wordCount`) and SCAN_* flags of `s`, packed as `words * 128 + flags`. */
export function scanLine(s: string): number {
	let n = 0;
	let cjk = 0;
	let flags = 0;
	// 0/1 integers rather than booleans, so the loop runs without branches on most characters.
	let inWord = 0;
	let prevSpace = 1;
	let odd = 0;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		let k = CLASS[code];
		if (k === 255) k = classOf(s, i, code);
		const f = FLAG_OF[code];
		flags |= f;
		cjk += f >>> 7;
		const starts = k & 1;
		n += starts & (inWord ^ 1);
		// A letter or digit is in a word; a joiner (' . - ’, marks) keeps the word going; anything else ends it.
		inWord = starts | (inWord & (k >>> 1));
		const space = code === 32 ? 1 : 0;
		odd |= space & prevSpace;
		prevSpace = space;
	}
	if ((odd | (prevSpace & (s.length > 0 ? 1 : 0))) !== 0) flags |= SCAN_ODD_SPACE;
	flags &= SCAN_FLAGS;
	if (cjk > 4) n += Math.floor(cjk / 2) - 1;
	return n * FLAG_SPAN + flags;
}

/** What one word adds to a `scanLine` result: `scan >= n * SCAN_WORD` means at least n words. */
export const SCAN_WORD = FLAG_SPAN;

export function scannedWords(scan: number): number {
	return Math.floor(scan / FLAG_SPAN);
}

/** Word count that also works for scripts written without spaces (two CJK characters ≈ one word). */
export function wordCount(s: string): number {
	return scannedWords(scanLine(s));
}

const BULLET_CHARS = new Set([...'•◦▪▫■□☆★○●◆◇►▶▸‣∙·*+-–'].map((c) => c.charCodeAt(0)));

/** Length of the run of spaces and bullet glyphs opening `s`. */
function leadingBullets(s: string): number {
	let i = 0;
	while (i < s.length) {
		const c = s.charCodeAt(i);
		// Letters and digits (the usual first character) end the run without a set lookup.
		if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (!isSpace(c) && !BULLET_CHARS.has(c))) break;
		i++;
	}
	return i;
}

function isSpace(code: number): boolean {
	if (code > 32 && code < 0xa0) return false;
	return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * `normaliseLine` of a line already lower-cased. `scan` is the original line's `scanLine`, when
 * known: without digits or odd spacing the key is the text itself, less its leading bullets.
 */
export function normaliseLower(lower: string, scan?: number): string {
	const from = leadingBullets(lower);
	let out = from ? lower.slice(from) : lower;
	// Native replaces only where needed: building the key char by char allocates a string per char.
	if (scan === undefined || (scan & SCAN_DIGIT) !== 0) out = out.replace(DIGITS, '0');
	if (scan === undefined || (scan & SCAN_ODD_SPACE) !== 0) out = out.replace(SPACES, ' ').trim();
	return out;
}

const DIGITS = /\d+/g;
const SPACES = /\s+/g;

/** Characters from each end of a long line that make its key. */
const KEY_END = 48;

/** Past this many words a line is prose or a teaser, never a phrase, caption or bio line. */
export const LONG_LINE = 45;

/**
 * The key of a line with its `scanLine` result: `normaliseLine`, except that long prose keeps its
 * case and digits (it only ever meets keys of lines as long, and normalising the bulk of a page is slow).
 * Returns the lower-cased text too, for the phrase tests (the text itself for long lines).
 */
export function lineKey(text: string, scan: number): { key: string; lower: string } {
	// Long prose is only ever compared with its own copies: its ends and length stand for it, which
	// is cheaper to hash than the whole paragraph, and two paragraphs alike in all three are copies.
	if (scannedWords(scan) > LONG_LINE) {
		const t = (scan & SCAN_ODD_SPACE) !== 0 ? text.replace(SPACES, ' ').trim() : text;
		return { key: t.length <= 2 * KEY_END ? t : `${t.slice(0, KEY_END)}\u0000${t.length}\u0000${t.slice(-KEY_END)}`, lower: text };
	}
	const lower = text.toLowerCase();
	// toLowerCase can change the length (İ → i̇); the scan's flags then no longer describe it.
	return { key: normaliseLower(lower, lower.length === text.length ? scan : undefined), lower };
}

/** Key under which a line is compared across files: case, digits, bullets and spacing ignored. */
export function normaliseLine(s: string): string {
	return normaliseLower(s.toLowerCase());
}

/** Ends like a sentence (allowing closing quotes/brackets). */
export function endsSentence(s: string): boolean {
	// Read backwards: a trailing-anchored regex would be tried at every position of long lines.
	let i = s.length - 1;
	while (i >= 0 && CLOSERS.includes(s[i])) i--;
	return i >= 0 && STOPS.includes(s[i]);
}

const CLOSERS = '"\'”’»)]';
const STOPS = '.!?…。！？:;';
