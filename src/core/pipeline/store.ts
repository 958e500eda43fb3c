// The one port both front ends implement: the CLI over the file system, the plugin over app.vault.
// Paths are vault-relative with `/`. Nothing in here may delete a user's note.

export interface NoteStore {
	/** Vault-relative `.md` paths under `folder` (recursive); `''` lists the whole vault (hidden folders excluded). */
	list(folder: string): Promise<string[]>;
	read(path: string): Promise<string | null>;
	/** Creates a note; must fail when the path exists, so nothing is ever overwritten by accident. */
	create(path: string, content: string): Promise<void>;
	/** Atomic read-modify-write of an existing note; returning the same string writes nothing. */
	replace(path: string, update: (current: string) => string): Promise<void>;
	ensureFolder(folder: string): Promise<void>;
}

/** Small private state (the link ledger) kept beside the notes, outside what the vault indexes. */
export interface StateStore {
	readState(name: string): Promise<string | null>;
	writeState(name: string, content: string): Promise<void>;
}

export type VaultStore = NoteStore & StateStore;

export function isInFolder(path: string, folder: string): boolean {
	const prefix = folder.replace(/\/+$/, '');
	return prefix === '' || path === prefix || path.startsWith(prefix + '/');
}

export function noteBasename(path: string): string {
	const file = path.slice(path.lastIndexOf('/') + 1);
	return file.endsWith('.md') ? file.slice(0, -3) : file;
}
