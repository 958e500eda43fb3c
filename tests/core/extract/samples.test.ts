// The bundled sample articles (written for Envoy, see samples/README.md): headline, dek, byline,
// date and outlet where each page prints them, and a body without any of the page furniture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, findSharedLines } from '../../../src/core/extract';
import type { Article } from '../../../src/core/types';

const read = (f: string) => readFileSync(join(import.meta.dirname, '..', '..', '..', 'samples', 'raw', f), 'utf8');
const texts = (a: Article) => a.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text));

describe('sample pages', () => {
	it('dispatch: banner, caption, headline, byline, dates and "Updated" stamp stay out of the body', () => {
		const a = extractArticle(read('dispatch-tokyo-seoul.txt'));
		expect(a.title).toBe('Tokyo and Seoul Mend Ties, With One Eye on Pyongyang and the Other on Washington');
		expect(a.subtitle).toMatch(/^Shuttle diplomacy is back/);
		expect(a.authors).toEqual(['Hana Kobayashi', 'Seo Min-jun']);
		expect(a.published).toBe('2023-05-14');
		expect(a.publisher).toBe('The Eastern Dispatch');
		const body = texts(a);
		expect(body[0]).toMatch(/^SEOUL — For most of the past decade/);
		for (const t of body) expect(t).not.toMatch(/unlimited access|Honor guards|^By |^2023-05-1|^Updated|Related articles|Share this|Most read|©/u);
		expect(a.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual(['A message for Pyongyang']);
	});

	it('harbor: the standfirst is the subtitle, the byline and date leave the body of the wrapped page', () => {
		const a = extractArticle(read('harbor-abm-treaty.txt'));
		expect(a.title).toBe('Missile Defense and the Long Shadow of the ABM Treaty');
		expect(a.subtitle).toMatch(/^North Korea was the reason Washington gave/);
		expect(a.authors).toEqual(['Eleanor Saito-Brandt']);
		expect(a.published).toBe('2025-06-17');
		expect(a.publisher).toBe('Harbor Policy Institute');
		expect(a.blocks.some((b) => b.kind === 'heading')).toBe(false);
		expect(texts(a)[0]).toMatch(/^When the United States left the 1972 ABM treaty/);
		for (const t of texts(a)) expect(t).not.toMatch(/Subscribe|free articles|^By /u);
	});

	it('pacific: a "Name | date | read time" row gives the author, "Tags:" the tags', () => {
		const a = extractArticle(read('pacific-ledger-republished.txt'));
		expect(a.authors).toEqual(['Miriam Castellanos']);
		expect(a.published).toBe('2026-03-11');
		expect(a.originalPublisher).toBe('The Meridian Review');
		expect(a.tags).toContain('Korean Peninsula');
		for (const t of texts(a)) expect(t).not.toMatch(/^Tags:|Miriam Castellanos is a senior fellow|ADVERTISEMENT/u);
	});

	it('notes: a page without a headline gets a derived title, not the outlet name', () => {
		const a = extractArticle(read('notes-sanctions-brief.txt'));
		expect(a.titleDerived).toBe(true);
		expect(a.title).not.toMatch(/Northbridge Notes/);
		expect(a.publisher).toBe('Northbridge Notes');
		expect(a.topics).toEqual(['Sanctions', 'North Korea', 'United Nations']);
	});

	it('only-boilerplate: a cookie notice, a "page not available" message, sign-up forms and a topics row are no article', () => {
		const a = extractArticle(read('only-boilerplate.txt'));
		expect(a.blocks).toEqual([]);
		expect(a.title).toBe('');
	});

	it('the republished pair keeps all its prose when the batch is read together', () => {
		const names = ['dispatch-tokyo-seoul.txt', 'harbor-abm-treaty.txt', 'meridian-moscow-pyongyang.txt', 'notes-sanctions-brief.txt', 'only-boilerplate.txt', 'pacific-ledger-republished.txt'];
		const pages = names.map(read);
		const shared = findSharedLines(pages);
		const meridian = texts(extractArticle(pages[2], { sharedLines: shared }));
		expect(meridian).toEqual(texts(extractArticle(pages[2])));
		expect(meridian.some((t) => t.startsWith('The message to Seoul is that'))).toBe(true);
	});
});
