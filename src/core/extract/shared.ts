// Page furniture found by repetition across the files of one batch: lines that several pages of
// the same site carry (menus, share rows, newsletter pleas, an outlet's "About us" paragraph, a
// columnist's bio). Short lines count as soon as two files carry them. A long line shared by two
// files is furniture only when the two are different articles: a republished copy shares most of
// its prose with the original, a press release shares only its closing company paragraph.

import { toLines } from './blocks';
import { lineKey, scanLine, scannedWords } from './text';

/** Lines up to this many words are furniture as soon as two files carry them. */
const SHORT_WORDS = 20;
const SHORT_CHARS = 160;
/** Two files sharing less than this share of the smaller one's long lines are different articles. */
const COPY_OVERLAP = 0.5;
/** A long line carried by this many files is furniture whatever the pairs (and pairs stay few). */
const MANY_FILES = 8;

/** Keys (as `describeLines` computes them) of lines that recur across at least two of the files. */
export function findSharedLines(texts: readonly string[]): Set<string> {
	const shared = new Set<string>();
	if (texts.length < 2) return shared;
	const seenShort = new Map<string, number>();
	// Long line key → files carrying it (distinct, in order), and each file's number of distinct long lines.
	const longFiles = new Map<string, number[]>();
	const longCount: number[] = [];
	texts.forEach((text, file) => {
		const own = new Set<string>();
		for (const line of toLines(text)) {
			const scan = scanLine(line.text);
			const words = scannedWords(scan);
			if (words <= SHORT_WORDS) {
				if (line.text.length > 4 * SHORT_CHARS) continue;
				const { key } = lineKey(line.text, scan);
				if (!key || key.length > SHORT_CHARS) continue;
				const last = seenShort.get(key);
				if (last === undefined) seenShort.set(key, file);
				else if (last !== file) shared.add(key);
				continue;
			}
			const { key } = lineKey(line.text, scan);
			if (own.has(key)) continue;
			own.add(key);
			const files = longFiles.get(key);
			if (files === undefined) longFiles.set(key, [file]);
			else if (files.length <= MANY_FILES) files.push(file);
		}
		longCount[file] = own.size;
	});
	// Long lines shared per pair of files, to tell copies from different articles.
	const pairs = new Map<number, number>();
	const pairKey = (a: number, b: number) => a * texts.length + b;
	for (const files of longFiles.values()) {
		if (files.length < 2 || files.length > MANY_FILES) continue;
		for (let i = 0; i < files.length; i++) for (let j = i + 1; j < files.length; j++) pairs.set(pairKey(files[i], files[j]), (pairs.get(pairKey(files[i], files[j])) ?? 0) + 1);
	}
	for (const [key, files] of longFiles) {
		if (files.length < 2) continue;
		if (files.length > MANY_FILES) {
			shared.add(key);
			continue;
		}
		let different = false;
		for (let i = 0; i < files.length && !different; i++) {
			for (let j = i + 1; j < files.length && !different; j++) {
				const common = pairs.get(pairKey(files[i], files[j])) ?? 0;
				different = common < COPY_OVERLAP * Math.min(longCount[files[i]], longCount[files[j]]);
			}
		}
		if (different) shared.add(key);
	}
	return shared;
}
