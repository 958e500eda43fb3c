// Discovery over the four seed articles (third-party text, read here and never copied; skipped when absent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverEntities } from '../../../src/core/entities';
import type { Entity } from '../../../src/core/types';

const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');
const present = existsSync(SEEDS) && readdirSync(SEEDS).some((f) => f.endsWith('.txt'));

// A crude cleaning: paragraphs of more than 30 words are article text, the rest is page furniture.
function articleText(raw: string): string {
	return raw
		.split(/\n\s*\n/)
		.filter((p) => p.split(/\s+/).length > 30)
		.join('\n\n');
}

describe.skipIf(!present)('discovery on the seed articles', () => {
	const docs = present ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => ({ id: f, text: articleText(readFileSync(join(SEEDS, f), 'utf8')) })) : [];
	const { entities, mentions } = discoverEntities(docs);
	const all = discoverEntities(docs, { includeSingletons: true });
	const byName = new Map(entities.map((e) => [e.name, e]));
	const find = (list: Entity[], name: string) => list.find((e) => e.name === name);

	it('finds named concepts and recurring lower-case ones', () => {
		expect(byName.has('Six-Party Talks') || byName.has('ABM Treaty')).toBe(true);
		expect(byName.get('sanctions')?.type).toBe('concept');
	});

	it('makes one person of "Vladimir Putin" and "Putin"', () => {
		const putin = byName.get('Vladimir Putin');
		expect(putin?.type).toBe('person');
		expect(putin?.aliases).toContain('Putin');
		expect(entities.filter((e) => e.name.includes('Putin'))).toHaveLength(1);
	});

	it('groups "Kim Jong-un" with "Kim Jong Un" and keeps Kim Jong Il apart', () => {
		const kju = find(all.entities, 'Kim Jong Un') ?? find(all.entities, 'Kim Jong-un');
		expect(kju?.type).toBe('person');
		expect([kju?.name, ...(kju?.aliases ?? [])]).toEqual(expect.arrayContaining(['Kim Jong Un', 'Kim Jong-un']));
		const kji = find(all.entities, 'Kim Jong Il');
		expect(kji?.type).toBe('person');
		expect(kju?.aliases).not.toContain('Kim Jong Il');
	});

	it('knows the capitals and their countries, with the Kremlin as a Moscow metonym', () => {
		const expected: Record<string, string> = { Pyongyang: 'North Korea', Seoul: 'South Korea', Tokyo: 'Japan', Beijing: 'China', Moscow: 'Russia', Washington: 'United States' };
		for (const [capital, country] of Object.entries(expected)) {
			expect(byName.get(capital)?.type, capital).toBe('capital');
			expect(byName.get(capital)?.country, capital).toBe(country);
		}
		expect(byName.get('Moscow')?.metonyms).toContain('Kremlin');
		const kremlin = [...mentions.values()].flat().find((m) => m.surface === 'Kremlin');
		expect(kremlin?.entity).toBe('Moscow');
	});

	it('groups the spellings of Lavrov', () => {
		const lavrovs = all.entities.filter((e) => e.name.endsWith('Lavrov'));
		expect(lavrovs).toHaveLength(1);
		expect(lavrovs[0].type).toBe('person');
		const seen = ['Sergei Lavrov', 'Sergey Lavrov', 'Lavrov'].filter((form) => docs.some((d) => d.text.includes(form)));
		expect(seen.length).toBeGreaterThan(1);
		expect([lavrovs[0].name, ...lavrovs[0].aliases]).toEqual(expect.arrayContaining(seen));
		// Whole files (headline included) carry both spellings of the given name.
		const whole = discoverEntities(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => ({ id: f, text: readFileSync(join(SEEDS, f), 'utf8') })));
		const lavrov = whole.entities.find((e) => e.name.endsWith('Lavrov'));
		expect([lavrov?.name, ...(lavrov?.aliases ?? [])]).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Sergey Lavrov', 'Lavrov']));
	});

	it('reports mentions inside the text they come from', () => {
		for (const doc of docs) for (const m of mentions.get(doc.id) ?? []) expect(doc.text.slice(m.start, m.end)).toBe(m.surface);
	});
});
