// Character classes shared by the scanner and the matcher. A "word" is a run of Unicode letters,
// marks and digits; apostrophes and hyphens are separators, so "Putin's" and "Moscow-Beijing"
// split into words without special cases, and "Koreans" stays one word that "Korea" cannot match.

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
/** 0 = not computed yet, 1 = word, 2 = not word. Lazily filled so start-up costs nothing. */
const wordTable = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
	const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	wordTable[c] = word ? 1 : 2;
}

/** Kept tiny so the engine inlines it in the hot loops; the first sight of a character goes to `learn`. */
export function isWordCode(c: number): boolean {
	const v = wordTable[c];
	return v === 1 || (v === 0 && learn(c));
}

function learn(c: number): boolean {
	// Surrogate halves count as word characters: a boundary inside an astral word must never be seen.
	const word = (c >= 0xd800 && c <= 0xdfff) || WORD_RE.test(String.fromCharCode(c));
	wordTable[c] = word ? 1 : 2;
	return word;
}

/** Characters after which a capitalised word starts a sentence: . ! ? : and a table cell bar. */
const SENTENCE_END = new Set([46, 33, 63, 58, 124]);
/** Characters skipped looking back for the sentence end (quotes, brackets, emphasis, dashes). */
const OPENERS = new Set([34, 39, 40, 42, 95, 0x201c, 0x2018, 0xab, 45, 0x2014]);

/** Does a sentence start at `pos` (block start, or after . ! ? : past quotes and brackets)? */
export function sentenceStartAt(md: string, pos: number, blockStart: number): boolean {
	let k = pos - 1;
	while (k >= blockStart && (isSpaceCode(md.charCodeAt(k)) || OPENERS.has(md.charCodeAt(k)))) k--;
	return k < blockStart || SENTENCE_END.has(md.charCodeAt(k));
}

export function isSpaceCode(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0;
}

/** Exactly the characters of the regular-expression class `\s`, which `normaliseSeparator` folds into one space. */
export function isFoldedSpace(c: number): boolean {
	if (c < 128) return c === 32 || (c >= 9 && c <= 13);
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Line breaks as a link shows them: with their indentation and quote markers, one space, or nothing after a hyphen. */
export function foldBreaks(s: string): string {
	return s.includes('\n') ? s.replace(/-[ \t]*\r?\n[ \t>]*/g, '-').replace(/[ \t]*\r?\n[ \t>]*/g, ' ') : s;
}

/**
 * Separator between two words as the index keys it: whitespace runs become one space, curly
 * apostrophes straight, a line break after a hyphen disappears ("Six-\nParty" is "Six-Party"), and
 * quote markers after a line break count as part of the break (the caller makes sure they are markers).
 */
export function normaliseSeparator(sep: string): string {
	if (sep === ' ') return sep;
	return sep
		.replace(/\n[ \t>]*/g, '\n')
		.replace(/-[ \t]*\r?\n\s*/g, '-')
		.replace(/\s+/g, ' ')
		.replace(/[\u2019\u02bc]/g, "'");
}

export interface NameTokens {
	words: string[];
	/** seps[i] sits between words[i] and words[i + 1], normalised. */
	seps: string[];
	/** Non-word characters after the last word ("U.S." keeps its final dot). */
	tail: string;
}

/** Splits a surface form into words; null when it does not start with a word character. */
export function tokenizeName(name: string): NameTokens | null {
	const s = name.trim();
	if (s.length === 0 || !isWordCode(s.charCodeAt(0))) return null;
	const words: string[] = [];
	const seps: string[] = [];
	let i = 0;
	while (i < s.length) {
		const ws = i;
		while (i < s.length && isWordCode(s.charCodeAt(i))) i++;
		words.push(s.slice(ws, i));
		const ss = i;
		while (i < s.length && !isWordCode(s.charCodeAt(i))) i++;
		if (i < s.length) seps.push(normaliseSeparator(s.slice(ss, i)));
		else return { words, seps, tail: normaliseSeparator(s.slice(ss)) };
	}
	return { words, seps, tail: '' };
}

/** Cheap word hash, the same one the matcher computes while it scans, for the first-word filter. */
export function hashWord(s: string, start: number, end: number): number {
	let h = 0;
	for (let i = start; i < end; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
	return h;
}
