// Expands the command line's files and folders into source files to import (folders: `.txt`, recursively).
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../core/import';

export interface UnreadableSource {
	source: string;
	reason: string;
}

export async function collectSources(args: string[]): Promise<{ sources: SourceFile[]; unreadable: UnreadableSource[] }> {
	const unreadable: UnreadableSource[] = [];
	const seen = new Set<string>();
	const wanted: { file: string; name: string }[] = [];
	const add = (file: string, name: string) => {
		const real = path.resolve(file);
		if (seen.has(real)) return;
		seen.add(real);
		wanted.push({ file, name });
	};
	for (const arg of args) {
		let stat;
		try {
			stat = await fs.stat(arg);
		} catch {
			unreadable.push({ source: arg, reason: `${arg}: no such file or folder` });
			continue;
		}
		if (stat.isFile()) {
			add(arg, path.basename(arg));
			continue;
		}
		for (const file of await listTextFiles(arg)) add(path.join(arg, file), file.split(path.sep).join('/'));
	}
	// Read synchronously: thousands of small files read faster without a thread-pool round trip each.
	const sources: SourceFile[] = [];
	for (const { file, name } of wanted) {
		try {
			sources.push({ name, bytes: new Uint8Array(readFileSync(file)) });
		} catch (error) {
			unreadable.push({ source: name, reason: `${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
		}
	}
	return { sources, unreadable };
}

async function listTextFiles(root: string): Promise<string[]> {
	const out: string[] = [];
	const walk = async (rel: string) => {
		for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			const child = rel ? path.join(rel, entry.name) : entry.name;
			if (entry.isDirectory()) await walk(child);
			else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) out.push(child);
		}
	};
	await walk('');
	return out.sort();
}
