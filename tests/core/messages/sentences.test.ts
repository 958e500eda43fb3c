import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/messages';
import { parseFrontmatterLines } from '../../../src/core/messages/frontmatter';

const split = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
	it('splits on terminal punctuation, keeping closing quotes', () => {
		expect(split('The message is clear. “Stay out,” he said. Will they?')).toEqual(['The message is clear.', '“Stay out,” he said.', 'Will they?']);
	});

	it('does not split after abbreviations, initials or U.S.', () => {
		expect(split('Mr. Putin met Gen. Ivanov and J. Smith. The U.S. envoy left.')).toEqual(['Mr. Putin met Gen. Ivanov and J. Smith.', 'The U.S. envoy left.']);
	});

	it('repairs sentences glued without a space', () => {
		expect(split('The window has closed.Rather than balancing, it turned.')).toEqual(['The window has closed.', 'Rather than balancing, it turned.']);
	});
});

describe('frontmatter subset', () => {
	it('reads scalars, quoted strings, flow and block lists', () => {
		expect(parseFrontmatterLines([
			'title: "Quoted: with colon"',
			"single: 'it''s'",
			'n: 3',
			'flag: true',
			'empty:',
			'list: [a, "b, c", \'[[d]]\']',
			'block:',
			'  - one',
			'  - "two"',
			'after: x # comment',
		])).toEqual({ title: 'Quoted: with colon', single: "it's", n: 3, flag: true, empty: null, list: ['a', 'b, c', '[[d]]'], block: ['one', 'two'], after: 'x' });
	});
});
