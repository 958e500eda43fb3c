import { describe, expect, it } from 'vitest';
import { extractArticle, findSharedLines } from '../../../src/core/extract';
import type { Article } from '../../../src/core/types';
import { FOOTER, MENU, PROSE, hardWrap, page } from './fixtures';

const texts = (a: Article) => a.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text));

describe('extractArticle: body', () => {
	it('keeps the prose and the subheading, drops menus, banners, credits, bios, comments and footers', () => {
		const a = extractArticle(page());
		const body = texts(a);
		expect(body).toEqual([PROSE[0], PROSE[1], 'A Divided Council', PROSE[2], PROSE[3], PROSE[4]]);
		expect(a.blocks[2]).toMatchObject({ kind: 'heading', depth: 2 });
		const all = body.join('\n');
		for (const junk of ['Support', 'Home', 'Getty', 'Link Copied', 'Recent Work', 'thoughts on', 'Comments are closed', '©', 'senior correspondent', 'originally appeared']) {
			expect(all).not.toContain(junk);
		}
	});

	it('gives every block its UTF-16 span in the input', () => {
		const text = page();
		const a = extractArticle(text);
		for (const b of a.blocks) {
			expect(b.source).toBeDefined();
			const slice = text.slice(b.source!.start, b.source!.end);
			const t = b.kind === 'list' ? b.items[0] : b.text;
			expect(slice).toContain(t.slice(0, 20));
		}
	});

	it('rejoins hard-wrapped paragraphs and keeps spans over the wrapped lines', () => {
		const text = hardWrap(page(), 80);
		expect(text.split('\n').every((l) => l.length <= 80)).toBe(true);
		const a = extractArticle(text);
		expect(texts(a)).toEqual(texts(extractArticle(page())));
		const first = a.blocks[0];
		expect(text.slice(first.source!.start, first.source!.end).replace(/\s+/g, ' ')).toBe(PROSE[0]);
	});

	it('treats CRLF line endings like LF', () => {
		const a = extractArticle(page().replace(/\n/g, '\r\n'));
		expect(texts(a)).toEqual(texts(extractArticle(page())));
		expect(a.title).toBe('Ferry Route to the Islands Will Reopen After Twelve Years');
	});

	it('returns no blocks for a page that is only furniture', () => {
		const a = extractArticle([MENU, '', 'Subscribe to our newsletter', '', 'Comments are closed.', '', FOOTER].join('\n'));
		expect(a.blocks).toEqual([]);
	});

	it('drops lines that recur across files of the same site', () => {
		const furniture = 'Our reporters are independent and this line is printed under every single story on the site';
		const a = page().replace(PROSE[4], `${PROSE[4]}\n\n${furniture}`);
		const b = `Another headline entirely\n\n${PROSE[2]}\n\n${furniture}\n`;
		const shared = findSharedLines([a, b]);
		expect(shared.size).toBeGreaterThan(0);
		expect(texts(extractArticle(a, { sharedLines: shared }))).not.toContain(furniture);
	});

	it('does not treat a whole article copied twice as furniture', () => {
		const shared = findSharedLines([page(), page()]);
		for (const p of PROSE) expect(shared.has(p.toLowerCase())).toBe(false);
	});

	it('keeps an in-article list of full sentences', () => {
		const list = ['• The ferry will sail twice a day during the summer season and once a day in winter.', '• Season tickets will be offered to island residents at half the usual price.'].join('\n');
		const a = extractArticle(page().replace(PROSE[3], `${PROSE[3]}\n\n${list}`));
		expect(a.blocks.find((b) => b.kind === 'list')).toMatchObject({ kind: 'list', ordered: false, items: [expect.stringContaining('twice a day'), expect.stringContaining('Season tickets')] });
	});
});

describe('extractArticle: metadata', () => {
	it('reads headline, dek, byline, date, outlet and original outlet from the text', () => {
		const a = extractArticle(page());
		expect(a.title).toBe('Ferry Route to the Islands Will Reopen After Twelve Years');
		expect(a.titleDerived).toBe(false);
		expect(a.subtitle).toMatch(/^The harbour authority says/);
		expect(a.authors).toEqual(['Mara Quill', 'Tomas Reyd']);
		expect(a.published).toBe('2021-03-04');
		expect(a.publisher).toBe('The Northern Ledger');
		expect(a.originalPublisher).toBe('Coastal Gazette');
	});

	it('reads authors, date, publisher, regions, topics and tags from an embedded JSON blob, which leaves the body', () => {
		const a = extractArticle(page({ json: true }));
		expect(a.authors).toEqual(['Mara Quill']);
		expect(a.published).toBe('2021-03-04');
		expect(a.publisher).toBe('The Northern Ledger');
		expect(a.regions).toEqual(['Northern Europe', 'Baltic Sea']);
		expect(a.topics).toEqual(['Transport']);
		expect(a.tags).toEqual(['ferries', 'harbours']);
		expect(texts(a).join('\n')).not.toContain('"authors"');
	});

	it('tolerates a broken JSON blob', () => {
		const broken = '{\n  "authors": ["Ada Wren"],\n  "regions": ["Arctic"],\n  "topics": [\n';
		const a = extractArticle(`${broken}\n\nA Headline About the Arctic Council\n\n${PROSE.join('\n\n')}\n`);
		expect(a.authors).toEqual(['Ada Wren']);
		expect(a.regions).toEqual(['Arctic']);
		expect(a.blocks).toHaveLength(PROSE.length);
	});

	it.each([
		['By Ada Wren', ['Ada Wren'], undefined],
		['By Ada Wren, Bo Lund and Cy Marr', ['Ada Wren', 'Bo Lund', 'Cy Marr'], undefined],
		['By Ada Wren | December 2, 2014', ['Ada Wren'], '2014-12-02'],
		['Posted by Ada Wren on 2 December 2014', ['Ada Wren'], '2014-12-02'],
		['Ada Wren @adawren', ['Ada Wren'], undefined],
	])('byline %s', (line, authors, date) => {
		const a = extractArticle(`A Headline About Harbour Policy\n\n${line}\n${date ? '' : 'Published 2014-12-02\n'}\n${PROSE.join('\n\n')}\n`);
		expect(a.authors).toEqual(authors);
		expect(a.published).toBe('2014-12-02');
	});

	it.each([
		['Published on Dec 2, 2014', '2014-12-02'],
		['December 2, 2014', '2014-12-02'],
		['2 December 2014', '2014-12-02'],
		['2014-12-02T08:00:00Z', '2014-12-02'],
	])('date %s', (line, iso) => {
		expect(extractArticle(`A Headline About Harbour Policy\n\n${line}\n\n${PROSE.join('\n\n')}\n`).published).toBe(iso);
	});

	it('derives a concise title when there is no headline', () => {
		const a = extractArticle(PROSE.join('\n\n'));
		expect(a.titleDerived).toBe(true);
		expect(a.title.length).toBeGreaterThan(10);
		expect(a.title.split(/\s+/).length).toBeLessThanOrEqual(12);
		expect(PROSE[0].startsWith(a.title.replace(/…$/, ''))).toBe(true);
		expect(a.blocks).toHaveLength(PROSE.length);
	});

	it('takes the outlet from a "Source:" line under the byline, not from a photo credit', () => {
		const text = page().replace('Published on Mar 4, 2021', 'Published on Mar 4, 2021\n\nSource: Coastal Gazette').replace('This article originally appeared in the Coastal Gazette.', '');
		expect(extractArticle(text).originalPublisher).toBe('Coastal Gazette');
	});
});

describe('extractArticle: speed', () => {
	it('handles a 5 MB page of mixed furniture and prose in a few seconds', () => {
		// Distinct letters per copy, so the copies are not repeated lines of one file.
		const tag = (n: number) => n.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[+d]);
		const chunk = (n: number) => `${page({ json: true }).replace(/harbour/g, `harbour ${tag(n)}`)}\n${'x'.repeat(3000)}\n{ "broken": [\n${'[img] '.repeat(200)}\n${'word '.repeat(4000)}\n`;
		const parts: string[] = [];
		for (let n = 0, size = 0; size < 5e6; n++) {
			parts.push(chunk(n));
			size += parts[n].length;
		}
		const big = parts.join('');
		const t0 = performance.now();
		const a = extractArticle(big);
		expect(performance.now() - t0).toBeLessThan(5000);
		expect(a.blocks.length).toBeGreaterThan(0);
		const t1 = performance.now();
		findSharedLines([big, big.slice(0, 1e6)]);
		expect(performance.now() - t1).toBeLessThan(3000);
	});
});

describe('hard-wrap detection', () => {
	it.each([72, 76, 79, 80])('rejoins paragraphs wrapped at %i columns', (width) => {
		const a = extractArticle(hardWrap(page(), width));
		expect(texts(a)).toEqual(texts(extractArticle(page())));
	});

	it('leaves a paragraph-per-line page as it is', () => {
		const text = [...PROSE, 'Short line', 'Another short line'].join('\n');
		const a = extractArticle(text);
		expect(texts(a).some((t) => t.includes(PROSE[0]) && t !== PROSE[0] && t.includes(PROSE[1]))).toBe(false);
	});
});

describe('standfirst credit', () => {
	it('reads "…, Jane Roe writes." as the dek and the author', () => {
		const dek = 'The ferry is back, and with it an old argument about who pays for the islands, the local historian Ada Wren writes.';
		const a = extractArticle(`Ferries and the Price of Distance\n\n${dek}\n\n${PROSE.join('\n\n')}\n`);
		expect(a.subtitle).toBe(dek);
		expect(a.authors).toEqual(['Ada Wren']);
		expect(texts(a)).toEqual(PROSE);
	});
});

describe('dates in other languages', () => {
	it.each([
		['Von Ada Wren, 30. Juli 2018', '2018-07-30'],
		['Publicado em 12 de outubro de 2019', '2019-10-12'],
		['Diposting pada Maret 30, 2015', '2015-03-30'],
	])('%s', (line, iso) => {
		expect(extractArticle(`A Headline About Harbour Policy\n\n${line}\n\n${PROSE.join('\n\n')}\n`).published).toBe(iso);
	});
});
