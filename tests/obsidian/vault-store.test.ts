import { describe, expect, it } from 'vitest';
import { ObsidianVaultStore } from '../../src/obsidian/vault-store';
import { MemoryVault } from './memory-vault';

function setup() {
	const vault = new MemoryVault();
	return { vault, store: new ObsidianVaultStore(vault.port(), '.envoy') };
}

describe('ObsidianVaultStore', () => {
	it('creates nested folders once and tolerates a folder that already exists', async () => {
		const { vault, store } = setup();
		await store.ensureFolder('Envoy/Entities/People');
		await store.ensureFolder('Envoy/Entities/People');
		expect([...vault.folders].sort()).toEqual(['/', 'Envoy', 'Envoy/Entities', 'Envoy/Entities/People']);
	});

	it('never overwrites an existing note on create', async () => {
		const { vault, store } = setup();
		await store.ensureFolder('A');
		await store.create('A/n.md', 'mine');
		await expect(store.create('A/n.md', 'theirs')).rejects.toThrow(/already exists/);
		expect(vault.files.get('A/n.md')).toBe('mine');
	});

	it('edits through Vault.process and lists notes by folder', async () => {
		const { vault, store } = setup();
		await store.ensureFolder('A');
		await store.create('A/one.md', 'x');
		await store.create('A/two.md', 'y');
		vault.folders.add('B');
		await store.create('B/three.md', 'z');
		await store.replace('A/one.md', (t) => t + '!');
		expect(vault.processCalls).toBe(1);
		expect(vault.files.get('A/one.md')).toBe('x!');
		expect(await store.list('A')).toEqual(['A/one.md', 'A/two.md']);
		expect(await store.list('')).toEqual(['A/one.md', 'A/two.md', 'B/three.md']);
		await expect(store.replace('A/missing.md', (t) => t)).rejects.toThrow(/no such note/);
	});

	it('keeps private state outside the indexed notes', async () => {
		const { vault, store } = setup();
		expect(await store.readState('links.json')).toBeNull();
		await store.writeState('links.json', '{"version":1}');
		expect(await store.readState('links.json')).toBe('{"version":1}');
		expect(vault.getMarkdownFiles()).toHaveLength(0);
	});
});
