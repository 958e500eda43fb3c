// The written-out link-syntax remover against the regular expressions it replaces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { display } from '../../../src/core/link/records';
import { linkNote, planLinks } from '../../../src/core/link/index';
import { makeIndex, note } from './gen';

const RUNS = Number(process.env.ENVOY_FUZZ_RUNS ?? 400);

const reference = (s: string): string =>
	s.indexOf('[') < 0
		? s
		: s
				.replace(/!?\[\[([^[\]|\\\n]*)(?:\\?\|([^[\]\n]*))?\]\]/g, (_m, t: string, a?: string) => a ?? t)
				.replace(/!?\[([^[\]\n]*)\]\([^)\s]*\)/g, '$1');

const piece = fc.constantFrom('[', ']', '[[', ']]', '(', ')', '!', '|', '\\', '\\|', '\n', ' ', '\u00a0', 'a', 'Moscow', 'x.md', '%20', '#h', '^b');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

describe('display (link syntax removed)', () => {
	it('reads like the reference regular expressions on any mix of link syntax', () => {
		fc.assert(
			fc.property(text, (s) => {
				expect(display(s)).toBe(reference(s));
			}),
			{ numRuns: RUNS * 10 },
		);
	});

	it.each([
		['[[Moscow]] and ![[Korea|the peninsula]]', 'Moscow and the peninsula'],
		['[[Kim\\|Kim Jong Un]] said', 'Kim Jong Un said'],
		['[[[a]]', '[a'],
		['see [the city](Moscow.md) and ![x](y.png)', 'see the city and x'],
		['[a](b c) [[a|]] [[]]', '[a](b c)  '],
	])('%s', (input, expected) => {
		expect(display(input)).toBe(expected);
		expect(reference(input)).toBe(expected);
	});
});

describe('record context', () => {
	const index = makeIndex();
	it('is the text around the link as it reads, 16 characters each side (the fast path included)', () => {
		fc.assert(
			fc.property(note, (md) => {
				const ins = planLinks(md, index, { scope: 'every' });
				const { records } = linkNote(md, index, { scope: 'every' });
				expect(records).toHaveLength(ins.length);
				ins.forEach((x, k) => {
					expect(records[k].before).toBe(display(md.slice(Math.max(0, x.start - 160), x.start)).slice(-16));
					expect(records[k].after).toBe(display(md.slice(x.end, x.end + 160)).slice(0, 16));
				});
			}),
			{ numRuns: RUNS },
		);
	});
});
