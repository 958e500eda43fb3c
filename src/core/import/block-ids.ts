// Block ids derived from a block's own words, so `[[Note#^id]]` still resolves after a re-import
// that re-renders the note: typography, spacing and case may change, the id does not.

import { ASCII_WORD, forEachWord, wordWidthAt } from '../text/char-table';
import { finishHash53, hash53, LANE_MUL_1, LANE_MUL_2, LANE_START_1, LANE_START_2 } from './hash';

const ID_LENGTH = 6;

/** What the id is a function of: the words, case- and punctuation-insensitively. */
export function normaliseForId(text: string): string {
	// Equal to `.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()` after NFKC and lower-casing (ids of existing
	// notes depend on it), at table-lookup speed.
	const folded = text.normalize('NFKC').toLowerCase();
	// Joined once, not concatenated word by word: the hash then reads a flat string, not a rope.
	const words: string[] = [];
	forEachWord(folded, (start, end) => {
		words.push(folded.slice(start, end));
	});
	return words.join(' ');
}

function idOfHash(hash: number): string {
	return hash.toString(36).padStart(ID_LENGTH, '0').slice(-ID_LENGTH);
}

function idOf(key: string): string {
	return idOfHash(hash53(key));
}

/** `hash53(normaliseForId(text))`, fed as the text is scanned, without building the key (one pass, no allocation). */
export function wordsHash53(text: string): number {
	const folded = text.normalize('NFKC').toLowerCase();
	const n = folded.length;
	let h1 = LANE_START_1;
	let h2 = LANE_START_2;
	// Locals, so the loop multiplies by constants it can see.
	const m1 = LANE_MUL_1;
	const m2 = LANE_MUL_2;
	// 0/1 rather than a boolean, as the width is: the loop keeps small integers only.
	let inWord = 0;
	let words = 0;
	for (let i = 0; i < n; i++) {
		const c = folded.charCodeAt(i);
		const width = c < 128 ? ASCII_WORD[c] : wordWidthAt(folded, i);
		if (width === 0) {
			inWord = 0;
			continue;
		}
		if (inWord === 0) {
			inWord = 1;
			// One space between words, as the key has.
			if (words++ > 0) {
				h1 = Math.imul(h1 ^ 32, m1);
				h2 = Math.imul(h2 ^ 32, m2);
			}
		}
		h1 = Math.imul(h1 ^ c, m1);
		h2 = Math.imul(h2 ^ c, m2);
		if (width === 2) {
			const low = folded.charCodeAt(++i);
			h1 = Math.imul(h1 ^ low, m1);
			h2 = Math.imul(h2 ^ low, m2);
		}
	}
	return finishHash53(h1, h2);
}

/**
 * Hands out ids for the blocks of one note in reading order. A repeated or colliding text gets the
 * hash of its text plus an occurrence number: deterministic for the same sequence of blocks.
 */
export class BlockIdAllocator {
	private readonly used = new Set<string>();

	next(text: string): string {
		let id = idOfHash(wordsHash53(text));
		if (this.used.has(id)) {
			// Rare: a repeated paragraph or a collision; only now is the key itself needed.
			const key = normaliseForId(text);
			for (let n = 2; this.used.has(id); n++) id = idOf(`${key}\u0000${n}`);
		}
		this.used.add(id);
		return id;
	}
}

/** A block id at the end of a line (` ^abc123`) or alone on a line (`^abc123`), as Obsidian reads them. */
export const BLOCK_ID_PATTERN = /(?:^|[ \t]+)\^[A-Za-z0-9-]+[ \t]*$/gm;

export function stripBlockIds(markdown: string): string {
	return markdown.replace(BLOCK_ID_PATTERN, '');
}
