// NoteStore over a vault folder on disk. Writes go to a temporary file first, so a crash or a failed
// file never leaves a half-written note, and `create` refuses to replace anything that exists.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { linkFormatFromAppConfig, type LinkFormatSource } from '../core/pipeline/link-pass';
import type { VaultStore } from '../core/pipeline/store';
import type { LinkFormat } from '../core/link';

const STATE_DIR = '.envoy';

export class FileSystemStore implements VaultStore, LinkFormatSource {
	/** Folders known to exist: a 10,000-note import would otherwise ask for each note's folder again. */
	private readonly madeDirs = new Set<string>();

	/** `configDir` is the vault's Obsidian folder, whose app.json says which link format the user chose. */
	constructor(
		readonly root: string,
		private readonly configDir = '.obsidian',
	) {}

	async linkFormat(): Promise<LinkFormat> {
		return linkFormatFromAppConfig(await fs.readFile(path.join(this.root, this.configDir, 'app.json'), 'utf8').catch(() => null));
	}

	private async mkdirOnce(dir: string): Promise<void> {
		if (this.madeDirs.has(dir)) return;
		await fs.mkdir(dir, { recursive: true });
		this.madeDirs.add(dir);
	}

	private abs(vaultPath: string): string {
		const resolved = path.resolve(this.root, ...vaultPath.split('/'));
		const rel = path.relative(this.root, resolved);
		if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${vaultPath}: path points outside the vault`);
		return resolved;
	}

	async list(folder: string): Promise<string[]> {
		const out: string[] = [];
		const walk = async (dir: string, rel: string): Promise<void> => {
			let entries;
			try {
				entries = await fs.readdir(dir, { withFileTypes: true });
			} catch {
				return;
			}
			for (const entry of entries) {
				if (entry.name.startsWith('.')) continue;
				const childRel = rel ? `${rel}/${entry.name}` : entry.name;
				if (entry.isDirectory()) await walk(path.join(dir, entry.name), childRel);
				else if (entry.isFile() && entry.name.endsWith('.md')) out.push(childRel);
			}
		};
		const start = folder.replace(/^\/+|\/+$/g, '');
		await walk(start ? this.abs(start) : this.root, start);
		return out.sort();
	}

	async read(vaultPath: string): Promise<string | null> {
		try {
			return await fs.readFile(this.abs(vaultPath), 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
			throw error;
		}
	}

	async create(vaultPath: string, content: string): Promise<void> {
		const target = this.abs(vaultPath);
		await this.mkdirOnce(path.dirname(target));
		const temp = await this.writeTemp(target, content);
		try {
			// link() fails with EEXIST instead of replacing: no existing note is ever overwritten.
			await fs.link(temp, target);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${vaultPath}: a note already exists there`);
			throw error;
		} finally {
			await fs.rm(temp, { force: true });
		}
	}

	async replace(vaultPath: string, update: (current: string) => string): Promise<void> {
		const target = this.abs(vaultPath);
		const current = await fs.readFile(target, 'utf8');
		const next = update(current);
		if (next === current) return;
		const temp = await this.writeTemp(target, next);
		await fs.rename(temp, target);
	}

	async ensureFolder(folder: string): Promise<void> {
		await this.mkdirOnce(this.abs(folder));
	}

	async readState(name: string): Promise<string | null> {
		return this.read(`${STATE_DIR}/${name}`);
	}

	async writeState(name: string, content: string): Promise<void> {
		const target = this.abs(`${STATE_DIR}/${name}`);
		await this.mkdirOnce(path.dirname(target));
		await fs.rename(await this.writeTemp(target, content), target);
	}

	private async writeTemp(target: string, content: string): Promise<string> {
		const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
		await fs.writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
		return temp;
	}
}
