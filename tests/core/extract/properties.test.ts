import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract';
import { PROSE } from './fixtures';

// Pages built from prose, furniture and noise lines in any order.
const piece = fc.oneof(
	fc.constantFrom(...PROSE),
	fc.constantFrom('• Home', '□ World', 'Share', 'Comments are closed.', '© 2020 Some Outlet', '', '', '{ "authors": ["A B"', 'By Ada Wren', 'May 5, 2020'),
	fc.string({ maxLength: 120 }),
);

describe('extractArticle properties', () => {
	it('never throws, and every block points at a span of the input that holds its words', () => {
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, crlf) => {
				const text = parts.join(crlf ? '\r\n' : '\n');
				const a = extractArticle(text);
				expect(typeof a.title).toBe('string');
				for (const b of a.blocks) {
					const { start, end } = b.source!;
					expect(start).toBeGreaterThanOrEqual(0);
					expect(end).toBeLessThanOrEqual(text.length);
					expect(end).toBeGreaterThan(start);
					const first = (b.kind === 'list' ? b.items[0] : b.text).split(/\s+/)[0];
					expect(text.slice(start, end)).toContain(first);
				}
				if (a.published) expect(a.published).toMatch(/^\d{4}-\d\d-\d\d$/);
			}),
			{ numRuns: 300 },
		);
	});
});
