// One import run in a fresh process, timed stage by stage through the same calls the CLI makes, so the
// figures separate the import proper (decode, clean, metadata, dedupe, write) from entity notes and links.
// Usage: node --import tsx bench/lib/import-probe.ts <sources> <vault>; prints one JSON line.
import { importSources } from '../../src/core/import';
import { extractArticle, findSharedLines } from '../../src/core/extract';
import { DEFAULT_SETTINGS, linkVault, refreshEntities } from '../../src/core/pipeline';
import { FileSystemStore } from '../../src/cli/fs-store';
import { collectSources } from '../../src/cli/sources';

const [sourcesDir, vault] = process.argv.slice(2);
const store = new FileSystemStore(vault);
const settings = DEFAULT_SETTINGS;
const cpu = () => {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1e6;
};
const stage = async <T>(fn: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> => {
	const w0 = performance.now();
	const c0 = cpu();
	const value = await fn();
	return { wall: (performance.now() - w0) / 1000, cpu: cpu() - c0, value };
};

const read = await stage(() => collectSources([sourcesDir]));
await store.ensureFolder(settings.articlesFolder);
const imported = await stage(() => importSources(read.value.sources, store, { folder: settings.articlesFolder, today: '2026-12-01', extract: extractArticle, findSharedLines }));
const wrote = imported.value.report.some((r) => r.status === 'created' || r.status === 'updated');
const entities = wrote ? await stage(() => refreshEntities(store, settings)) : null;
const links = wrote ? await stage(() => linkVault(store, settings)) : null;
const statuses: Record<string, number> = {};
for (const r of imported.value.report) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
const t = (s: { wall: number; cpu: number } | null) => (s ? { wall: s.wall, cpu: s.cpu } : null);
process.stdout.write(
	JSON.stringify({
		read: t(read),
		import: t(imported),
		entities: t(entities),
		entityNotes: entities?.value.length ?? 0,
		link: t(links),
		statuses,
		maxRssMb: process.resourceUsage().maxRSS / 1024,
	}) + '\n',
);
