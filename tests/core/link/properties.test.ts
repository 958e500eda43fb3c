import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkIndex, linkNote, planLinks, protectedRanges, unlinkNote, type LinkOptions, type LinkTarget } from '../../../src/core/link/index';
import { TARGETS, makeIndex, note } from './gen';
import { blockShape, countLinks, proseMask } from './remark';

const index = makeIndex();
const RUNS = Number(process.env.ENVOY_FUZZ_RUNS ?? 400);
const isSpace = (c: string): boolean => /\s/.test(c);

const options = fc.record({
	scope: fc.constantFrom<LinkOptions['scope']>('note', 'paragraph', 'every'),
	linkHeadings: fc.boolean(),
	format: fc.constantFrom<LinkOptions['format']>('wikilink', 'markdown'),
	selfNote: fc.constantFrom(undefined, 'Moscow'),
});

describe('protected-region scanner agrees with remark', () => {
	it('every unprotected non-blank offset lies in a remark text node outside links, code and HTML', () => {
		fc.assert(
			fc.property(note, (md) => {
				const mask = proseMask(md);
				const prot = protectedRanges(md);
				let k = 0;
				for (let i = 0; i < md.length; i++) {
					while (k < prot.length && prot[k][1] <= i) k++;
					if (k < prot.length && prot[k][0] <= i) continue;
					if (isSpace(md[i])) continue;
					if (mask[i] !== 1) throw new Error(`offset ${i} (${JSON.stringify(md.slice(Math.max(0, i - 15), i + 15))}) is not remark prose`);
				}
			}),
			{ numRuns: RUNS * 2 },
		);
	});
});

describe('linking properties', () => {
	it('links only unprotected text (quote markers of a line break inside a name excepted)', () => {
		fc.assert(
			fc.property(note, options, (md, opts) => {
				const prot = protectedRanges(md);
				for (const x of planLinks(md, index, opts))
					for (const [s, e] of prot) {
						if (x.end <= s || x.start >= e) continue;
						// The only protected bytes a link may swallow: the quote markers that open a continuation line.
						expect(x.start < s && e < x.end).toBe(true);
						expect(md.slice(s, e)).toMatch(/^[ \t]*>[ \t>]*$/);
						expect(md.slice(x.start, s)).toMatch(/\n$/);
					}
			}),
			{ numRuns: RUNS },
		);
	});

	it('is idempotent, reversible byte for byte, and keeps the block structure', () => {
		fc.assert(
			fc.property(note, options, (md, opts) => {
				const once = linkNote(md, index, opts);
				expect(once.added).toBe(once.records.length);
				const twice = linkNote(once.text, index, opts);
				expect(twice.added).toBe(0);
				expect(twice.text).toBe(once.text);
				const back = unlinkNote(once.text, once.records);
				expect(back.text).toBe(md);
				expect(back.remaining).toEqual([]);
				// Footnote definitions are GFM; the reference remark (no GFM) reads them as link definitions.
				if (!md.includes('[^')) expect(blockShape(once.text)).toBe(blockShape(md));
				// A JSON round trip of the records (the ledger) changes nothing.
				expect(unlinkNote(once.text, JSON.parse(JSON.stringify(once.records))).text).toBe(md);
			}),
			{ numRuns: RUNS },
		);
	});

	it('every markdown-format link it adds is a link to remark', () => {
		fc.assert(
			fc.property(note, (md) => {
				fc.pre(!md.includes('[^')); // footnotes are GFM, which the reference remark here lacks
				const once = linkNote(md, index, { scope: 'every', linkHeadings: true, format: 'markdown' });
				expect(countLinks(once.text)).toBe(countLinks(md) + once.added);
			}),
			{ numRuns: RUNS },
		);
	});

	it('unlink survives edits elsewhere in the note and leaves user links alone', () => {
		fc.assert(
			fc.property(note, fc.constantFrom('Intro line with [[Moscow]] by the user.\n\n', '# New heading\n\n'), (body, head) => {
				// A note that is nothing but the link has no context to tell it from the user's identical link
				// (unlink then leaves both, by design); real notes open with something.
				const md = 'Notes on the talks.\n\n' + body;
				const once = linkNote(md, index, { scope: 'every', linkHeadings: false, format: 'wikilink' });
				const edited = head + once.text + '\n\nA new [[Korea]] paragraph.\n';
				const back = unlinkNote(edited, once.records);
				expect(back.text).toBe(head + md + '\n\nA new [[Korea]] paragraph.\n');
				expect(back.removed).toBe(once.added);
			}),
			{ numRuns: RUNS },
		);
	});
});

describe('incremental index', () => {
	// Targets that overlap in words, share first words and differ only by case or tail.
	const pool: LinkTarget[] = [
		...TARGETS,
		{ note: 'Kim Jong Il', names: ['Kim Jong Il', 'Kim'] },
		{ note: 'Korea', names: ['Korea', 'South Korea'] },
		{ note: 'US', names: ['US', 'U.S.', 'U.S'] },
		{ note: 'Putin', names: ['Putin'] },
		{ note: 'sanctions regime', names: ['sanctions regime', 'sanctions'] },
		{ note: 'Beijing', names: ['Peking'] },
	];
	const op = fc.oneof(
		fc.record({ set: fc.constantFrom(...pool) }),
		fc.record({ remove: fc.constantFrom(...pool.map((t) => t.note)) }),
	);

	it('after any sequence of set and remove, links exactly like an index built from the final targets', () => {
		fc.assert(
			fc.property(fc.array(op, { maxLength: 30 }), note, options, (ops, md, opts) => {
				const live = new LinkIndex();
				const final = new Map<string, LinkTarget>();
				for (const o of ops) {
					if ('set' in o) {
						live.set(o.set);
						final.set(o.set.note, o.set);
					} else {
						live.remove(o.remove);
						final.delete(o.remove);
					}
				}
				const fresh = new LinkIndex([...final.values()]);
				expect(planLinks(md, live, opts)).toEqual(planLinks(md, fresh, opts));
				expect(live.size).toBe(fresh.size);
			}),
			{ numRuns: RUNS },
		);
	});
});
