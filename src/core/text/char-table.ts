// Unicode character-class tests by table lookup. A `\p{…}` regex run over a whole text costs ~15 MB/s;
// a lookup per UTF-16 code unit costs almost nothing, and each code unit's class is learnt from the
// regex the first time it is seen, so start-up stays free and the answer is the regex's own.

export interface CharTable {
	/** Is this BMP code unit in the class? Lone surrogates never are. */
	unit(code: number): boolean;
	/** Is this code point (BMP or astral) in the class? */
	point(codePoint: number): boolean;
}

/** `single` must match exactly one character of the class, with the `u` flag (e.g. `/[\p{L}\p{N}]/u`). */
export function charTable(single: RegExp): CharTable {
	// 0 = not learnt yet, 1 = in the class, 2 = not.
	const table = new Uint8Array(0x10000);
	const learn = (code: number): boolean => {
		const yes = !(code >= 0xd800 && code <= 0xdfff) && single.test(String.fromCharCode(code));
		table[code] = yes ? 1 : 2;
		return yes;
	};
	const astral = new Map<number, boolean>();
	return {
		unit(code) {
			const v = table[code];
			return v === 1 || (v === 0 && learn(code));
		},
		point(codePoint) {
			if (codePoint < 0x10000) return this.unit(codePoint);
			let yes = astral.get(codePoint);
			if (yes === undefined) {
				yes = single.test(String.fromCodePoint(codePoint));
				astral.set(codePoint, yes);
			}
			return yes;
		},
	};
}

/** 1 for the ASCII letters and digits, 0 for the rest of ASCII: one load where hot loops compared ranges. */
export const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;

/** Letters and digits (`\p{L}` or `\p{N}`): what a "word" is made of for ids and duplicate shingles. */
export const LETTER_OR_DIGIT = charTable(/[\p{L}\p{N}]/u);

/**
 * Width of the letter or digit at `i` in UTF-16 code units (1, or 2 for an astral one), or 0 when the
 * character there is neither (lone surrogate halves included).
 */
export function wordWidthAt(text: string, i: number): number {
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
	if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
		const next = text.charCodeAt(i + 1);
		if (next < 0xdc00 || next > 0xdfff) return 0;
		return LETTER_OR_DIGIT.point(((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000) ? 2 : 0;
	}
	return LETTER_OR_DIGIT.unit(c) ? 1 : 0;
}

/**
 * Calls `onWord(start, end)` for every maximal run of letters and digits in `text`, as
 * `text.match(/[\p{L}\p{N}]+/gu)` would find them (astral letters included, lone surrogates excluded).
 */
export function forEachWord(text: string, onWord: (start: number, end: number) => void): void {
	const n = text.length;
	let start = -1;
	for (let i = 0; i < n; ) {
		const width = wordWidthAt(text, i);
		if (width > 0) {
			if (start < 0) start = i;
			i += width;
			continue;
		}
		if (start >= 0) {
			onWord(start, i);
			start = -1;
		}
		// One code unit at a time outside words: the low half of a non-word pair is no word character either.
		i++;
	}
	if (start >= 0) onWord(start, n);
}
