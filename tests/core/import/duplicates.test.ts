import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText, DuplicateFinder, metadataRichness, pickCanonical } from '../../../src/core/import/duplicates';
import { article, OTHER_PARAGRAPHS, paragraphs, PARAGRAPHS, republished } from './fixtures';

const GOLD = new URL('../../../../shared/bench/extraction/gold/', import.meta.url);
const hasGold = existsSync(GOLD);

describe('DuplicateFinder', () => {
	it('catches a republished copy: re-broken paragraphs, edited sentences, other boilerplate', () => {
		const finder = new DuplicateFinder();
		expect(finder.add('courier', article()).duplicateOf).toBeNull();
		const copy = finder.add('wire', republished().join('\n\n'));
		expect(copy.duplicateOf).toBe('courier');
		expect(copy.similarity).toBeGreaterThan(0.5);
		expect(copy.similarity).toBeLessThan(1);
	});

	it('catches an exact copy, even a short one', () => {
		const finder = new DuplicateFinder();
		finder.add('a', 'Short brief about the summit.');
		expect(finder.add('b', 'Short  brief about the summit!')).toMatchObject({ duplicateOf: 'a', similarity: 1 });
	});

	it('catches a copy cut short (containment)', () => {
		const finder = new DuplicateFinder();
		finder.add('full', PARAGRAPHS.join('\n\n'));
		expect(finder.add('excerpt', PARAGRAPHS.slice(0, 6).join('\n\n')).duplicateOf).toBe('full');
	});

	it('does not confuse two articles on the same subject', () => {
		const finder = new DuplicateFinder();
		finder.add('talks', article());
		expect(finder.add('consulate', OTHER_PARAGRAPHS.join('\n\n')).duplicateOf).toBeNull();
	});

	it('does not join short texts that merely share a phrase', () => {
		const finder = new DuplicateFinder();
		finder.add('a', 'The foreign ministers of Norland and Vesteria met on Tuesday.');
		expect(finder.add('b', 'The foreign ministers of Norland and Vesteria met on Friday in Brenn.').duplicateOf).toBeNull();
	});

	it('reports the group of the first copy for a chain of copies', () => {
		const finder = new DuplicateFinder();
		finder.add('a', article());
		finder.add('b', republished().join('\n'));
		const third = finder.add('c', republished().slice(1).join(' '));
		expect(third.duplicateOf).toBe('a');
		expect(finder.groupOf('b')).toBe('a');
		expect(finder.find(PARAGRAPHS.join(' ')).duplicateOf).toBe('a');
		expect(finder.size).toBe(3);
	});

	it.skipIf(!hasGold)('finds no duplicate among the 181 distinct benchmark bodies', () => {
		const files = readdirSync(GOLD).filter((f) => f.endsWith('.txt')).sort();
		expect(files.length).toBeGreaterThanOrEqual(181);
		const finder = new DuplicateFinder();
		const false_ = files.map((f) => ({ f, m: finder.add(f, readFileSync(new URL(f, GOLD), 'utf8')) })).filter((x) => x.m.duplicateOf !== null);
		expect(false_).toEqual([]);
		// A gold body re-submitted with an edit and a trailer is still found.
		const sample = readFileSync(new URL(files[10], GOLD), 'utf8');
		const edited = `${sample.replace(/\.\s/, '. Officials declined to comment. ')}\n\nThis article was republished with permission.`;
		expect(finder.find(edited).duplicateOf).toBe(files[10]);
	});
});

describe('canonical copy', () => {
	it('prefers the richest metadata, then the longer body, then the first', () => {
		const bare = article();
		const rich = article({ authors: ['Ingrid Halvorsen'], published: '2026-03-04', publisher: 'Kalmar Courier' });
		const longer = article({ blocks: paragraphs([...PARAGRAPHS, 'An extra closing paragraph.']) });
		expect(metadataRichness(rich)).toBeGreaterThan(metadataRichness(bare));
		expect(pickCanonical([bare, rich])).toBe(1);
		expect(pickCanonical([bare, longer])).toBe(1);
		expect(pickCanonical([bare, article()])).toBe(0);
		expect(articleText(article({ blocks: [{ kind: 'list', ordered: false, items: ['a', 'b'] }] }))).toBe('a\nb');
	});
});
