import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessagesIndex, parseSourceNote } from '../../../src/core/messages';
import type { MessagesModel } from '../../../src/core/types';
import { CAPITALS } from './crude-notes';
import { messagesIn, noteText, summary } from './helpers';

function build(notes: Map<string, string>, capitals = CAPITALS): MessagesIndex {
	const index = new MessagesIndex();
	index.setCapitals(capitals);
	for (const [path, md] of notes) index.upsert(parseSourceNote(path, md));
	return index;
}

describe('republished copies', () => {
	const text = ['[[Moscow]] is sending a message to [[Tokyo]] about the islands.'];

	it('count once when the same text is in two notes, the earliest kept', () => {
		const ms = messagesIn({ 'b.md': noteText(text, { published: '2020-02-01' }), 'a.md': noteText(text, { published: '2020-03-01' }) });
		expect(ms).toHaveLength(1);
		expect(ms[0].note).toBe('b.md');
		expect(ms[0].alsoIn).toEqual([{ note: 'a.md', block: 'b0' }]);
	});

	it('count once when a note declares itself a duplicate, and again when its original goes', () => {
		const index = build(new Map([
			['orig.md', noteText(['The message to [[Tokyo]] is blunt: no deal.'])],
			['copy.md', noteText(['The message to [[Tokyo]] is blunt, and there is no deal.'], { envoy_duplicate_of: '"[[orig]]"' })],
		]));
		const notesOf = (m: MessagesModel): string[] => m.capitals.flatMap((s) => s.messages.map((x) => x.note));
		expect(notesOf(index.model())).toEqual(['orig.md']);
		index.remove('orig.md');
		expect(notesOf(index.model())).toEqual(['copy.md']);
	});
});

describe('incremental index', () => {
	it('renames and removes without a rebuild', () => {
		const index = build(new Map([['a.md', noteText(['[[Moscow]] expects [[Seoul]] to wait.'], { title: '' })]]));
		index.rename('a.md', 'Folder/b.md');
		const [m] = index.model().capitals.flatMap((s) => s.messages);
		expect([m.note, m.title]).toEqual(['Folder/b.md', 'b']);
		index.remove('Folder/b.md');
		expect(index.model().capitals.every((s) => s.messages.length === 0)).toBe(true);
	});

	it('keeps a section per capital, including those without messages', () => {
		const model = build(new Map([['a.md', noteText(['[[Moscow]] expects [[Seoul]] to wait.'])]])).model();
		expect(model.capitals.map((s) => [s.capital, s.messages.length])).toEqual([['Seoul', 1], ['Beijing', 0], ['Moscow', 0], ['Pyongyang', 0], ['Tokyo', 0], ['Washington', 0]]);
		expect(model.capitals[0]).toMatchObject({ note: 'Entities/Seoul.md', country: 'South Korea' });
	});

	const SENTENCES = [
		'[[Moscow]] is sending messages to [[Seoul]] and [[Tokyo]].',
		'The message to [[Tokyo]] is different.',
		'Sanctions have a price for everyone.',
		'[[Beijing]] expects [[Washington]] to back down.',
		'Talks were held in [[Pyongyang]].',
		'To [[Beijing]], [[Moscow]] can be a friend, but not a follower.',
		'[[Japan]] must choose.',
		'The economy grew.',
	];
	const noteArb = fc.record({
		paragraphs: fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 5 }),
		published: fc.constantFrom('2020-01-01', '2021-05-05'),
		dup: fc.constantFrom(null, 'n0', 'n1'),
		mark: fc.constantFrom(null, '["^b0 > Tokyo"]', '["^b1 > Seoul"]'),
		dismiss: fc.constantFrom(null, '["^b0 > Seoul"]'),
	}).map(({ paragraphs, published, dup, mark, dismiss }) => {
		const fm: Record<string, string> = { published };
		if (dup) fm.envoy_duplicate_of = dup;
		if (mark) fm.envoy_messages = mark;
		if (dismiss) fm.envoy_dismissed = dismiss;
		return noteText(paragraphs, fm);
	});
	const path = fc.constantFrom('n0.md', 'n1.md', 'd/n2.md', 'n3.md');
	const op = fc.oneof(
		fc.record({ kind: fc.constant('upsert' as const), path, md: noteArb }),
		fc.record({ kind: fc.constant('remove' as const), path }),
		fc.record({ kind: fc.constant('rename' as const), path, to: path }),
		fc.record({ kind: fc.constant('capitals' as const), drop: fc.integer({ min: 0, max: CAPITALS.length }) }),
	);

	it('equals a full rebuild after any sequence of edits (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(op, fc.boolean()), { maxLength: 25 }), (steps) => {
				const index = new MessagesIndex();
				let capitals = CAPITALS;
				index.setCapitals(capitals);
				const files = new Map<string, string>();
				for (const [o, showAllMentions] of steps) {
					if (o.kind === 'upsert') {
						files.set(o.path, o.md);
						index.upsert(parseSourceNote(o.path, o.md));
					} else if (o.kind === 'remove') {
						files.delete(o.path);
						index.remove(o.path);
					} else if (o.kind === 'rename') {
						const md = files.get(o.path);
						if (md === undefined || files.has(o.to)) continue;
						files.delete(o.path);
						files.set(o.to, md);
						index.rename(o.path, o.to);
					} else {
						capitals = CAPITALS.filter((_, i) => i !== o.drop);
						index.setCapitals(capitals);
					}
					// Reading the model (in either mode) between edits exercises the per-capital caches and their patching.
					index.model({ showAllMentions });
				}
				const fresh = build(files, capitals);
				expect(index.model({ showAllMentions: true })).toEqual(fresh.model({ showAllMentions: true }));
				expect(index.model()).toEqual(fresh.model());
			}),
			{ numRuns: 300 },
		);
	});

	it('re-detects nothing but the changed note', () => {
		const index = build(new Map([['a.md', noteText(['[[Moscow]] expects [[Seoul]] to wait.'])], ['b.md', noteText(['[[Beijing]] must choose.'])]]));
		const before = index.model();
		index.upsert(parseSourceNote('b.md', noteText(['[[Beijing]] must choose now.'])));
		const after = index.model();
		// The untouched capital's section is the same object: it came from the cache.
		expect(after.capitals.find((s) => s.capital === 'Seoul')).toBe(before.capitals.find((s) => s.capital === 'Seoul'));
		expect(summary(after.capitals.flatMap((s) => s.messages))).toEqual(['Beijing<-?@b0', 'Seoul<-Moscow@b0']);
	});
});
