import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charTable, forEachWord } from '../../../src/core/text/char-table';
import { normaliseForId, wordsHash53 } from '../../../src/core/import/block-ids';
import { hash53 } from '../../../src/core/import/hash';
import { wordHashes } from '../../../src/core/import/duplicates';

const words = (text: string): string[] => {
	const out: string[] = [];
	forEachWord(text, (start, end) => out.push(text.slice(start, end)));
	return out;
};

// Strings that exercise every branch: ASCII, accented and non-Latin letters, digits of other scripts,
// marks, astral letters and symbols, and lone surrogate halves.
const PIECES = ['a', 'Z', '7', ' ', '-', '’', 'é', 'ß', 'Ж', '한', '٣', '\u0301', '𝐀', '𠀀', '😀', '\ud800', '\udc00', '\u00a0', 'İ', 'ﬁ'];
const mixed = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary' })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('char tables agree with the regexes they stand for', () => {
	it('forEachWord finds the runs /[\\p{L}\\p{N}]+/gu finds', () => {
		fc.assert(fc.property(mixed, (text) => {
				expect(words(text)).toEqual(text.match(/[\p{L}\p{N}]+/gu) ?? []);
			}), { numRuns: 2000 });
	});

	it('normaliseForId equals the regex definition block ids were first made with', () => {
		const reference = (text: string) =>
			text
				.normalize('NFKC')
				.toLowerCase()
				.replace(/[^\p{L}\p{N}]+/gu, ' ')
				.trim();
		fc.assert(fc.property(mixed, (text) => {
				expect(normaliseForId(text)).toBe(reference(text));
			}), { numRuns: 2000 });
		expect(normaliseForId('  Moscow’s “new” ﬁle — 2024 ')).toBe('moscow s new file 2024');
	});

	it('charTable answers per code unit and per astral code point', () => {
		const letters = charTable(/\p{L}/u);
		expect(letters.unit(0x416)).toBe(true);
		expect(letters.unit(0x2014)).toBe(false);
		expect(letters.unit(0xd800)).toBe(false);
		expect(letters.point(0x20000)).toBe(true);
		expect(letters.point(0x1f600)).toBe(false);
	});
});

describe('block id hashing while scanning', () => {
	it('equals the hash of the normalised key', () => {
		fc.assert(
			fc.property(mixed, (text) => {
				expect(wordsHash53(text)).toBe(hash53(normaliseForId(text)));
			}),
			{ numRuns: 3000 },
		);
	});
});

describe('duplicate-detection word hashes', () => {
	it('are FNV-1a of each word the regex finds after folding', () => {
		const fnv = (word: string) => {
			let h = 0x811c9dc5;
			for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
			return h >>> 0;
		};
		fc.assert(
			fc.property(mixed, (text) => {
				expect(wordHashes(text)).toEqual((text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(fnv));
			}),
			{ numRuns: 3000 },
		);
	});
});
