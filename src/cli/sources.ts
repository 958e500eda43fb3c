// Expands the command line's files and folders into source files to import (folders: `.txt`, recursively).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { forEachConcurrent } from '../core/concurrency';
import type { SourceFile } from '../core/import';

const READ_CONCURRENCY = 16;

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
	// Read in parallel, reported in command-line order.
	const read: (SourceFile | UnreadableSource)[] = new Array<SourceFile | UnreadableSource>(wanted.length);
	await forEachConcurrent(wanted, READ_CONCURRENCY, async ({ file, name }, i) => {
		try {
			read[i] = { name, bytes: new Uint8Array(await fs.readFile(file)) };
		} catch (error) {
			read[i] = { source: name, reason: `${name}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
		}
	});
	const sources: SourceFile[] = [];
	for (const r of read) {
		if ('bytes' in r) sources.push(r);
		else unreadable.push(r);
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
