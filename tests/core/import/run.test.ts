import { describe, expect, it } from 'vitest';
import { readProperties, splitNote } from '../../../src/core/import/frontmatter';
import { importSources, type ImportOptions, type SourceFile } from '../../../src/core/import/run';
import type { Article } from '../../../src/core/types';
import { article, OTHER_PARAGRAPHS, paragraphs, PARAGRAPHS, republished } from './fixtures';
import { MemoryStore } from './memory-store';

const FOLDER = 'Envoy/Articles';
const enc = (s: string) => new TextEncoder().encode(s);

/**
 * Stand-in extractor over a tiny text format: `Title:`, `By:`, `Outlet:`, `Date:` header lines, then
 * paragraphs separated by blank lines; lines starting with "Subscribe" are boilerplate.
 */
function fakeExtract(text: string, context?: { sharedLines?: ReadonlySet<string> }): Article {
	const header = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(text)?.[1];
	if (text.includes('EXPLODE')) throw new Error('extractor crashed');
	const body = text
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter((p) => p !== '' && !/^(Title|By|Outlet|Date):/m.test(p) && !p.startsWith('Subscribe') && !context?.sharedLines?.has(p));
	return article({
		title: header('Title') ?? '',
		authors: header('By') ? [header('By') as string] : [],
		publisher: header('Outlet'),
		published: header('Date'),
		blocks: paragraphs(body),
	});
}

function source(name: string, meta: { title: string; by?: string; outlet?: string; date?: string }, body: string[]): SourceFile {
	const head = [`Title: ${meta.title}`, meta.by && `By: ${meta.by}`, meta.outlet && `Outlet: ${meta.outlet}`, meta.date && `Date: ${meta.date}`].filter(Boolean).join('\n');
	return { name, bytes: enc(`${head}\n\n${body.join('\n\n')}\n\nSubscribe to our newsletter`) };
}

/** A paragraph of made-up words that shares no five-word run with another seed's. */
function distinctText(seed: number): string {
	let x = seed * 7919 + 17;
	const words: string[] = [];
	for (let i = 0; i < 60; i++) {
		x = (x * 1103515245 + 12345) % 2147483648;
		words.push(`w${x.toString(36).slice(0, 5)}`);
	}
	return words.join(' ');
}

const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({ folder: FOLDER, today: '2026-11-22', extract: fakeExtract, ...over });

const talks = () => source('kalmar.txt', { title: 'Fishing talks reopen', by: 'Ingrid Halvorsen', outlet: 'Kalmar Courier', date: '2026-03-04' }, PARAGRAPHS);
const consulate = () => source('brenn.txt', { title: 'A consulate in Brenn', outlet: 'Brenn Post' }, OTHER_PARAGRAPHS);

function byStatus(report: { status: string }[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const r of report) counts[r.status] = (counts[r.status] ?? 0) + 1;
	return counts;
}

describe('importSources', () => {
	it('creates one note per article and reports every file once, in order', async () => {
		const store = new MemoryStore();
		const progress: number[] = [];
		const { report, notes } = await importSources([talks(), consulate()], store, options({ onProgress: (d) => progress.push(d) }));
		expect(report.map((r) => [r.source, r.status, r.path])).toEqual([
			['kalmar.txt', 'created', `${FOLDER}/Fishing talks reopen.md`],
			['brenn.txt', 'created', `${FOLDER}/A consulate in Brenn.md`],
		]);
		expect(notes.map((n) => n.status)).toEqual(['created', 'created']);
		expect(progress).toEqual([1, 2]);
		expect(store.folders.has(FOLDER)).toBe(true);
		const note = store.files.get(`${FOLDER}/Fishing talks reopen.md`) ?? '';
		expect(readProperties(note)).toMatchObject({ authors: ['[[Ingrid Halvorsen]]'], published: '2026-03-04', source: 'kalmar.txt', imported: '2026-11-22' });
		expect(splitNote(note).body).not.toContain('Subscribe');
	});

	it('writes nothing on a second run with the same files', async () => {
		const store = new MemoryStore();
		await importSources([talks(), consulate()], store, options());
		const writes = store.writes;
		const { report, notes } = await importSources([talks(), consulate()], store, options({ today: '2026-11-23' }));
		expect(byStatus(report)).toEqual({ unchanged: 2 });
		expect(report[0].path).toBe(`${FOLDER}/Fishing talks reopen.md`);
		expect(notes).toEqual([]);
		expect(store.writes).toBe(writes);
	});

	it('updates an untouched note when its source changed, keeping the reader’s properties', async () => {
		const store = new MemoryStore();
		await importSources([talks()], store, options());
		const path = `${FOLDER}/Fishing talks reopen.md`;
		store.files.set(path, (store.files.get(path) ?? '').replace('imported: 2026-11-22\n', 'imported: 2026-11-22\nstatus: read\n'));
		const changed = source('kalmar.txt', { title: 'Fishing talks reopen', by: 'Ingrid Halvorsen', outlet: 'Kalmar Courier', date: '2026-03-04' }, [...PARAGRAPHS, 'A late addition.']);
		const { report, notes } = await importSources([changed], store, options({ today: '2026-12-01' }));
		expect(report[0]).toMatchObject({ status: 'updated', path });
		expect(notes[0]).toMatchObject({ status: 'updated', path });
		const note = store.files.get(path) ?? '';
		expect(note).toContain('A late addition.');
		expect(readProperties(note)).toMatchObject({ status: 'read', imported: '2026-12-01' });
		expect(store.files.size).toBe(1);
	});

	it('finds its note after the reader renamed or moved it, and after the linker added links', async () => {
		const store = new MemoryStore();
		await importSources([talks()], store, options());
		const note = store.files.get(`${FOLDER}/Fishing talks reopen.md`) ?? '';
		store.files.delete(`${FOLDER}/Fishing talks reopen.md`);
		const moved = `${FOLDER}/2026/Kalmar talks.md`;
		store.files.set(moved, note.replace('harbour city of Kalmar', 'harbour city of [[Kalmar]]').replace('Norland and Vesteria met', '[[Norland (country)|Norland]] and Vesteria met'));
		expect((await importSources([talks()], store, options())).report[0]).toMatchObject({ status: 'unchanged', path: moved });
		// A republished copy is still recognised against the linked note.
		const copy = { name: 'wire.txt', bytes: enc(`Title: Talks reopen\nOutlet: Nordic Wire\n\n${republished().join('\n\n')}`) };
		expect((await importSources([copy], store, options())).report[0]).toMatchObject({ status: 'duplicate', duplicateOf: moved });
		// And a changed source updates it in place: links are not reader edits.
		const changed = source('kalmar.txt', { title: 'Fishing talks reopen', outlet: 'Kalmar Courier' }, [...PARAGRAPHS, 'A late addition.']);
		expect((await importSources([changed], store, options())).report[0]).toMatchObject({ status: 'updated', path: moved });
		expect(readProperties(store.files.get(moved) ?? '')?.sources).toEqual(['kalmar.txt', 'wire.txt']);
		expect(store.files.size).toBe(1);
	});

	it('keeps a note the reader edited and writes the new version beside it', async () => {
		const store = new MemoryStore();
		await importSources([talks()], store, options());
		const path = `${FOLDER}/Fishing talks reopen.md`;
		const edited = `${store.files.get(path) ?? ''}\n## My thoughts\n\nInteresting.\n`;
		store.files.set(path, edited);
		const changed = source('kalmar.txt', { title: 'Fishing talks reopen', outlet: 'Kalmar Courier' }, [...PARAGRAPHS, 'A late addition.']);
		const { report } = await importSources([changed], store, options({ today: '2026-12-01' }));
		const beside = `${FOLDER}/Fishing talks reopen (reimported 2026-12-01).md`;
		expect(report[0]).toMatchObject({ status: 'created', path: beside });
		expect(report[0].reason).toContain('kept');
		expect(store.files.get(path)).toBe(edited);
		expect(store.files.get(beside)).toContain('A late addition.');
		// Run again: the untouched new version is the one kept up to date; no pile of copies.
		const again = await importSources([changed], store, options({ today: '2026-12-02' }));
		expect(again.report[0]).toMatchObject({ status: 'unchanged', path: beside });
		expect(store.files.size).toBe(2);
	});

	it('never overwrites a note Envoy did not make, even with the same name', async () => {
		const mine = '# Fishing talks reopen\n\nMy own summary.';
		const store = new MemoryStore({ [`${FOLDER}/Fishing talks reopen.md`]: mine, [`${FOLDER}/sub/fishing TALKS reopen 2.md`]: 'x' });
		const { report } = await importSources([talks()], store, options());
		expect(report[0]).toMatchObject({ status: 'created', path: `${FOLDER}/Fishing talks reopen 3.md` });
		expect(store.files.get(`${FOLDER}/Fishing talks reopen.md`)).toBe(mine);
	});

	it('writes one note for a republished copy, the richest as canonical, listing every outlet and file', async () => {
		const store = new MemoryStore();
		const bare = { name: 'wire.txt', bytes: enc(`Title: Talks reopen\nOutlet: Nordic Wire\n\n${republished().join('\n\n')}`) };
		const { report, notes } = await importSources([bare, talks(), consulate()], store, options());
		expect(report.map((r) => r.status)).toEqual(['duplicate', 'created', 'created']);
		expect(report[0].duplicateOf).toBe(`${FOLDER}/Fishing talks reopen.md`);
		expect(report[0].path).toBeNull();
		// Read first, this copy was the one matched against; it still gets the shared-text figure.
		expect(report[0].reason).toMatch(/^another copy of Envoy\/Articles\/Fishing talks reopen\.md \(\d+% of the text in common\)$/);
		expect(notes).toHaveLength(2);
		const props = readProperties(store.files.get(`${FOLDER}/Fishing talks reopen.md`) ?? '');
		expect(props).toMatchObject({ outlets: ['Kalmar Courier', 'Nordic Wire'], sources: ['kalmar.txt', 'wire.txt'], source: 'kalmar.txt' });
	});

	it('adds a later copy to the existing note without touching the reader’s edits', async () => {
		const store = new MemoryStore();
		await importSources([talks()], store, options());
		const path = `${FOLDER}/Fishing talks reopen.md`;
		const edited = `${store.files.get(path) ?? ''}\nMy comment.\n`;
		store.files.set(path, edited);
		const copy = { name: 'later/wire.txt', bytes: enc(`Title: Talks reopen\nOutlet: Nordic Wire\n\n${republished().join('\n\n')}`) };
		const { report } = await importSources([copy], store, options());
		expect(report[0]).toMatchObject({ status: 'duplicate', duplicateOf: path, path: null });
		expect(report[0].reason).toMatch(/^another copy of Envoy\/Articles\/Fishing talks reopen\.md \(\d+% of the text in common\)$/);
		const note = store.files.get(path) ?? '';
		expect(readProperties(note)).toMatchObject({ outlets: ['Kalmar Courier', 'Nordic Wire'], sources: ['kalmar.txt', 'later/wire.txt'] });
		expect(note.endsWith('My comment.\n')).toBe(true);
		// Importing the copy again changes nothing.
		const writes = store.writes;
		expect((await importSources([copy], store, options())).report[0].status).toBe('duplicate');
		expect(store.writes).toBe(writes);
	});

	it('reports bad inputs and carries on with the rest of the batch', async () => {
		const store = new MemoryStore();
		const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Title: Unicode file\n\nA paragraph written by a Windows tool in UTF-16.'].flatMap((c) => [c.charCodeAt(0), 0])]);
		const cp1252 = new Uint8Array([...enc('Title: Caf'), 0xe9, ...enc(' talks\r\n\r\nThe caf'), 0xe9, ...enc(' owner said '), 0x93, ...enc('no'), 0x94, ...enc('.\r\n')]);
		const html = enc('<!doctype html><html><head><title>x</title><script>alert(1)</script></head><body><p>Title: From the web</p><p>The page had a paragraph.</p></body></html>');
		const { report } = await importSources(
			[
				{ name: 'empty.txt', bytes: new Uint8Array() },
				{ name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70]) },
				{ name: 'chrome.txt', bytes: enc('Title: Nothing here\n\nSubscribe now') },
				{ name: 'crash.txt', bytes: enc('EXPLODE') },
				{ name: 'utf16.txt', bytes: utf16 },
				{ name: 'cp1252.txt', bytes: cp1252 },
				{ name: 'page.html', bytes: html },
				talks(),
			],
			store,
			options(),
		);
		expect(report.map((r) => [r.source, r.status])).toEqual([
			['empty.txt', 'failed'],
			['photo.jpg', 'failed'],
			['chrome.txt', 'skipped'],
			['crash.txt', 'failed'],
			['utf16.txt', 'created'],
			['cp1252.txt', 'created'],
			['page.html', 'created'],
			['kalmar.txt', 'created'],
		]);
		expect(report[0].reason).toBe('empty.txt: empty file');
		expect(report[1].reason).toMatch(/^photo\.jpg: binary file/);
		expect(report[2].reason).toMatch(/^chrome\.txt: only boilerplate/);
		expect(report[3].reason).toBe('crash.txt: extraction failed: extractor crashed');
		expect(store.files.get(`${FOLDER}/Café talks.md`)).toContain('The café owner said “no”.');
		expect(store.files.get(`${FOLDER}/From the web.md`)).not.toContain('alert');
		expect(report.every((r) => (r.status === 'created') === (r.path !== null))).toBe(true);
	});

	it('reports a write failure for its file only, with nothing half-written', async () => {
		const store = new MemoryStore();
		for (let i = 0; i < 5; i++) store.failing.add(`${FOLDER}/Fishing talks reopen${i ? ` ${i + 1}` : ''}.md`);
		const { report } = await importSources([talks(), consulate()], store, options());
		expect(report[0]).toMatchObject({ status: 'failed', path: null });
		expect(report[0].reason).toMatch(/^kalmar\.txt: could not write the note: disk full/);
		expect(report[1].status).toBe('created');
		expect([...store.files.keys()]).toEqual([`${FOLDER}/A consulate in Brenn.md`]);
	});

	it('falls back to the next copy when the canonical cannot be written', async () => {
		const store = new MemoryStore();
		for (let i = 0; i < 5; i++) store.failing.add(`${FOLDER}/Fishing talks reopen${i ? ` ${i + 1}` : ''}.md`);
		const bare = { name: 'wire.txt', bytes: enc(`Title: Talks reopen\nOutlet: Nordic Wire\n\n${republished().join('\n\n')}`) };
		const { report } = await importSources([talks(), bare], store, options());
		expect(report.map((r) => r.status)).toEqual(['failed', 'created']);
		expect(readProperties(store.files.get(`${FOLDER}/Talks reopen.md`) ?? '')?.sources).toEqual(['wire.txt']);
	});

	it('turns weird and hostile titles into safe names inside the folder', async () => {
		const store = new MemoryStore();
		const titles = ['../../../etc/passwd', 'CON', 'What? Who: "Them" <now> | [[x]] #y ^z', '', '..\\..\\Windows\\evil', '   .hidden', 'a'.repeat(400), 'Same', 'SAME'];
		const files = titles.map((title, i) => source(`t${i}.txt`, { title }, [distinctText(i)]));
		const { report } = await importSources(files, store, options());
		const paths = report.map((r) => r.path ?? '');
		expect(report.every((r) => r.status === 'created')).toBe(true);
		for (const path of paths) {
			expect(path.startsWith(`${FOLDER}/`)).toBe(true);
			expect(path.slice(FOLDER.length + 1)).not.toMatch(/[/\\:*?"<>|#^[\]]|^\.|\.\.(?!md$)/);
		}
		expect(paths.slice(0, 4)).toEqual([`${FOLDER}/etc-passwd.md`, `${FOLDER}/CON_.md`, `${FOLDER}/What Who - 'Them' now - x y z.md`, `${FOLDER}/Untitled.md`]);
		expect(paths[8]).toBe(`${FOLDER}/SAME 2.md`);
		expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
	});

	it('hands shared lines to the extractor and survives a failing detector', async () => {
		const seen: number[] = [];
		const findSharedLines = (texts: string[]) => {
			seen.push(texts.length);
			return new Set(['Share this on social media']);
		};
		const withChrome = (name: string, title: string, body: string[]) => source(name, { title }, [...body, 'Share this on social media']);
		const store = new MemoryStore();
		await importSources([withChrome('a.txt', 'A', PARAGRAPHS), withChrome('b.txt', 'B', OTHER_PARAGRAPHS)], store, options({ findSharedLines }));
		expect(seen).toEqual([2]);
		expect(store.files.get(`${FOLDER}/A.md`)).not.toContain('Share this');
		const broken = await importSources([consulate()], new MemoryStore(), options({ findSharedLines: () => { throw new Error('boom'); } }));
		expect(broken.report[0].status).toBe('created');
	});

	it('lets the UI paint between slow files', async () => {
		let yields = 0;
		const slow = (text: string) => {
			const until = performance.now() + 60;
			while (performance.now() < until) {
				// busy, like a long extraction
			}
			return fakeExtract(text);
		};
		await importSources([talks(), consulate(), source('c.txt', { title: 'C' }, ['Something else entirely, for a third note.'])], new MemoryStore(), options({ extract: slow, yieldToUi: async () => { yields++; } }));
		expect(yields).toBeGreaterThanOrEqual(1);
	});

	it('normalises the folder it is given', async () => {
		const store = new MemoryStore();
		const { report } = await importSources([talks()], store, options({ folder: '/Envoy\\Articles/' }));
		expect(report[0].path).toBe(`${FOLDER}/Fishing talks reopen.md`);
		expect((await importSources([talks()], store, options({ folder: 'Envoy//Articles' }))).report[0].status).toBe('unchanged');
	});

	it('skips a file listed twice', async () => {
		const { report } = await importSources([talks(), talks()], new MemoryStore(), options());
		expect(report.map((r) => r.status)).toEqual(['created', 'skipped']);
	});

	it('handles a 50 MB boilerplate-only file quickly', async () => {
		const line = enc('Subscribe to our newsletter\r\n\r\n');
		const big = new Uint8Array(50 * 1000 * 1000);
		for (let i = 0; i + line.length <= big.length; i += line.length) big.set(line, i);
		big.fill(0x20, big.length - (big.length % line.length));
		const started = performance.now();
		const { report } = await importSources([{ name: 'huge.txt', bytes: big }], new MemoryStore(), options());
		expect(report[0]).toMatchObject({ status: 'skipped' });
		expect(performance.now() - started).toBeLessThan(15_000);
		const refused = await importSources([{ name: 'huge.txt', bytes: big }], new MemoryStore(), options({ maxBytes: 10_000_000 }));
		expect(refused.report[0].reason).toMatch(/^huge\.txt: file too large/);
	});
});
