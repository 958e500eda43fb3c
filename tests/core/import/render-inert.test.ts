// The fast path for plain prose must write exactly what the serializer's escaping would.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract';
import { hash64 } from '../../../src/core/import/hash';
import { bodyHash, isInertProse, renderBody } from '../../../src/core/import/render';
import type { ArticleBlock } from '../../../src/core/types';

const paragraph = (text: string): ArticleBlock => ({ kind: 'paragraph', text });

// Every character class the check admits, plus near misses it must refuse.
const ADMITTED = ['a', 'Z', 'é', 'Ж', '한', 'ß', '7', '٣', '\u0301', ' ', '.', ',', ';', ':', '!', '?', "'", '"', '’', '‘', '“', '”', '(', ')', '–', '—', '-', '/', '%', '@', '…', '+', '«', '»'];
const REFUSED = ['#', '*', '_', '[', ']', '<', '>', '`', '\\', '&', '$', '=', '~', '^', '|', '{', '}', '\t', '\u00a0', '😀', '\u007f'];
const admitted = fc.array(fc.constantFrom(...ADMITTED), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
const mixed = fc.array(fc.constantFrom(...ADMITTED, ...ADMITTED, ...REFUSED), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));
const prose = fc.oneof(admitted, mixed);
const starts = fc.constantFrom('A', 'k', '“', '"', "'", '1', '-', '+', '(', '#', ' ', 'É');
const candidate = fc.tuple(starts, prose).map(([a, b]) => a + b);

describe('inert prose', () => {
	it('is written exactly as the serializer would write it, whatever the text', () => {
		let inert = 0;
		let total = 0;
		fc.assert(
			fc.property(fc.array(candidate, { minLength: 1, maxLength: 4 }), (texts) => {
				const blocks = texts.map(paragraph);
				for (const text of texts) {
					total++;
					if (isInertProse(text.trim())) inert++;
				}
				expect(renderBody(blocks)).toBe(renderBody(blocks, { inertProse: false }));
			}),
			{ numRuns: 3000 },
		);
		// The fast path must really have been taken often, or the property says nothing about it.
		expect(inert / total).toBeGreaterThan(0.15);
	});

	it('writes a body of any blocks exactly as the serializer would', () => {
		const block: fc.Arbitrary<ArticleBlock> = fc.oneof(
			candidate.map(paragraph),
			fc.tuple(fc.constantFrom(2 as const, 3 as const, 4 as const), candidate).map(([depth, text]): ArticleBlock => ({ kind: 'heading', depth, text })),
			fc.tuple(fc.boolean(), fc.array(candidate, { minLength: 1, maxLength: 12 })).map(([ordered, items]): ArticleBlock => ({ kind: 'list', ordered, items })),
			candidate.map((text): ArticleBlock => ({ kind: 'quote', text })),
		);
		let direct = 0;
		fc.assert(
			fc.property(fc.array(block, { minLength: 1, maxLength: 6 }), (blocks) => {
				const fast = renderBody(blocks);
				expect(fast).toBe(renderBody(blocks, { inertProse: false }));
				if (blocks.every((b) => b.kind !== 'quote')) direct++;
			}),
			{ numRuns: 3000 },
		);
		expect(direct).toBeGreaterThan(300);
	});

	it('admits ordinary news prose and refuses what could become markup', () => {
		expect(isInertProse('Moscow’s “message” to Seoul (and Tokyo) is clear: 40% of trade — in 2024, too!')).toBe(true);
		expect(isInertProse('Kim Jong-un met U.S. officials on 12/06 at 9 a.m.; talks went on.')).toBe(true);
		for (const text of ['1990. That year', '- a list', '+ plus', '# heading', 'A *star*', 'Costs $5', 'a [link]', 'AT&T', '50%% off', 'two  spaces', 'trailing ', 'x = y', 'a <b> tag', '']) {
			expect(isInertProse(text)).toBe(false);
		}
	});

	it('keeps the serializer for quotes, headings and lists', () => {
		const blocks: ArticleBlock[] = [
			{ kind: 'heading', depth: 2, text: 'A plain heading' },
			{ kind: 'quote', text: '“A plain quote.”' },
			{ kind: 'list', ordered: false, items: ['First plain item', 'Second plain item'] },
			{ kind: 'list', ordered: false, items: ['Another list right after'] },
			paragraph('A plain paragraph after the lists.'),
		];
		expect(renderBody(blocks)).toBe(renderBody(blocks, { inertProse: false }));
	});
});

describe('inert prose on real pages', () => {
	const dirs = ['samples/raw', '../shared/bench/extraction/raw', '../shared/seeds'].filter((d) => existsSync(d));
	it.each(dirs)('renders every page in %s exactly as the serializer would', (dir) => {
		let pages = 0;
		for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
			const { blocks } = extractArticle(readFileSync(join(dir, file), 'utf8'));
			expect(renderBody(blocks), file).toBe(renderBody(blocks, { inertProse: false }));
			pages++;
		}
		expect(pages).toBeGreaterThan(0);
	});
});

describe('bodyHash', () => {
	// The definition stored hashes were made with; the fast version skips steps that cannot change anything.
	const reference = (body: string) =>
		hash64(
			body
				.replace(/\r\n?/g, '\n')
				.replace(/(?<!\\)!?\[\[([^\]|\n]*?)(?:\|([^\]\n]*?))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target)
				.split('\n')
				.map((line) => line.trimEnd())
				.join('\n')
				.replace(/\n{3,}/g, '\n\n')
				.trim(),
		);
	const pieces = fc.constantFrom('a', 'Seoul', ' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u3000', '\u2028', '[[', ']]', '|', '!', '\\', '^x1', 'ü');
	it('equals the reference on any text', () => {
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
				const body = parts.join('');
				expect(bodyHash(body)).toBe(reference(body));
			}),
			{ numRuns: 3000 },
		);
	});
});

