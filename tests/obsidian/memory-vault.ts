// In-memory implementation of the Vault members the adapters use, typed against the real `obsidian.d.ts`
// through VaultPort. It also pins documented app behaviour: createFolder and create throw when the path exists.
import { TAbstractFile, TFile, TFolder } from '../shims/obsidian';
import type { VaultPort } from '../../src/obsidian/vault-store';
import type { TFile as RealTFile } from 'obsidian';

export class MemoryVault {
	readonly files = new Map<string, string>();
	readonly folders = new Set<string>(['/']);
	readonly hidden = new Map<string, string>();
	readonly configDir = '.obsidian';
	processCalls = 0;

	port(): VaultPort {
		return this as unknown as VaultPort;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		if (this.files.has(path)) return new TFile(path);
		if (this.folders.has(path)) return new TFolder(path);
		return null;
	}

	getMarkdownFiles(): TFile[] {
		return [...this.files.keys()].filter((p) => p.endsWith('.md')).map((p) => new TFile(p));
	}

	async cachedRead(file: RealTFile): Promise<string> {
		const text = this.files.get(file.path);
		if (text === undefined) throw new Error(`ENOENT ${file.path}`);
		return text;
	}

	async create(path: string, data: string): Promise<TFile> {
		if (this.files.has(path) || this.folders.has(path)) throw new Error('File already exists.');
		const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '/';
		if (!this.folders.has(parent)) throw new Error(`Parent folder ${parent} does not exist.`);
		this.files.set(path, data);
		return new TFile(path);
	}

	async createFolder(path: string): Promise<TFolder> {
		if (this.folders.has(path)) throw new Error('Folder already exists.');
		this.folders.add(path);
		return new TFolder(path);
	}

	async process(file: RealTFile, fn: (data: string) => string): Promise<string> {
		this.processCalls++;
		const current = await this.cachedRead(file);
		const next = fn(current);
		this.files.set(file.path, next);
		return next;
	}

	adapter = {
		exists: async (path: string) => this.hidden.has(path) || this.files.has(path) || this.folders.has(path),
		read: async (path: string) => {
			const text = this.hidden.get(path) ?? this.files.get(path);
			if (text === undefined) throw new Error(`ENOENT ${path}`);
			return text;
		},
		write: async (path: string, data: string) => void this.hidden.set(path, data),
		mkdir: async (path: string) => void this.folders.add(path),
	};
}
