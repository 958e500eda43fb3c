// Model test: any sequence of imports, reader edits and reader-made notes never loses the reader's work.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readProperties, splitNote } from '../../../src/core/import/frontmatter';
import { importSources, type SourceFile } from '../../../src/core/import/run';
import type { Article } from '../../../src/core/types';
import { article, OTHER_PARAGRAPHS, paragraphs, PARAGRAPHS, republished } from './fixtures';
import { MemoryStore } from './memory-store';

const FOLDER = 'Envoy/Articles';
const enc = (s: string) => new TextEncoder().encode(s);

/** Source texts: `Title: …` then paragraphs; version 1 adds a closing paragraph. */
const STORIES: Record<string, { title: string; body: string[] }> = {
	'a.txt': { title: 'Fishing talks', body: PARAGRAPHS },
	'b.txt': { title: 'A consulate', body: OTHER_PARAGRAPHS },
	'c.txt': { title: 'Fishing talks', body: republished() },
	'd.txt': { title: 'CON', body: ['Completely different words about lighthouses, ferries and the winter timetable of island boats in the northern archipelago, told at length.'] },
};

function sourceFile(name: string, version: number): SourceFile {
	const story = STORIES[name];
	const body = version === 0 ? story.body : [...story.body, `A closing paragraph, revision ${version}.`];
	return { name, bytes: enc(`Title: ${story.title}\n\n${body.join('\n\n')}`) };
}

function extract(text: string): Article {
	const [head, ...rest] = text.split('\n\n');
	return article({ title: head.replace(/^Title: /, ''), blocks: paragraphs(rest) });
}

type Action =
	| { kind: 'import'; files: [string, number][] }
	| { kind: 'editBody'; pick: number }
	| { kind: 'editProps'; pick: number }
	| { kind: 'ownNote'; title: string };

const action: fc.Arbitrary<Action> = fc.oneof(
	fc.record({
		kind: fc.constant('import' as const),
		files: fc.uniqueArray(fc.tuple(fc.constantFrom(...Object.keys(STORIES)), fc.integer({ min: 0, max: 2 })), { selector: ([n]) => n, maxLength: 4 }),
	}),
	fc.record({ kind: fc.constant('editBody' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('editProps' as const), pick: fc.nat() }),
	fc.record({ kind: fc.constant('ownNote' as const), title: fc.constantFrom('Fishing talks', 'A consulate', 'CON_', 'Fishing talks 2') }),
);

describe('importSources, model', () => {
	it('never changes a reader-made note, never loses a body edit or a property, never deletes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(action, { maxLength: 12 }), async (actions) => {
				const store = new MemoryStore();
				const ownNotes = new Map<string, string>();
				const editedBodies = new Map<string, string>();
				const ownProps = new Set<string>();
				let day = 1;
				for (const act of actions) {
					const envoyNotes = [...store.files.keys()].filter((p) => !ownNotes.has(p)).sort();
					const pick = (n: number) => (envoyNotes.length ? envoyNotes[n % envoyNotes.length] : null);
					if (act.kind === 'ownNote') {
						const path = `${FOLDER}/${act.title}.md`;
						if (![...store.files.keys()].some((p) => p.toLowerCase() === path.toLowerCase())) {
							store.files.set(path, `# ${act.title}\n\nMy own note.`);
							ownNotes.set(path, `# ${act.title}\n\nMy own note.`);
						}
					} else if (act.kind === 'editBody') {
						const path = pick(act.pick);
						if (path) {
							const edited = `${store.files.get(path) ?? ''}\nReader's line ${day}.\n`;
							store.files.set(path, edited);
							editedBodies.set(path, splitNote(edited).body);
						}
					} else if (act.kind === 'editProps') {
						const path = pick(act.pick);
						if (path && !ownProps.has(path)) {
							store.files.set(path, (store.files.get(path) ?? '').replace(/^---\n/, '---\nmine: kept\n'));
							ownProps.add(path);
						}
					} else {
						const before = new Set(store.files.keys());
						const { report } = await importSources(
							act.files.map(([n, v]) => sourceFile(n, v)),
							store,
							{ folder: FOLDER, today: `2026-01-${String(day++).padStart(2, '0')}`, extract },
						);
						expect(report.map((r) => r.source)).toEqual(act.files.map(([n]) => n));
						for (const r of report) {
							if (r.status === 'created' || r.status === 'updated' || r.status === 'unchanged') expect(r.path).toMatch(/^Envoy\/Articles\/.+\.md$/);
							else expect(r.path).toBeNull();
							if (r.status === 'duplicate') expect(r.duplicateOf).toMatch(/^Envoy\/Articles\//);
						}
						for (const path of before) expect(store.files.has(path)).toBe(true);
					}
					for (const [path, content] of ownNotes) expect(store.files.get(path)).toBe(content);
					for (const [path, body] of editedBodies) expect(splitNote(store.files.get(path) ?? '').body).toBe(body);
					for (const path of ownProps) expect(readProperties(store.files.get(path) ?? '')?.mine).toBe('kept');
				}
			}),
			{ numRuns: 150 },
		);
	});
});
