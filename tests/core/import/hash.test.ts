// Notes store these hashes (`source_hash`, `envoy_body_hash`, block ids): the functions must never change.
import { describe, expect, it } from 'vitest';
import { wordsHash53 } from '../../../src/core/import/block-ids';
import { hash53, hash64 } from '../../../src/core/import/hash';

describe('stored hashes', () => {
	it('hash64 gives the values notes were written with', () => {
		expect(hash64('')).toBe('1aee8d83488bdcb8');
		expect(hash64('a')).toBe('82c97901501c2ba7');
		expect(hash64('Moscow sends a message to Seoul.')).toBe('00a93982e10da36b');
		expect(hash64('ünïcødé 文字 😀')).toBe('c2ad2198265d7847');
	});

	it('block ids hash the words as they always did', () => {
		expect(wordsHash53('Moscow sends a message to Seoul.')).toBe(152105105578053);
		expect(wordsHash53('  MOSCOW   sends, a “message” to Seoul!')).toBe(152105105578053);
		expect(wordsHash53('ünïcødé 文字 😀')).toBe(2699229477932598);
		expect(hash53('a')).toBe(7929297801672961);
	});
});
