import { describe, expect, it } from 'vitest';
import { readProperties, splitNote } from '../../../src/core/import/frontmatter';
import { addCopies, conflictName, decideReimport, mergeUpdate } from '../../../src/core/import/reimport';
import { renderArticleNote } from '../../../src/core/import/render';
import { article, paragraphs, PARAGRAPHS } from './fixtures';

const v1 = renderArticleNote(article({ tags: ['fishing'], publisher: 'Kalmar Courier' }), { source: 'k.txt', sourceHash: 'h1', imported: '2026-01-01' });
const v2Article = article({
	title: 'Norland and Vesteria reopen fishing talks in Kalmar',
	tags: ['fishing', 'energy'],
	publisher: 'Kalmar Courier',
	blocks: paragraphs([...PARAGRAPHS.slice(0, 9), 'Diplomats now expect the next round in Hollum.']),
});
const v2 = renderArticleNote(v2Article, { source: 'k.txt', sourceHash: 'h2', imported: '2026-02-02' });

/** Edits the frontmatter as Obsidian's property editor would: rewrite one line, add a key. */
function editProperty(note: string, from: string, to: string): string {
	expect(note).toContain(from);
	return note.replace(from, to);
}

describe('decideReimport', () => {
	it('says unchanged for the same source', () => {
		expect(decideReimport(v1, v1)).toBe('unchanged');
		// Even if the reader edited the note meanwhile: nothing to write.
		expect(decideReimport(`${v1}\nMy own notes.`, v1)).toBe('unchanged');
	});

	it('says update when the source changed and the body is as Envoy wrote it', () => {
		expect(decideReimport(v1, v2)).toBe('update');
		// Line endings, trailing blank lines and links added by the linker are not edits.
		const linked = v1.replace('Kalmar to reopen', '[[Kalmar]] to reopen').replace('Norland and Vesteria met', '[[Norland (country)|Norland]] and Vesteria met');
		expect(linked).not.toBe(v1);
		expect(decideReimport(`${linked.replace(/\n/g, '\r\n')}\n\n`, v2)).toBe('update');
	});

	it('says conflict when the reader edited the body', () => {
		expect(decideReimport(v1.replace('frank but constructive', 'frank (but tense)'), v2)).toBe('conflict');
		expect(decideReimport(`${v1}\nMy own notes.`, v2)).toBe('conflict');
	});

	it('reads back hashes that a frontmatter rewriter turned into numbers', () => {
		const numeric = renderArticleNote(article(), { source: 'k.txt', sourceHash: '1234567890', imported: '2026-01-01' });
		expect(numeric).toContain('source_hash: "1234567890"');
		expect(decideReimport(numeric.replace('"1234567890"', '1234567890'), numeric)).toBe('unchanged');
	});

	it('says conflict for a note Envoy did not make or whose frontmatter is broken', () => {
		expect(decideReimport('# My note\n\nHello', v2)).toBe('conflict');
		expect(decideReimport('---\ntitle: Mine\n---\nHello', v2)).toBe('conflict');
		expect(decideReimport(v1.replace('title:', 'title: [unclosed'), v2)).toBe('conflict');
	});
});

describe('mergeUpdate', () => {
	it('takes the new body and properties, keeps the reader’s own keys and comments', () => {
		const mine = editProperty(v1, 'imported: 2026-01-01\n', 'imported: 2026-01-01\nrating: 5 # my score\nmessages:\n  - abc123\n');
		expect(decideReimport(mine, v2)).toBe('update');
		const merged = mergeUpdate(mine, v2);
		const props = readProperties(merged);
		expect(props).toMatchObject({ title: v2Article.title, tags: ['fishing', 'energy'], rating: 5, messages: ['abc123'], source_hash: 'h2', imported: '2026-02-02' });
		expect(merged).toContain('rating: 5 # my score');
		expect(splitNote(merged).body).toBe(splitNote(v2).body);
		// The merged note is again a pristine Envoy note: the next import can update it.
		expect(decideReimport(merged, v2)).toBe('unchanged');
		expect(decideReimport(merged, renderArticleNote(v2Article, { source: 'k.txt', sourceHash: 'h3', imported: '2026-03-03' }))).toBe('update');
	});

	it('keeps properties the reader changed or removed, and updates the others', () => {
		let mine = editProperty(v1, '  - fishing\n', '  - fishing\n  - my-tag\n');
		mine = editProperty(mine, 'publisher: Kalmar Courier\n', '');
		const merged = mergeUpdate(mine, v2);
		const props = readProperties(merged);
		expect(props?.tags).toEqual(['fishing', 'my-tag']);
		expect(props?.publisher).toBeUndefined();
		expect(props?.title).toBe(v2Article.title);
		// Still the reader's on the next round.
		const v3 = renderArticleNote({ ...v2Article, tags: ['other'] }, { source: 'k.txt', sourceHash: 'h3', imported: '2026-03-03' });
		expect(readProperties(mergeUpdate(merged, v3))?.tags).toEqual(['fishing', 'my-tag']);
	});

	it('unites outlets and sources gathered from duplicates', () => {
		const withCopies = addCopies(v1, ['Nordic Wire'], ['wire.txt']);
		const merged = readProperties(mergeUpdate(withCopies, v2));
		expect(merged?.outlets).toEqual(['Kalmar Courier', 'Nordic Wire']);
		expect(merged?.sources).toEqual(['k.txt', 'wire.txt']);
	});
});

describe('addCopies', () => {
	it('adds outlets and sources only, and is a no-op when nothing is new', () => {
		const once = addCopies(v1, ['Nordic Wire', 'Kalmar Courier'], ['wire.txt']);
		expect(readProperties(once)).toMatchObject({ outlets: ['Kalmar Courier', 'Nordic Wire'], sources: ['k.txt', 'wire.txt'] });
		expect(splitNote(once).body).toBe(splitNote(v1).body);
		expect(addCopies(once, ['nordic wire'], ['wire.txt'])).toBe(once);
		expect(decideReimport(once, v2)).toBe('update');
		expect(addCopies('# not envoy', ['X'], ['x.txt'])).toBe('# not envoy');
	});
});

describe('conflictName', () => {
	it('names the new version beside the edited note, uniquely', () => {
		expect(conflictName('Talks in Kalmar', '2026-02-02', new Set())).toBe('Talks in Kalmar (reimported 2026-02-02)');
		expect(conflictName('Talks in Kalmar', '2026-02-02', new Set(['talks in kalmar (reimported 2026-02-02)']))).toBe('Talks in Kalmar (reimported 2026-02-02) 2');
		const long = conflictName('x'.repeat(200), '2026-02-02', new Set());
		expect(long.length).toBeLessThanOrEqual(120);
		expect(long.endsWith('(reimported 2026-02-02)')).toBe(true);
	});
});
