import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanNoteName, joinVaultPath, safeNoteName } from '../../../src/core/import/names';

const FORBIDDEN = /[*"\\/<>:|?#^[\]]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/i;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string) => !LONE_SURROGATE.test(s);

function assertSafe(name: string, maxLength: number): void {
	expect(name.length).toBeGreaterThan(0);
	expect(name.length).toBeLessThanOrEqual(maxLength);
	expect(name).not.toMatch(FORBIDDEN);
	expect(name).not.toMatch(/[\p{Cc}\p{Cf}]/u);
	expect(name).not.toMatch(/^[\s.]|[\s.]$/u);
	expect(name).not.toMatch(RESERVED);
	expect(`${name}.md`).not.toMatch(RESERVED);
	expect(wellFormed(name)).toBe(true);
	expect(new TextEncoder().encode(`${name}.md`).length).toBeLessThanOrEqual(255);
}

describe('safeNoteName', () => {
	it('keeps ordinary titles readable', () => {
		expect(safeNoteName('Iran: The deal that never was', new Set())).toBe('Iran - The deal that never was');
		expect(safeNoteName('Who pays? A/B test of "tariffs"', new Set())).toBe("Who pays A-B test of 'tariffs'");
		expect(safeNoteName('Président Macron à Pékin', new Set())).toBe('Président Macron à Pékin');
	});

	it('removes link syntax, controls and bidi overrides', () => {
		expect(safeNoteName('[[Link]] #tag ^block | pipe', new Set())).toBe('Link tag block - pipe');
		expect(safeNoteName('evil\u202Etxt.exe\u0000\u0007', new Set())).toBe('eviltxt.exe');
	});

	it('never yields a reserved Windows device name', () => {
		for (const t of ['CON', 'con', 'Nul', 'aux.txt', 'COM1', 'lpt9', 'COM¹', 'prn .md', 'LPT0']) {
			assertSafe(safeNoteName(t, new Set()), 120);
		}
		expect(safeNoteName('CON', new Set())).toBe('CON_');
		expect(safeNoteName('Con artists abroad', new Set())).toBe('Con artists abroad');
	});

	it('falls back to Untitled for titles with nothing usable', () => {
		for (const t of ['', '   ', '...', '???', '\u0000\u0001', '. . .', '[[]]', '\u200B']) expect(safeNoteName(t, new Set())).toBe('Untitled');
		expect(safeNoteName('', new Set(['untitled']))).toBe('Untitled 2');
	});

	it('cannot climb out of its folder', () => {
		for (const t of ['../../etc/passwd', '..', '.', '..\\..\\Windows\\system32', '/absolute/path', 'C:\\Users\\x', '~/.ssh/id_rsa', 'a/../../b']) {
			const name = safeNoteName(t, new Set());
			assertSafe(name, 120);
			expect(joinVaultPath('Envoy/Articles', `${name}.md`)).toMatch(/^Envoy\/Articles\/[^/]+\.md$/);
		}
		expect(safeNoteName('../../etc/passwd', new Set())).toBe('etc-passwd');
	});

	it('is unique case-insensitively with numbered suffixes', () => {
		const taken = new Set(['summit in kalmar', 'summit in kalmar 2']);
		expect(safeNoteName('Summit in Kalmar', taken)).toBe('Summit in Kalmar 3');
		expect(safeNoteName('SUMMIT IN KALMAR', new Set(['summit in kalmar']))).toBe('SUMMIT IN KALMAR 2');
	});

	it('cuts long titles by code points, at a word break when there is one, leaving room for the suffix', () => {
		const long = 'word '.repeat(60);
		const name = safeNoteName(long, new Set());
		expect(name.length).toBeLessThanOrEqual(120);
		expect(name.endsWith('word')).toBe(true);
		const emoji = '😀'.repeat(100);
		const cut = safeNoteName(emoji, new Set(), 21);
		expect(wellFormed(cut)).toBe(true);
		expect(cut.length).toBeLessThanOrEqual(21);
		const withSuffix = safeNoteName(long, new Set([name.toLowerCase()]));
		expect(withSuffix.length).toBeLessThanOrEqual(120);
		expect(withSuffix).toMatch(/ 2$/);
	});

	it('keeps CJK names within file-system byte limits', () => {
		const name = safeNoteName('北京'.repeat(100), new Set());
		expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(140);
	});

	it('property: always safe, bounded, unique and deterministic', () => {
		const title = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 300 }),
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc.string({ unit: fc.constantFrom('.', ' ', '/', '\\', ':', 'a', 'C', 'O', 'N', '1', '#', '^', '[', ']', '\u0000', '\uD800', '😀', 'é'), maxLength: 40 }),
			fc.constantFrom('CON', 'con.txt', 'LPT1', '..', '.', ''),
		);
		fc.assert(
			fc.property(title, fc.array(title, { maxLength: 5 }), fc.integer({ min: 8, max: 200 }), (t, others, max) => {
				const taken = new Set(others.map((o) => cleanNoteName(o, max).toLowerCase()));
				taken.add(cleanNoteName(t, max).toLowerCase());
				const name = safeNoteName(t, taken, max);
				assertSafe(name, max);
				expect(taken.has(name.toLowerCase())).toBe(false);
				expect(safeNoteName(t, taken, max)).toBe(name);
				const path = joinVaultPath('Envoy/Articles', `${name}.md`);
				expect(path.startsWith('Envoy/Articles/')).toBe(true);
				expect(path.slice('Envoy/Articles/'.length)).toBe(`${name}.md`);
			}),
			{ numRuns: 2000 },
		);
	});
});

describe('joinVaultPath', () => {
	it('normalises slashes and dot segments without leaving the vault', () => {
		expect(joinVaultPath('Envoy/Articles/', 'A.md')).toBe('Envoy/Articles/A.md');
		expect(joinVaultPath('\\Envoy\\\\Articles\\', 'A.md')).toBe('Envoy/Articles/A.md');
		expect(joinVaultPath('./Envoy/./x/../Articles', 'A.md')).toBe('Envoy/Articles/A.md');
		expect(joinVaultPath('../../..', 'A.md')).toBe('A.md');
		expect(joinVaultPath('', 'A.md')).toBe('A.md');
		expect(joinVaultPath('/', 'A.md')).toBe('A.md');
		expect(joinVaultPath('Envoy', '../../A.md')).toBe('Envoy/A.md');
	});

	it('property: the joined path always stays inside the folder', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('.', '/', '\\', 'a', ' '), maxLength: 30 }), (name) => {
				const path = joinVaultPath('Notes', name);
				expect(path === 'Notes' || path.startsWith('Notes/')).toBe(true);
				expect(path.split('/')).not.toContain('..');
			}),
		);
	});
});
