// Runs the extractor on the third-party seed pages when they are present (read at test time only).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract';
import type { Article } from '../../../src/core/types';
import { hardWrap } from './fixtures';

const SEEDS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
const files = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort() : [];
const read = (f: string) => readFileSync(join(SEEDS, f), 'utf8');
const body = (a: Article) => a.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text));

/** Shapes of furniture in the genre: bullets, short link rows, bios, footers, comment and share cues. */
const FURNITURE = [/^[•□☆○]/u, /©|all rights reserved/iu, /comments? (?:are|is) closed|thoughts? on\b|add new comment|commenting rules/iu, /^link copied$/iu, /^(?:recent work|more work|about the author)/iu, /^source:/iu, /go ad-free/iu, /^by subscribing/iu];

describe.skipIf(files.length === 0)('seed pages', () => {
	it.each(files)('%s: keeps the long prose paragraphs and no furniture', (f) => {
		const text = read(f);
		const a = extractArticle(text);
		const kept = body(a);
		for (const t of kept) for (const re of FURNITURE) expect(t, `${re} in "${t.slice(0, 60)}"`).not.toMatch(re);
		// Every long sentence-ending line of the page (the prose) survives, bar subscription pleas.
		const prose = text
			.split('\n')
			.map((l) => l.trim())
			.filter((l) => l.split(/\s+/).length >= 30 && /[.!?”"]$/u.test(l));
		expect(prose.length).toBeGreaterThan(3);
		const joined = kept.join('\n');
		const missing = prose.filter((p) => !joined.includes(p));
		expect(missing.length / prose.length).toBeLessThan(0.1);
		expect(a.title.length).toBeGreaterThan(0);
		for (const b of a.blocks) expect(b.source!.end).toBeGreaterThan(b.source!.start);
	});

	it.each(files)('%s: the 80-column wrapped copy gives the same body', (f) => {
		const plain = body(extractArticle(read(f))).join(' ').replace(/\s+/g, ' ');
		const wrapped = body(extractArticle(hardWrap(read(f)))).join(' ').replace(/\s+/g, ' ');
		expect(wrapped).toBe(plain);
	});

	it('reads authors, date and regions from the seed with a JSON blob', () => {
		const f = files.find((x) => /^\s*"authors"\s*:/m.test(read(x)));
		expect(f).toBeDefined();
		const a = extractArticle(read(f!));
		expect(a.authors.length).toBeGreaterThan(0);
		expect(a.published).toMatch(/^\d{4}-\d\d-\d\d$/);
		expect(a.regions.length).toBeGreaterThan(0);
		expect(body(a).join('\n')).not.toMatch(/"regions"/);
	});

	it('finds the original outlet on the seeds that say where the text first appeared', () => {
		const withCue = files.filter((x) => /originally appeared/i.test(read(x)));
		expect(withCue.length).toBeGreaterThan(0);
		for (const f of withCue) {
			const a = extractArticle(read(f));
			expect(a.originalPublisher, f).toBeTruthy();
			expect(read(f)).toContain(a.originalPublisher!);
		}
	});

	it('derives a short title for a seed without a headline', () => {
		for (const f of files) {
			const a = extractArticle(read(f));
			if (a.titleDerived) expect(a.title.split(/\s+/).length).toBeLessThanOrEqual(12);
		}
	});
});

describe.skipIf(files.length === 0)('seed pages: metadata where the text gives it', () => {
	it.each(files)('%s: title, authors, date and outlet come from the text, and the header leaves the body', (f) => {
		const text = read(f);
		const a = extractArticle(text);
		const sp = (s: string) => s.replace(/\s+/g, ' ');
		const flat = sp(text);
		if (!a.titleDerived) {
			expect(flat).toContain(sp(a.title));
			expect(a.title).not.toBe(a.publisher);
		} else expect(a.title.split(/\s+/).length).toBeLessThanOrEqual(12);
		for (const name of a.authors) expect(flat).toContain(sp(name));
		if (a.published) expect(text).toContain(a.published.slice(0, 4));
		if (a.publisher) expect(flat.toLowerCase()).toContain(sp(a.publisher).toLowerCase());
		for (const t of body(a)) {
			expect(t, 'byline left in the body').not.toMatch(/^(?:by|posted by|written by)\s+\p{Lu}/iu);
			expect(t, 'date line left in the body').not.toMatch(/^(?:published|updated|posted)(?: on)?\s+\S+\s+\d/iu);
			if (a.subtitle) expect(t).not.toBe(a.subtitle);
			expect(t).not.toBe(a.title);
		}
	});

	it.each(files)('%s: the 80-column wrapped copy gives the same metadata', (f) => {
		const pick = (a: Article) => ({ title: a.title, authors: a.authors, published: a.published, publisher: a.publisher, original: a.originalPublisher });
		expect(pick(extractArticle(hardWrap(read(f))))).toEqual(pick(extractArticle(read(f))));
	});
});
