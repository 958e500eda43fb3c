import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BlockIdAllocator } from '../../../src/core/import/block-ids';
import { readProperties, splitNote } from '../../../src/core/import/frontmatter';
import { bodyHash, renderArticleNote, renderBody } from '../../../src/core/import/render';
import type { ArticleBlock } from '../../../src/core/types';
import { article, PARAGRAPHS } from './fixtures';

const META = { source: 'kalmar.txt', sourceHash: 'abc', imported: '2026-11-22' };

/** Text content of an mdast node (mdast-util-to-string is not a declared dependency). */
function toString(node: unknown): string {
	const n = node as { value?: unknown; children?: unknown[] };
	if (typeof n.value === 'string') return n.value;
	return (n.children ?? []).map(toString).join('');
}

/** What a CommonMark reader sees in each top-level block, once Envoy's own ids are taken out of the source. */
function readBack(markdown: string): string[] {
	const source = markdown.replace(/ \^[a-z0-9]{6}$/gm, '');
	const tree = fromMarkdown(source, { extensions: [frontmatter()], mdastExtensions: [frontmatterFromMarkdown()] });
	return tree.children
		.filter((n) => n.type !== 'yaml')
		.map((n) => (n.type === 'list' ? n.children.map((item) => toString(item)).join('\n') : toString(n)));
}

describe('renderArticleNote', () => {
	it('writes typed properties, omitting empty ones', () => {
		const note = renderArticleNote(
			article({
				subtitle: 'Ministers meet in Kalmar',
				authors: ['Ingrid Halvorsen', 'Tomas Berg'],
				published: '2026-03-04',
				publisher: 'Kalmar Courier',
				originalPublisher: 'Nordic Wire',
				topics: ['fisheries'],
				regions: ['Northern Europe'],
				tags: ['#fishing rights', 'diplomacy', '2026'],
			}),
			META,
		);
		const props = readProperties(note);
		expect(props).toMatchObject({
			title: 'Norland and Vesteria reopen fishing talks',
			subtitle: 'Ministers meet in Kalmar',
			authors: ['[[Ingrid Halvorsen]]', '[[Tomas Berg]]'],
			published: '2026-03-04',
			publisher: 'Kalmar Courier',
			original_publisher: 'Nordic Wire',
			outlets: ['Kalmar Courier', 'Nordic Wire'],
			topics: ['fisheries'],
			regions: ['Northern Europe'],
			tags: ['fishing-rights', 'diplomacy'],
			source: 'kalmar.txt',
			sources: ['kalmar.txt'],
			source_hash: 'abc',
			imported: '2026-11-22',
		});
		expect(props?.envoy_body_hash).toMatch(/^[0-9a-f]{16}$/);
		// Dates stay unquoted so Obsidian shows a date property; wikilinks are quoted strings.
		expect(note).toMatch(/^published: 2026-03-04$/m);
		expect(note).toMatch(/^ {2}- "\[\[Ingrid Halvorsen\]\]"$/m);
		expect(note).not.toMatch(/^# /m);
	});

	it('omits what the article lacks and drops invalid dates', () => {
		const props = readProperties(renderArticleNote(article({ published: 'March 2026', subtitle: '  ' }), META));
		expect(Object.keys(props ?? {})).toEqual(['title', 'source', 'sources', 'source_hash', 'imported', 'envoy_props_hash', 'envoy_body_hash']);
	});

	it('quotes titles an old YAML reader would take for booleans', () => {
		const note = renderArticleNote(article({ title: 'Yes' }), META);
		expect(note).toMatch(/^title: "Yes"$/m);
		expect(parse(splitNote(note).yaml ?? '', { version: '1.1' })).toMatchObject({ title: 'Yes' });
	});

	it('is deterministic and its body hash matches its body', () => {
		const a = renderArticleNote(article(), META);
		expect(renderArticleNote(article(), META)).toBe(a);
		expect(bodyHash(splitNote(a).body)).toBe(readProperties(a)?.envoy_body_hash);
	});
});

describe('renderBody', () => {
	it('renders paragraphs, headings, quotes and lists, with ids on all but headings', () => {
		const blocks: ArticleBlock[] = [
			{ kind: 'paragraph', text: 'First paragraph.' },
			{ kind: 'heading', depth: 2, text: 'A section' },
			{ kind: 'quote', text: 'A quoted line.' },
			{ kind: 'list', ordered: false, items: ['one', 'two'] },
			{ kind: 'list', ordered: true, items: ['first', 'second'] },
		];
		const body = renderBody(blocks);
		const lines = body.split('\n').filter((l) => l !== '');
		expect(lines[0]).toMatch(/^First paragraph\. \^[a-z0-9]{6}$/);
		expect(lines[1]).toBe('## A section');
		expect(lines[2]).toBe('> A quoted line.');
		expect(lines[3]).toMatch(/^\^[a-z0-9]{6}$/);
		expect(lines[4]).toMatch(/^- one \^[a-z0-9]{6}$/);
		expect(lines[5]).toMatch(/^- two \^[a-z0-9]{6}$/);
		expect(lines[6]).toMatch(/^1\. first \^[a-z0-9]{6}$/);
		expect(readBack(body)).toEqual(['First paragraph.', 'A section', 'A quoted line.', '^' + lines[3].slice(1), 'one\ntwo', 'first\nsecond']);
	});

	it('gives stable ids: same words, same id, whatever the typography or position', () => {
		const a = renderBody([{ kind: 'paragraph', text: 'The talks “resumed” on Tuesday.' }]);
		const b = renderBody([
			{ kind: 'paragraph', text: 'A new opening paragraph.' },
			{ kind: 'paragraph', text: 'The  talks "resumed" on tuesday' },
		]);
		const id = /\^([a-z0-9]+)$/m.exec(a)?.[1];
		expect(id).toBeDefined();
		expect(b).toContain(`^${id}`);
	});

	it('keeps ids unique within a note, deterministically, for repeated paragraphs', () => {
		const ids = new BlockIdAllocator();
		const first = [ids.next('Same text.'), ids.next('Same text.'), ids.next('Same text.')];
		expect(new Set(first).size).toBe(3);
		const again = new BlockIdAllocator();
		expect([again.next('Same text.'), again.next('Same text.'), again.next('Same text.')]).toEqual(first);
		const many = new BlockIdAllocator();
		const all = Array.from({ length: 5000 }, (_, i) => many.next(`Paragraph number ${i % 2500}`));
		expect(new Set(all).size).toBe(5000);
		expect(all.every((id) => /^[a-z0-9]{6}$/.test(id))).toBe(true);
	});

	it('keeps Markdown, Obsidian syntax and HTML in the text literal', () => {
		const texts = [
			'# not a heading',
			'1. not a list',
			'- not a list either',
			'> not a quote',
			'*stars* and _underscores_ and __double__',
			'[[Not a link]] and [not a link](x) and ![not an image](y)',
			'Costs $5-$10 and ==no highlight== and %%no comment%% and ~~no strike~~',
			'The #MeToo movement, issue #5 and C# code',
			'<b>not bold</b> and <script>x</script>',
			'`not code` and \\backslash\\ and a trailing caret ^abc',
			'AT&T and &amp; and &#169;',
		];
		const body = renderBody(texts.map((text) => ({ kind: 'paragraph', text })));
		expect(readBack(body)).toEqual(texts);
		// Obsidian-only syntax CommonMark does not know about must still be escaped.
		expect(body).toContain('\\==no highlight');
		expect(body).toContain('\\%%no comment');
		expect(body).toContain('\\#MeToo');
		expect(body).toContain('\\$5');
		expect(body).toContain('\\[\\[Not a link]]');
		expect(body).toContain('caret \\^abc');
		expect(renderBody([{ kind: 'quote', text: 'Ends like an id ^abc' }])).toMatch(/^> Ends like an id \\\^abc\n\n\^[a-z0-9]{6}\n$/);
		// …while ordinary prose stays as written.
		expect(body).toContain('AT&T');
		expect(body).toContain('C# code');
	});

	it('leaves ordinary prose untouched', () => {
		const body = renderBody(article().blocks);
		const lines = body.trim().split('\n\n').map((l) => l.replace(/ \^[a-z0-9]+$/, ''));
		expect(lines.slice(0, PARAGRAPHS.length)).toEqual(PARAGRAPHS);
		expect(renderBody([{ kind: 'paragraph', text: "snake_case, it's 100% fine - isn't it? (yes) [1]" }])).toMatch(/^snake_case, it's 100% fine - isn't it\? \(yes\) \\\[1] \^/);
	});

	it('flattens line breaks inside a paragraph and skips empty blocks', () => {
		const body = renderBody([
			{ kind: 'paragraph', text: 'one\ntwo\n\nthree' },
			{ kind: 'paragraph', text: '   ' },
			{ kind: 'list', ordered: false, items: ['', ' '] },
		]);
		expect(body).toMatch(/^one two three \^[a-z0-9]{6}\n$/);
	});
});

describe('renderBody escaping, property', () => {
	it('any paragraph text reads back literally through a CommonMark parser', () => {
		const alphabet = fc.constantFrom(...'ab 1.-+*_#>`[]()!<&;:|\\^$=%~\'"'.split(''), 'word', '  ', '\n', '&amp;', '1)', '[[', ']]', 'é');
		fc.assert(
			fc.property(fc.array(alphabet, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')), (raw) => {
				const text = raw.replace(/\s+/g, ' ').trim();
				fc.pre(text !== '');
				const body = renderBody([{ kind: 'paragraph', text }]);
				expect(body).toMatch(/ \^[a-z0-9]{6}\n$/);
				expect(readBack(body)).toEqual([text]);
				// The same text as a list item and as a quote.
				const list = renderBody([{ kind: 'list', ordered: false, items: [text, 'x'] }]);
				expect(readBack(list)).toEqual([`${text}\nx`]);
				expect(readBack(renderBody([{ kind: 'quote', text }]))[0]).toBe(text);
			}),
			{ numRuns: 3000 },
		);
	});
});
