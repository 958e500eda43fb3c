// Page furniture found by repetition across the files of one batch: lines that several pages of
// the same site carry (menus, share rows, newsletter pleas, an outlet's "About us" paragraph, a
// columnist's bio). Short lines count as soon as two files carry them. A long line shared by two
// files is furniture only when the two are different articles: a republished copy shares most of
// its wording with the original, a press release only its closing company paragraph.

import { toLines } from './blocks';
import { lineKey, scanLine, scannedWords } from './text';

/** Lines up to this many words are furniture as soon as two files carry them. */
const SHORT_WORDS = 20;
const SHORT_CHARS = 160;
/** Two files sharing less than this share of the smaller one's long lines are different articles. */
const COPY_OVERLAP = 0.5;
/** Word sequences a file's prose must hold for it to count as an article another file can copy. */
const MIN_ARTICLE_SHINGLES = 60;
/** A long line carried by this many files is furniture whatever the pairs (and pairs stay few). */
const MANY_FILES = 8;

/** Keys (as `describeLines` computes them) of lines that recur across at least two of the files. */
export function findSharedLines(texts: readonly string[]): Set<string> {
	const shared = new Set<string>();
	if (texts.length < 2) return shared;
	const seenShort = new Map<string, number>();
	// Long line key → the files carrying it (distinct, in order; capped).
	const carriers = new Map<string, number[]>();
	const longTexts: string[][] = [];
	const longLineKeys: string[][] = [];
	const carry = (key: string, file: number) => {
		const files = carriers.get(key);
		if (files === undefined) carriers.set(key, [file]);
		else if (files[files.length - 1] !== file && files.length <= MANY_FILES) files.push(file);
	};
	const longKeys: Set<string>[] = [];
	texts.forEach((text, file) => {
		const own = new Set<string>();
		const prose: string[] = [];
		const proseKeys: string[] = [];
		for (const line of toLines(text)) {
			const scan = scanLine(line.text);
			const words = scannedWords(scan);
			if (words <= SHORT_WORDS) {
				if (line.text.length > 4 * SHORT_CHARS) continue;
				const { key } = lineKey(line.text, scan);
				if (!key || key.length > SHORT_CHARS) continue;
				// Short lines (menus, share rows, headlines of teasers) count as soon as two files carry them.
				const last = seenShort.get(key);
				if (last === undefined) seenShort.set(key, file);
				else if (last !== file) shared.add(key);
				continue;
			}
			const { key } = lineKey(line.text, scan);
			if (own.has(key)) continue;
			own.add(key);
			prose.push(line.text);
			proseKeys.push(key);
			carry(key, file);
		}
		longTexts[file] = prose;
		longLineKeys[file] = proseKeys;
		longKeys[file] = own;
	});
	// Whether two files are copies of one article, decided once per pair on their long lines: most of
	// them identical, or, as a republished copy re-breaks paragraphs and edits words, the lines that
	// differ still sharing most of their word sequences. Long furniture both pages carry (teasers,
	// bios) is identical and left out of that second test, so it cannot make two articles copies.
	const copies = new Map<number, boolean>();
	const areCopies = (a: number, b: number) => {
		const pair = a * texts.length + b;
		let same = copies.get(pair);
		if (same === undefined) copies.set(pair, (same = copiesOf(a, b)));
		return same;
	};
	const copiesOf = (a: number, b: number) => {
		const keysA = longKeys[a];
		const keysB = longKeys[b];
		let common = 0;
		for (const k of keysA) if (keysB.has(k)) common++;
		if (common >= COPY_OVERLAP * Math.min(keysA.size, keysB.size) && common > 0) return true;
		const rest = (file: number, other: ReadonlySet<string>) => longTexts[file].filter((_, i) => !other.has(longLineKeys[file][i]));
		return overlap(wordShingles(rest(a, keysB)), wordShingles(rest(b, keysA))) >= COPY_OVERLAP;
	};
	// A long line is furniture when two files that are not copies of one article both carry it.
	for (const [key, files] of carriers) {
		if (files.length < 2) continue;
		let different = files.length > MANY_FILES;
		for (let i = 0; i < files.length && !different; i++) {
			for (let j = i + 1; j < files.length && !different; j++) different = !areCopies(files[i], files[j]);
		}
		if (different) shared.add(key);
	}
	return shared;
}

/** Hashes of the 4-word sequences of the lines (case-blind), as the benchmark and the dedupe compare text. */
function wordShingles(lines: readonly string[]): Set<number> {
	const set = new Set<number>();
	for (const line of lines) {
		const words = line.toLowerCase().match(WORD) ?? [];
		const hashes = words.map(hashWord);
		for (let i = 0; i + 3 < hashes.length; i++) set.add((Math.imul(hashes[i], 31) ^ Math.imul(hashes[i + 1], 17) ^ Math.imul(hashes[i + 2], 7) ^ hashes[i + 3]) >>> 0);
	}
	return set;
}

const WORD = /[\p{L}\p{N}]+/gu;

function hashWord(word: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** Share of the smaller set found in the larger; 0 when either holds too little prose to be an article. */
function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	if (small.size < MIN_ARTICLE_SHINGLES) return 0;
	let common = 0;
	for (const h of small) if (large.has(h)) common++;
	return common / small.size;
}
