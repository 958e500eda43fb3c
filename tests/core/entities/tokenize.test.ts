// The tokenizer's promises, and mention offsets that hold for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverEntities, EntityDictionary, findMentions } from '../../../src/core/entities';
import { nameKey, tokenize } from '../../../src/core/entities/tokenize';

// The tokens as plain objects, to read in assertions.
function tokenList(text: string) {
	const t = tokenize(text);
	return Array.from({ length: t.length }, (_, k) => ({ text: t.text(k), possessive: t.possessive(k), upper: t.upper(k), initial: t.initial(k), capsLine: t.capsLine(k) }));
}

describe('tokenize', () => {
	it('cuts possessives off, keeps initialisms and in-word apostrophes whole', () => {
		const tokens = tokenList('Moscow’s and Beijing\'s U.S. ties with O\'Brien');
		expect(tokens.map((t) => t.text)).toEqual(['Moscow', 'and', 'Beijing', 'U.S.', 'ties', 'with', "O'Brien"]);
		expect(tokens[0].possessive).toBe(true);
		expect(tokens[3].upper).toBe(true);
	});

	it('marks sentence, line and quotation starts, but not after a title’s dot', () => {
		const tokens = tokenList('He met Mr. Varga. Then "Maybe" he said.\nNext line');
		const initial = tokens.filter((t) => t.initial).map((t) => t.text);
		expect(initial).toEqual(['He', 'Then', 'Maybe', 'Next']);
	});

	it('marks headline lines written in capitals', () => {
		const tokens = tokenList('MINISTERS MEET IN SEOUL\nThe ministers met.');
		expect(tokens.filter((t) => t.capsLine).map((t) => t.text)).toEqual(['MINISTERS', 'MEET', 'IN', 'SEOUL']);
	});

	it('gives spelling variants one key', () => {
		expect(nameKey('Kim Jong-un')).toBe(nameKey('Kim Jong Un'));
		expect(nameKey('U.S.')).toBe(nameKey('US'));
		expect(nameKey('São Paulo')).toBe(nameKey('Sao Paulo'));
		expect(nameKey('Kim Jong Il')).not.toBe(nameKey('Kim Jong Un'));
	});
});

describe('mentions on any text', () => {
	const dict = EntityDictionary.from([
		{ name: 'Moscow', type: 'capital', aliases: [], country: 'Russia', metonyms: ['Kremlin'] },
		{ name: 'Vladimir Putin', type: 'person', aliases: ['Putin'] },
		{ name: 'sanctions', type: 'concept', aliases: [] },
	]);
	const pieces = fc.constantFrom('Moscow', 'Moscow’s', 'the Kremlin', 'Putin', 'Vladimir Putin', 'sanctions', 'SANCTION', ' ', '. ', '\n', '-', 'and', 'É', '😀', '"', "'s", 'U.S.');
	const texts = fc.array(pieces, { maxLength: 40 }).map((p) => p.join(''));

	it('reports ordered, non-overlapping spans that slice back to their surface', () => {
		fc.assert(
			fc.property(texts, (text) => {
				let last = 0;
				for (const m of findMentions(text, dict)) {
					expect(text.slice(m.start, m.end)).toBe(m.surface);
					expect(m.start).toBeGreaterThanOrEqual(last);
					last = m.end;
				}
			}),
		);
	});

	it('never throws in discovery and keeps offsets true', () => {
		fc.assert(
			fc.property(fc.array(texts, { minLength: 1, maxLength: 4 }), (list) => {
				const docs = list.map((text, i) => ({ id: String(i), text }));
				const { mentions } = discoverEntities(docs, { includeSingletons: true });
				for (const d of docs) for (const m of mentions.get(d.id) ?? []) expect(d.text.slice(m.start, m.end)).toBe(m.surface);
			}),
			{ numRuns: 60 },
		);
	});
});
