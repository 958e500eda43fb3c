// VaultStore over Obsidian's Vault: the plugin's half of the port the core pipeline runs on.
// Only the few Vault members used are required, so tests can hand in a small in-memory fake.
import { normalizePath, TFile, TFolder, type Vault } from 'obsidian';
import type { VaultStore } from '../core/pipeline/store';

export type VaultPort = Pick<Vault, 'getAbstractFileByPath' | 'getMarkdownFiles' | 'cachedRead' | 'create' | 'createFolder' | 'process' | 'configDir'> & {
	adapter: Pick<Vault['adapter'], 'exists' | 'read' | 'write' | 'mkdir'>;
};

export class ObsidianVaultStore implements VaultStore {
	constructor(
		private readonly vault: VaultPort,
		private readonly stateFolder: string,
	) {}

	async list(folder: string): Promise<string[]> {
		const prefix = normalizePath(folder || '/');
		const all = this.vault.getMarkdownFiles().map((f) => f.path);
		const inFolder = prefix === '/' ? all : all.filter((p) => p.startsWith(prefix + '/'));
		return inFolder.sort();
	}

	async read(path: string): Promise<string | null> {
		const file = this.vault.getAbstractFileByPath(normalizePath(path));
		return file instanceof TFile ? this.vault.cachedRead(file) : null;
	}

	async create(path: string, content: string): Promise<void> {
		const normalised = normalizePath(path);
		if (this.vault.getAbstractFileByPath(normalised)) throw new Error(`${normalised}: a note already exists there`);
		await this.vault.create(normalised, content);
	}

	async replace(path: string, update: (current: string) => string): Promise<void> {
		const file = this.vault.getAbstractFileByPath(normalizePath(path));
		if (!(file instanceof TFile)) throw new Error(`${path}: no such note`);
		// Most notes do not change on a relink: a cheap cached read spares them a write (and a sync).
		const cached = await this.vault.cachedRead(file);
		if (update(cached) === cached) return;
		// Vault.process is atomic against the editor: no lost keystrokes between read and write.
		await this.vault.process(file, update);
	}

	async ensureFolder(folder: string): Promise<void> {
		const normalised = normalizePath(folder);
		if (normalised === '/' || this.vault.getAbstractFileByPath(normalised) instanceof TFolder) return;
		const parent = normalised.includes('/') ? normalised.slice(0, normalised.lastIndexOf('/')) : '';
		if (parent) await this.ensureFolder(parent);
		try {
			await this.vault.createFolder(normalised);
		} catch (error) {
			// createFolder throws when the folder appeared meanwhile (another import, a sync): that is fine.
			if (!(this.vault.getAbstractFileByPath(normalised) instanceof TFolder)) throw error;
		}
	}

	async readState(name: string): Promise<string | null> {
		const path = normalizePath(`${this.stateFolder}/${name}`);
		return (await this.vault.adapter.exists(path)) ? this.vault.adapter.read(path) : null;
	}

	async writeState(name: string, content: string): Promise<void> {
		if (!(await this.vault.adapter.exists(this.stateFolder))) await this.vault.adapter.mkdir(this.stateFolder);
		await this.vault.adapter.write(normalizePath(`${this.stateFolder}/${name}`), content);
	}
}
