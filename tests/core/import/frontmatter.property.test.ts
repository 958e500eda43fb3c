// The direct YAML writer must write exactly what `yaml` writes, or leave the value to it.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract';
import { directProperties, splitNote, stringifyYaml, writeProperties, type Properties } from '../../../src/core/import/frontmatter';
import { renderArticleNote, sourceHash } from '../../../src/core/import/render';

const viaYaml = (props: Properties) => stringifyYaml(new Document(props));

// Characters that decide quoting: YAML indicators, separators, quotes, escapes, digits, non-ASCII letters.
const TRICKY = [...'aZé ß文ıİ09-_.,;:\'"’‘“”()[]{}&*!|>%@`#?~=+/\\–—…\t\u00a0\u2028\u0085\ufeff', '\n', ' ', ' ', 'e', 'x', 'yes', 'no', 'null', 'true', ': ', ' #', '[['];
const tricky = fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((parts) => parts.join(''));
// Realistic values: names, titles, dates, digests, file names, links.
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][a-zà-ÿ'’-]{0,8}$/);
const realistic = fc.oneof(
	fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')),
	fc.tuple(word, word).map(([a, b]) => `${a}: ${b}`),
	fc.tuple(word, word).map(([a, b]) => `[[${a} ${b}]]`),
	fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
	fc.stringMatching(/^[0-9a-f]{16}$/),
	fc.stringMatching(/^[0-9]{1,16}$/),
	fc.stringMatching(/^[a-z0-9-]{1,12}\.txt$/),
);
const value = fc.oneof(tricky, realistic);
const key = fc.oneof(fc.constantFrom('title', 'authors', 'source_hash', 'envoy_props_hash', 'published', 'tags'), tricky);
const props = fc.dictionary(key, fc.oneof(value, fc.array(value, { maxLength: 4 }), fc.integer(), fc.boolean()), { maxKeys: 8 });

describe('writeProperties', () => {
	it('writes the bytes yaml writes, for any properties', () => {
		fc.assert(
			fc.property(props, (p) => {
				expect(writeProperties(p)).toBe(viaYaml(p));
			}),
			{ numRuns: 3000 },
		);
	});

	it('writes realistic properties directly, and the same bytes', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom('title', 'authors', 'source', 'source_hash', 'published', 'topics'), fc.oneof(realistic, fc.array(realistic, { minLength: 1, maxLength: 4 })), { minKeys: 1 }), (p) => {
				const direct = directProperties(p);
				if (direct !== null) expect(direct).toBe(viaYaml(p));
				return true;
			}),
			{ numRuns: 2000 },
		);
	});

	it('takes the direct path for the properties of a typical note', () => {
		const note: Properties = {
			title: 'Moscow’s turn: a letter to four capitals',
			authors: ['[[Jane Doe-Smith]]'],
			published: '2026-03-09',
			publisher: 'The Review',
			outlets: ['The Review', 'Pacific Ledger'],
			source: 'pacific-ledger.txt',
			source_hash: '881e45abe24dda0d',
			imported: '2026-12-01',
		};
		expect(directProperties(note)).toBe(viaYaml(note));
	});

	it('leaves numbers, booleans, multi-line and escaped strings to yaml', () => {
		for (const p of [{ n: 1 }, { b: true }, { s: 'two\nlines' }, { s: 'a "quote": here' }, { s: '1234' }, { s: '12e4' }, { s: 'back\\slash: x' }, {}])
			expect(directProperties(p)).toBeNull();
	});
});

describe('properties of notes made from real pages', () => {
	const dirs = ['samples/raw', '../shared/bench/extraction/raw', '../shared/seeds'].filter((d) => existsSync(d));
	it.each(dirs)('are written as yaml writes them, for every page in %s', (dir) => {
		let direct = 0;
		const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
		for (const file of files) {
			const text = readFileSync(join(dir, file), 'utf8');
			const note = renderArticleNote(extractArticle(text), { source: file, sourceHash: sourceHash(text), imported: '2026-12-01' });
			const yaml = `${splitNote(note).yaml ?? ''}\n`;
			const props = parse(yaml) as Properties;
			expect(yaml, file).toBe(viaYaml(props));
			if (directProperties(props) !== null) direct++;
		}
		expect(files.length).toBeGreaterThan(0);
		// Most real notes take the direct path, or this test would say little about it.
		expect(direct / files.length).toBeGreaterThan(0.5);
	});
});
