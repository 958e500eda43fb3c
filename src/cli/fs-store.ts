// NoteStore over a vault folder on disk. Writes go to a temporary file first, so a crash or a failed
// file never leaves a half-written note, and `create` refuses to replace anything that exists.
//
// The calls are synchronous behind the async port: a note is a few kilobytes, and each promise-based
// call is a round trip through libuv's thread pool plus a FileHandle, which made writing 10,000 notes
// cost more than extracting them. The CLI has nothing else to do meanwhile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linkFormatFromAppConfig, type LinkFormatSource } from '../core/pipeline/link-pass';
import type { VaultStore } from '../core/pipeline/store';
import type { LinkFormat } from '../core/link';

const STATE_DIR = '.envoy';

function readIfExists(file: string): string | null {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

export class FileSystemStore implements VaultStore, LinkFormatSource {
	/** Folders known to exist: a 10,000-note import would otherwise ask for each note's folder again. */
	private readonly madeDirs = new Set<string>();
	private tempCounter = 0;

	/** `configDir` is the vault's Obsidian folder, whose app.json says which link format the user chose. */
	constructor(
		readonly root: string,
		private readonly configDir = '.obsidian',
	) {}

	async linkFormat(): Promise<LinkFormat> {
		let appJson: string | null = null;
		try {
			appJson = readIfExists(path.join(this.root, this.configDir, 'app.json'));
		} catch {
			// An unreadable app.json means Obsidian's default, wikilinks.
		}
		return linkFormatFromAppConfig(appJson);
	}

	private mkdirOnce(dir: string): void {
		if (this.madeDirs.has(dir)) return;
		fs.mkdirSync(dir, { recursive: true });
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
		const walk = (dir: string, rel: string): void => {
			let entries;
			try {
				entries = fs.readdirSync(dir, { withFileTypes: true });
			} catch {
				return;
			}
			for (const entry of entries) {
				if (entry.name.startsWith('.')) continue;
				const childRel = rel ? `${rel}/${entry.name}` : entry.name;
				if (entry.isDirectory()) walk(path.join(dir, entry.name), childRel);
				else if (entry.isFile() && entry.name.endsWith('.md')) out.push(childRel);
			}
		};
		const start = folder.replace(/^\/+|\/+$/g, '');
		walk(start ? this.abs(start) : this.root, start);
		return out.sort();
	}

	async read(vaultPath: string): Promise<string | null> {
		return readIfExists(this.abs(vaultPath));
	}

	async create(vaultPath: string, content: string): Promise<void> {
		const target = this.abs(vaultPath);
		this.mkdirOnce(path.dirname(target));
		const temp = this.writeTemp(target, content);
		try {
			// link() fails with EEXIST instead of replacing: no existing note is ever overwritten.
			fs.linkSync(temp, target);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${vaultPath}: a note already exists there`);
			throw error;
		} finally {
			fs.unlinkSync(temp);
		}
	}

	async replace(vaultPath: string, update: (current: string) => string): Promise<void> {
		const target = this.abs(vaultPath);
		const current = fs.readFileSync(target, 'utf8');
		const next = update(current);
		if (next === current) return;
		fs.renameSync(this.writeTemp(target, next), target);
	}

	async ensureFolder(folder: string): Promise<void> {
		this.mkdirOnce(this.abs(folder));
	}

	async readState(name: string): Promise<string | null> {
		return this.read(`${STATE_DIR}/${name}`);
	}

	async writeState(name: string, content: string): Promise<void> {
		const target = this.abs(`${STATE_DIR}/${name}`);
		this.mkdirOnce(path.dirname(target));
		fs.renameSync(this.writeTemp(target, content), target);
	}

	private writeTemp(target: string, content: string): string {
		const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++this.tempCounter}.tmp`);
		try {
			fs.writeFileSync(temp, content, { encoding: 'utf8', flag: 'wx' });
		} catch (error) {
			// A full disk can leave part of the temporary file: it is ours, so it goes.
			fs.rmSync(temp, { force: true });
			throw error;
		}
		return temp;
	}
}
