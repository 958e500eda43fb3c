// In-memory NoteStore with the same contract as the CLI and Vault adapters, plus failure injection.
import type { NoteStore } from '../../../src/core/import/run';

export class MemoryStore implements NoteStore {
	readonly files = new Map<string, string>();
	readonly folders = new Set<string>();
	/** Paths whose create or replace throws, to test that one failure does not stop a batch. */
	readonly failing = new Set<string>();
	writes = 0;

	constructor(initial: Record<string, string> = {}) {
		for (const [path, content] of Object.entries(initial)) this.files.set(path, content);
	}

	async list(folder: string): Promise<string[]> {
		const prefix = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
		return [...this.files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.md'));
	}

	async read(path: string): Promise<string | null> {
		return this.files.get(path) ?? null;
	}

	async create(path: string, content: string): Promise<void> {
		if (this.failing.has(path)) throw new Error(`disk full at ${path}`);
		// Like a case-insensitive file system (Windows, macOS): "A.md" and "a.md" are one file.
		const clash = [...this.files.keys()].some((p) => p.toLowerCase() === path.toLowerCase());
		if (clash) throw new Error(`${path} already exists`);
		this.files.set(path, content);
		this.writes++;
	}

	async replace(path: string, update: (current: string) => string): Promise<void> {
		if (this.failing.has(path)) throw new Error(`locked: ${path}`);
		const current = this.files.get(path);
		if (current === undefined) throw new Error(`${path} does not exist`);
		const next = update(current);
		if (next !== current) {
			this.files.set(path, next);
			this.writes++;
		}
	}

	async ensureFolder(folder: string): Promise<void> {
		this.folders.add(folder);
	}
}
