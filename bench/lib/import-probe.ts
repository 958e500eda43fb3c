// One import run in a fresh process, timed stage by stage through the same calls the CLI makes, so the
// figures separate the import proper (decode, clean, metadata, dedupe, write) from entity notes and links.
// Usage: node --import tsx bench/lib/import-probe.ts <sources> <vault>; prints one JSON line.
import { importSources } from '../../src/core/import';
import { extractArticle, findSharedLines } from '../../src/core/extract';
import { DEFAULT_SETTINGS, linkVault, refreshEntities } from '../../src/core/pipeline';
import { FileSystemStore } from '../../src/cli/fs-store';
import { collectSources } from '../../src/cli/sources';
import { workerPool } from '../../src/cli/prepare-pool';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [sourcesDir, vault, mode, threadsArg] = process.argv.slice(2);
// The CLI's worker threads, from the build (`npm run bench` builds first); `1` runs everything in this thread.
const worker = pathToFileURL(resolve('dist/prepare-worker.mjs'));
const threads = threadsArg === undefined ? undefined : Number(threadsArg);
const prepareMany = existsSync(worker) && threads !== 1 ? workerPool(worker, threads) : undefined;

/** A vault in memory: the same import with no disk under it, to tell our work from the file system's. */
class MemoryVault {
	readonly files = new Map<string, string>();
	async list(folder: string) {
		return [...this.files.keys()].filter((p) => p.startsWith(`${folder}/`)).sort();
	}
	async read(path: string) {
		return this.files.get(path) ?? null;
	}
	async create(path: string, content: string) {
		if (this.files.has(path)) throw new Error(`${path} exists`);
		this.files.set(path, content);
	}
	async replace(path: string, update: (current: string) => string) {
		this.files.set(path, update(this.files.get(path) ?? ''));
	}
	async ensureFolder() {}
	async readState() {
		return null;
	}
	async writeState() {}
}

const store = mode === 'memory' ? new MemoryVault() : new FileSystemStore(vault);
const settings = DEFAULT_SETTINGS;
const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1e6;
};
const peaks: Record<string, number> = {};
const stage = async <T>(fn: () => Promise<T>, name = ''): Promise<{ wall: number; cpu: number; value: T }> => {
	const w0 = performance.now();
	const c0 = cpu();
	const value = await fn();
	if (name) peaks[name] = Math.round(process.resourceUsage().maxRSS / 1024);
	return { wall: (performance.now() - w0) / 1000, cpu: cpu() - c0, value };
};

// Like the CLI, keep nothing of a stage but what the next one needs (the sources' bytes, the articles).
const timing = <T>(s: { wall: number; cpu: number; value: T }) => ({ wall: s.wall, cpu: s.cpu });
let sources = await stage(() => collectSources([sourcesDir]));
const read = timing(sources);
await store.ensureFolder(settings.articlesFolder);
const imported = await stage(async () => (await importSources(sources.value.sources, store, { folder: settings.articlesFolder, today: '2026-12-01', extract: extractArticle, findSharedLines, prepareMany })).report, 'import');
sources = { ...sources, value: { sources: [], unreadable: [] } };
const statuses: Record<string, number> = {};
for (const r of imported.value) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
const wrote = Boolean(statuses.created || statuses.updated);
const entities = wrote ? await stage(() => refreshEntities(store, settings), 'entities') : null;
const links = wrote ? await stage(() => linkVault(store, settings), 'link') : null;
const t = (s: { wall: number; cpu: number } | null) => (s ? { wall: s.wall, cpu: s.cpu } : null);
process.stdout.write(
	JSON.stringify({
		read,
		import: t(imported),
		entities: t(entities),
		entityNotes: entities?.value.length ?? 0,
		link: t(links),
		statuses,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
		peakRssAfter: peaks,
	}) + '\n',
);
