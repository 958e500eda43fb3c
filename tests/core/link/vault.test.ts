// Linking and unlinking a whole vault through the pipeline (the code `envoy link`/`unlink` and the
// plugin commands run), on hand-written notes full of code, links, tags, tables and the rest.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, linkVault, unlinkVault, type VaultStore } from '../../../src/core/pipeline';
import { linkFormatFromAppConfig, type LinkFormatSource } from '../../../src/core/pipeline/link-pass';

class MemoryVault implements VaultStore {
	readonly files = new Map<string, string>();
	readonly state = new Map<string, string>();
	/** Paths whose write fails, as a locked or vanished file would. */
	readonly failing = new Set<string>();

	constructor(files: Record<string, string>) {
		for (const [path, text] of Object.entries(files)) this.files.set(path, text);
	}
	async list(folder: string): Promise<string[]> {
		const prefix = folder === '' ? '' : `${folder}/`;
		return [...this.files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.md')).sort();
	}
	async read(path: string): Promise<string | null> {
		return this.files.get(path) ?? null;
	}
	async create(path: string, content: string): Promise<void> {
		if (this.files.has(path)) throw new Error(`${path} exists`);
		this.files.set(path, content);
	}
	async replace(path: string, update: (current: string) => string): Promise<void> {
		const current = this.files.get(path);
		if (current === undefined) throw new Error(`${path}: no such note`);
		const next = update(current);
		if (this.failing.has(path)) throw new Error(`${path} is locked`);
		this.files.set(path, next);
	}
	async ensureFolder(): Promise<void> {}
	async readState(name: string): Promise<string | null> {
		return this.state.get(name) ?? null;
	}
	async writeState(name: string, content: string): Promise<void> {
		this.state.set(name, content);
	}
	snapshot(): Map<string, string> {
		return new Map(this.files);
	}
}

const entity = (type: string, aliases: string[] = []): string =>
	['---', `type: ${type}`, ...(aliases.length ? ['aliases:', ...aliases.map((a) => `  - ${a}`)] : []), '---', '', `A ${type}.`, ''].join('\n');

const ENTITIES: Record<string, string> = {
	'Envoy/Entities/Moscow.md': entity('capital'),
	'Envoy/Entities/Seoul.md': entity('capital'),
	'Envoy/Entities/Kim Jong Un.md': entity('person', ['Kim']),
	'Envoy/Entities/Vladimir Putin.md': entity('person', ['Putin']),
	'Envoy/Entities/United States.md': entity('country', ['US', 'U.S.']),
	'Envoy/Entities/sanctions.md': entity('concept'),
	'Envoy/Entities/Six-Party Talks.md': entity('event'),
};

// Every construct the linker must leave alone, next to prose that it must link.
const HAND_WRITTEN: Record<string, string> = {
	'Mine/code.md': [
		'---',
		'title: Moscow and Seoul',
		'tags: [Putin, sanctions]',
		'---',
		'# Moscow, a heading',
		'',
		'Moscow said `Moscow` and ``Kim ` Putin`` then:',
		'',
		'```ts',
		'const Moscow = "Seoul"; // Putin',
		'```',
		'',
		'    indented Moscow code',
		'',
		'~~~',
		'Seoul',
		'~~~',
		'',
		'$$',
		'Putin + Kim = sanctions',
		'$$',
		'',
		'Inline $Moscow$ math, %%a Seoul comment%% and <span>Putin</span>. ^block-1',
		'',
	].join('\n'),
	'Mine/links.md': [
		'See [[Moscow]], [[Seoul|the capital]], ![[Putin.png]], [Kim](https://example.org/Kim) and <https://x.org/Moscow>.',
		'Write to putin@moscow.ru or visit www.seoul.kr/Moscow and https://example.com/Putin?q=Seoul.',
		'Tagged #Moscow #Seoul/Putin, a footnote[^Moscow] and an inline one^[Putin said so].',
		'',
		'[^Moscow]: Putin met Kim there.',
		'',
		'> [!quote|Moscow] Putin',
		'> Talks with Kim',
		'> Jong Un and the Six-',
		'> Party Talks in Seoul.',
		'',
	].join('\n'),
	'Mine/table.md': [
		'| who | where | what |',
		'|---|---|---|',
		'| Putin | Moscow | `Seoul` |',
		'| Kim | Seoul | sanctions \\| more |',
		'',
		'Sanctions bite. The US, the U.S. and us.',
		'',
		'<div>',
		'Moscow inside HTML',
		'</div>',
		'',
		'<!-- Seoul in a comment -->',
		'',
	].join('\n'),
	'Mine/crlf.md': 'Moscow\r\n\r\n- Seoul\r\n- `Putin`\r\n\r\n```\r\nKim\r\n```\r\n',
};

const settings = { ...DEFAULT_SETTINGS, linkScope: 'every' as const };

describe('linkVault / unlinkVault on hand-written notes', () => {
	it('links only prose, is idempotent, and unlink gives back every byte', async () => {
		const vault = new MemoryVault({ ...ENTITIES, ...HAND_WRITTEN });
		const original = vault.snapshot();
		const first = await linkVault(vault, settings);
		expect(first.failed).toEqual([]);
		expect(first.added).toBeGreaterThan(10);

		const code = vault.files.get('Mine/code.md') ?? '';
		for (const kept of ['title: Moscow and Seoul', 'tags: [Putin, sanctions]', '# Moscow, a heading', '`Moscow`', '``Kim ` Putin``', 'const Moscow = "Seoul"; // Putin', '    indented Moscow code', '~~~\nSeoul\n~~~', 'Putin + Kim = sanctions', '$Moscow$', '%%a Seoul comment%%', '<span>Putin</span>', '^block-1'])
			expect(code).toContain(kept);
		expect(code).toContain('[[Moscow]] said');
		const links = vault.files.get('Mine/links.md') ?? '';
		for (const kept of ['[[Seoul|the capital]]', '![[Putin.png]]', '[Kim](https://example.org/Kim)', '<https://x.org/Moscow>', 'putin@moscow.ru', 'www.seoul.kr/Moscow', 'https://example.com/Putin?q=Seoul', '#Moscow #Seoul/Putin', '[^Moscow]', '^[Putin said so]', '[!quote|Moscow]'])
			expect(links).toContain(kept);
		expect(links).toContain('[^Moscow]: [[Vladimir Putin|Putin]] met [[Kim Jong Un|Kim]] there.');
		expect(links).toContain('> Talks with [[Kim Jong Un]] and the [[Six-Party Talks]] in [[Seoul]].');
		const table = vault.files.get('Mine/table.md') ?? '';
		expect(table).toContain('| [[Vladimir Putin\\|Putin]] | [[Moscow]] | `Seoul` |');
		expect(table).toContain('[[sanctions|Sanctions]] bite. The [[United States|US]], the [[United States|U.S.]] and us.');
		expect(table).toContain('<div>\nMoscow inside HTML\n</div>');
		expect(table).toContain('<!-- Seoul in a comment -->');
		expect(vault.files.get('Mine/crlf.md')).toBe('[[Moscow]]\r\n\r\n- [[Seoul]]\r\n- `Putin`\r\n\r\n```\r\nKim\r\n```\r\n');
		// No entity note links to itself.
		expect(vault.files.get('Envoy/Entities/Moscow.md')).not.toContain('[[Moscow]]');

		const linked = vault.snapshot();
		expect((await linkVault(vault, settings)).added).toBe(0);
		expect(vault.snapshot()).toEqual(linked);

		const back = await unlinkVault(vault);
		expect(back.failed).toEqual([]);
		expect(back.removed).toBe(first.added);
		expect(vault.snapshot()).toEqual(original);
	});

	it('unlink keeps what the user wrote since, and the links they added themselves', async () => {
		const vault = new MemoryVault({ ...ENTITIES, ...HAND_WRITTEN });
		const original = vault.snapshot();
		await linkVault(vault, settings);
		const linked = vault.files.get('Mine/table.md') ?? '';
		vault.files.set('Mine/table.md', 'My own [[Moscow]] line.\n\n' + linked + '\nA new paragraph about Seoul.\n');
		await unlinkVault(vault);
		expect(vault.files.get('Mine/table.md')).toBe('My own [[Moscow]] line.\n\n' + original.get('Mine/table.md') + '\nA new paragraph about Seoul.\n');
		expect(vault.files.get('Mine/code.md')).toBe(original.get('Mine/code.md'));
	});

	it('a note that cannot be written is reported, and the links written elsewhere stay removable', async () => {
		const vault = new MemoryVault({ ...ENTITIES, ...HAND_WRITTEN });
		const original = vault.snapshot();
		vault.failing.add('Mine/links.md');
		const result = await linkVault(vault, settings);
		expect(result.failed.map((f) => f.path)).toEqual(['Mine/links.md']);
		expect(vault.files.get('Mine/code.md')).not.toBe(original.get('Mine/code.md'));
		vault.failing.clear();
		await unlinkVault(vault);
		expect(vault.snapshot()).toEqual(original);
	});
});

describe('link format', () => {
	it("follows the store's link format (the plugin's follows Obsidian's setting)", async () => {
		const vault = Object.assign(new MemoryVault({ ...ENTITIES, 'Mine/a.md': 'Putin in Moscow and Kim Jong Un.\n' }), {
			linkFormat: () => 'markdown' as const,
		}) satisfies LinkFormatSource;
		await linkVault(vault, settings);
		expect(vault.files.get('Mine/a.md')).toBe('[Putin](Vladimir%20Putin.md) in [Moscow](Moscow.md) and [Kim Jong Un](Kim%20Jong%20Un.md).\n');
		expect((await linkVault(vault, settings)).added).toBe(0);
		await unlinkVault(vault);
		expect(vault.files.get('Mine/a.md')).toBe('Putin in Moscow and Kim Jong Un.\n');
	});

	it('an explicit format wins; wikilinks by default', async () => {
		const vault = Object.assign(new MemoryVault({ ...ENTITIES, 'Mine/a.md': 'Moscow.\n' }), { linkFormat: () => 'markdown' as const });
		await linkVault(vault, settings, { format: 'wikilink' });
		expect(vault.files.get('Mine/a.md')).toBe('[[Moscow]].\n');
		const plain = new MemoryVault({ ...ENTITIES, 'Mine/a.md': 'Moscow.\n' });
		await linkVault(plain, settings);
		expect(plain.files.get('Mine/a.md')).toBe('[[Moscow]].\n');
	});

	it("reads Obsidian's app.json", () => {
		expect(linkFormatFromAppConfig('{"useMarkdownLinks":true,"newLinkFormat":"shortest"}')).toBe('markdown');
		expect(linkFormatFromAppConfig('{"useMarkdownLinks":false}')).toBe('wikilink');
		expect(linkFormatFromAppConfig('{}')).toBe('wikilink');
		expect(linkFormatFromAppConfig(null)).toBe('wikilink');
		expect(linkFormatFromAppConfig('{not json')).toBe('wikilink');
	});
});
