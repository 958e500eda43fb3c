// End to end through the CLI on our own sample articles (samples/raw) and, when present, the user's seeds.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { envoy, tempDir } from './helpers';

const SAMPLES = 'samples/raw';
const SEEDS = '../shared/seeds';

interface Report {
	notes: { source: string; status: string; path: string | null; title: string | null; duplicateOf: string | null; reason: string | null }[];
	entities: { name: string; path: string; type: string; aliases: string[] }[];
}

function readVault(vault: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (rel: string) => {
		for (const entry of readdirSync(join(vault, rel), { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			const child = rel ? `${rel}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(child);
			else out.set(child, readFileSync(join(vault, child), 'utf8'));
		}
	};
	walk('');
	return out;
}

describe.skipIf(!existsSync(SAMPLES))('import → link → messages on the bundled samples', () => {
	it('reports every file once and writes a note per distinct article', async () => {
		const vault = tempDir();
		const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
		const { code, out } = await envoy('import', SAMPLES, '--vault', vault, '--json');
		expect(code).toBe(0);
		const report = JSON.parse(out) as Report;
		expect(report.notes.map((n) => n.source).sort()).toEqual(files.sort());
		for (const note of report.notes) {
			expect(['created', 'duplicate', 'skipped']).toContain(note.status);
			if (note.status === 'created') expect(existsSync(join(vault, note.path!))).toBe(true);
			if (note.status === 'duplicate') expect(report.notes.some((n) => n.path === note.duplicateOf && n.status === 'created')).toBe(true);
			if (note.status === 'skipped') expect(note.reason).toBeTruthy();
		}
		expect(report.notes.filter((n) => n.status === 'duplicate')).toHaveLength(1);
		// A page of menus, cookie banner and footer holds no article.
		expect(report.notes.find((n) => n.source === 'only-boilerplate.txt')).toMatchObject({ status: 'skipped', path: null });
		expect(report.entities.length).toBeGreaterThan(5);
		for (const entity of report.entities) expect(existsSync(join(vault, entity.path))).toBe(true);

		// A second run writes nothing.
		const before = readVault(vault);
		const again = JSON.parse((await envoy('import', SAMPLES, '--vault', vault, '--json')).out) as Report;
		for (const note of again.notes.filter((n) => n.status !== 'skipped' && n.status !== 'duplicate')) expect(note.status).toBe('unchanged');
		expect(readVault(vault)).toEqual(before);
	});

	it('never overwrites a note the user edited', async () => {
		const vault = tempDir();
		const src = tempDir();
		const file = readdirSync(SAMPLES).find((f) => f.startsWith('dispatch'))!;
		cpSync(join(SAMPLES, file), join(src, file));
		const first = JSON.parse((await envoy('import', src, '--vault', vault, '--json')).out) as Report;
		const path = join(vault, first.notes[0].path!);
		const edited = readFileSync(path, 'utf8') + '\nMy own comment on this article.\n';
		writeFileSync(path, edited);
		// The source changes in its longest paragraph: an article paragraph, whatever furniture surrounds it.
		const raw = readFileSync(join(src, file), 'utf8');
		const longest = raw.split('\n').reduce((a, b) => (b.length > a.length ? b : a), '');
		writeFileSync(join(src, file), raw.replace(longest, `${longest} One more sentence in the new version.`));

		const second = JSON.parse((await envoy('import', src, '--vault', vault, '--json', '--no-link')).out) as Report;
		expect(readFileSync(path, 'utf8')).toBe(edited);
		expect(second.notes[0].status).toBe('created');
		expect(second.notes[0].path).not.toBe(first.notes[0].path);
		expect(second.notes[0].reason).toContain(first.notes[0].path!);
		expect(readFileSync(join(vault, second.notes[0].path!), 'utf8')).toContain('One more sentence in the new version.');

		// Linking afterwards may add links to the reader's note, never change a word of it.
		await envoy('link', '--vault', vault);
		const plain = (text: string) => text.replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1');
		expect(plain(readFileSync(path, 'utf8'))).toBe(plain(edited));
	});

	it("writes Markdown links when the vault's Obsidian settings ask for them", async () => {
		const vault = tempDir();
		await envoy('import', SAMPLES, '--vault', vault, '--no-link');
		mkdirSync(join(vault, '.obsidian'), { recursive: true });
		writeFileSync(join(vault, '.obsidian', 'app.json'), JSON.stringify({ useMarkdownLinks: true }));
		const linked = JSON.parse((await envoy('link', '--vault', vault, '--json')).out) as { added: number };
		expect(linked.added).toBeGreaterThan(0);
		const notes = [...readVault(vault)].filter(([path]) => path.startsWith('Envoy/Articles/')).map(([, text]) => text);
		expect(notes.some((text) => /\]\(<?[^)\s]*Seoul/.test(text))).toBe(true);
		expect(notes.some((text) => text.includes('[[Seoul'))).toBe(false);
	});

	it('links, unlinks back to the original bytes, and links idempotently', async () => {
		const vault = tempDir();
		await envoy('import', SAMPLES, '--vault', vault, '--no-link');
		mkdirSync(join(vault, 'Mine'), { recursive: true });
		const handWritten = '# My notes\n\nMoscow and Seoul, see `Moscow` and https://example.org/Moscow and [[Tokyo|my link]].\n\n```\nBeijing\n```\n';
		writeFileSync(join(vault, 'Mine', 'hand.md'), handWritten);
		const before = readVault(vault);
		const linked = await envoy('link', '--vault', vault, '--json');
		expect(linked.code).toBe(0);
		expect(JSON.parse(linked.out).added).toBeGreaterThan(0);
		const afterLink = readVault(vault);
		expect(afterLink.get('Mine/hand.md')).toContain('`Moscow`');
		expect(afterLink.get('Mine/hand.md')).toContain('https://example.org/Moscow');
		expect(afterLink.get('Mine/hand.md')).toContain('```\nBeijing\n```');
		expect(JSON.parse((await envoy('link', '--vault', vault, '--json')).out).added).toBe(0);
		expect(readVault(vault)).toEqual(afterLink);
		expect((await envoy('unlink', '--vault', vault)).code).toBe(0);
		expect(readVault(vault)).toEqual(before);
	});

	it('shows messages to capitals with senders', async () => {
		const vault = tempDir();
		await envoy('import', SAMPLES, '--vault', vault);
		const { code, out } = await envoy('messages', '--vault', vault, '--json');
		expect(code).toBe(0);
		const model = JSON.parse(out) as { capitals: { capital: string; messages: { sender: string | null; note: string; block: string | null }[] }[] };
		const withMessages = model.capitals.filter((c) => c.messages.length > 0).map((c) => c.capital);
		for (const capital of ['Seoul', 'Tokyo', 'Washington', 'Beijing']) expect(withMessages).toContain(capital);
		expect(model.capitals.flatMap((c) => c.messages).some((m) => m.sender !== null)).toBe(true);
	});

	it('reports entity mentions against the raw files', async () => {
		const { code, out } = await envoy('entities', SAMPLES, '--json');
		expect(code).toBe(0);
		const { files } = JSON.parse(out) as { files: { source: string; mentions: { start: number; end: number; surface: string; entity: string }[] }[] };
		let checked = 0;
		for (const file of files) {
			const text = readFileSync(join(SAMPLES, file.source), 'utf8');
			for (const m of file.mentions) {
				expect(text.slice(m.start, m.end)).toBe(m.surface);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(20);
	});
});

describe('bad input', () => {
	it('reports a missing file as failed and goes on', async () => {
		const vault = tempDir();
		const src = tempDir();
		writeFileSync(join(src, 'empty.txt'), '');
		const { code, out, err } = await envoy('import', join(src, 'empty.txt'), join(src, 'nope.txt'), '--vault', vault, '--json');
		expect(code).toBe(1);
		const report = JSON.parse(out) as Report;
		expect(report.notes).toHaveLength(2);
		expect(report.notes.find((n) => n.source.includes('nope'))?.status).toBe('failed');
		expect(err).toContain('nope.txt');
	});
});

describe.skipIf(!existsSync(SEEDS))('the user seeds', () => {
	it('imports one result per file and writes the notes', async () => {
		const vault = tempDir();
		const { out } = await envoy('import', SEEDS, '--vault', vault, '--json');
		const report = JSON.parse(out) as Report;
		const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
		expect(report.notes).toHaveLength(files.length);
		for (const note of report.notes.filter((n) => n.status === 'created')) expect(existsSync(join(vault, note.path!))).toBe(true);
		// Two of the seeds are one article carried by two outlets.
		expect(report.notes.filter((n) => n.status === 'duplicate')).toHaveLength(1);
		const names = report.entities.map((e) => e.name);
		for (const capital of ['Seoul', 'Tokyo', 'Beijing', 'Pyongyang', 'Moscow', 'Washington']) expect(names).toContain(capital);
	});
});
