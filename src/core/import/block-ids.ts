// Block ids derived from a block's own words, so `[[Note#^id]]` still resolves after a re-import
// that re-renders the note: typography, spacing and case may change, the id does not.

import { forEachWord } from '../text/char-table';
import { hash53 } from './hash';

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

function idOf(key: string): string {
	return hash53(key).toString(36).padStart(ID_LENGTH, '0').slice(-ID_LENGTH);
}

/**
 * Hands out ids for the blocks of one note in reading order. A repeated or colliding text gets the
 * hash of its text plus an occurrence number: deterministic for the same sequence of blocks.
 */
export class BlockIdAllocator {
	private readonly used = new Set<string>();

	next(text: string): string {
		const key = normaliseForId(text);
		let id = idOf(key);
		for (let n = 2; this.used.has(id); n++) id = idOf(`${key}\u0000${n}`);
		this.used.add(id);
		return id;
	}
}

/** A block id at the end of a line (` ^abc123`) or alone on a line (`^abc123`), as Obsidian reads them. */
export const BLOCK_ID_PATTERN = /(?:^|[ \t]+)\^[A-Za-z0-9-]+[ \t]*$/gm;

export function stripBlockIds(markdown: string): string {
	return markdown.replace(BLOCK_ID_PATTERN, '');
}
