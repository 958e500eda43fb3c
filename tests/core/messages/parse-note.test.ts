import { describe, expect, it } from 'vitest';
import { paragraphFromMarkdown, parseSourceNote } from '../../../src/core/messages';

const NOTE = `---
title: "A headline: with colon"
publisher: Some Outlet
authors: ["[[Jane Doe]]", "John Roe"]
published: 2014-12-02
envoy_duplicate_of: "[[Original note]]"
envoy_messages:
  - "^a1b2c3 > Tokyo"
envoy_dismissed: ["d4e5f6 -> [[Seoul]]"]
---
By reactivating its policy on [[Pyongyang]], [[Moscow]] is sending messages to [[Seoul]], [[Tokyo|the Japanese capital]] and [Beijing](Entities/Beijing.md). ^a1b2c3

## A heading

\`\`\`
The message to [[Tokyo]] inside code.
\`\`\`

The message to [[Tokyo]] is **different**.
[[Japan]] has crossed the line, see [the source](https://example.com). ^d4e5f6

- a list item about [[Seoul]]

> a quote about [[Beijing]]

^q1
`;

describe('parseSourceNote', () => {
	const note = parseSourceNote('Articles/Headline.md', NOTE);

	it('reads the frontmatter Envoy writes, links unwrapped', () => {
		expect(note).toMatchObject({ path: 'Articles/Headline.md', title: 'A headline: with colon', outlet: 'Some Outlet', authors: ['Jane Doe', 'John Roe'], published: '2014-12-02', duplicateOf: 'Original note' });
		expect(note.marks).toEqual([
			{ block: 'a1b2c3', capital: 'Tokyo', verdict: 'message' },
			{ block: 'd4e5f6', capital: 'Seoul', verdict: 'dismissed' },
		]);
	});

	it('reads the keys it needs among many others, in any link form', () => {
		const fm = [
			'---',
			'topics:',
			'  - title: not the title',
			'  - Foreign Policy',
			'regions: [East Asia]',
			'title: Real title',
			'summary: |',
			'  publisher: not the outlet',
			'publisher: "[[Outlets/Daily Ledger#About|The Daily Ledger]]"',
			'authors:',
			'  - "[[Ana Sorel#bio]]"',
			'  - "[[A]] and [[B]]"',
			'---',
			'Body.',
		].join('\n');
		expect(parseSourceNote('x.md', fm)).toMatchObject({ title: 'Real title', outlet: 'The Daily Ledger', authors: ['Ana Sorel', 'A and B'] });
	});

	it('splits paragraphs with their line, block id and section, skipping code', () => {
		expect(note.paragraphs.map((p) => [p.line, p.block, p.section])).toEqual([
			[10, 'a1b2c3', 0],
			[18, 'd4e5f6', 1],
			[21, null, 1],
			[23, 'q1', 1],
		]);
		expect(note.paragraphs.some((p) => p.text.includes('inside code'))).toBe(false);
	});

	it('removes link syntax and records each link over its display text', () => {
		const [first, second] = note.paragraphs;
		expect(first.text).toBe('By reactivating its policy on Pyongyang, Moscow is sending messages to Seoul, the Japanese capital and Beijing.');
		expect(first.links.map((l) => [l.target, first.text.slice(l.start, l.end)])).toEqual([
			['Pyongyang', 'Pyongyang'],
			['Moscow', 'Moscow'],
			['Seoul', 'Seoul'],
			['Tokyo', 'the Japanese capital'],
			['Beijing', 'Beijing'],
		]);
		expect(second.text).toBe('The message to Tokyo is different.\nJapan has crossed the line, see the source.');
		expect(second.links.map((l) => l.target)).toEqual(['Tokyo', 'Japan']);
	});

	it('falls back to the file name for the title and tolerates a note without frontmatter', () => {
		const bare = parseSourceNote('x/Plain note.md', 'Just [[Seoul]].');
		expect(bare).toMatchObject({ title: 'Plain note', outlet: null, authors: [], published: null, duplicateOf: null, marks: [] });
		expect(bare.paragraphs).toEqual([{ line: 0, block: null, text: 'Just Seoul.', links: [{ target: 'Seoul', start: 5, end: 10 }], section: 0 }]);
	});
});

describe('paragraphFromMarkdown', () => {
	it('gives the plugin the same paragraph shape from a raw section', () => {
		expect(paragraphFromMarkdown('The message to [[Tokyo|Japan’s capital]] is clear. ^x9', 7, 2)).toEqual({
			line: 7,
			block: 'x9',
			text: 'The message to Japan’s capital is clear.',
			links: [{ target: 'Tokyo', start: 15, end: 30 }],
			section: 2,
		});
	});
});
