// Import throughput and peak memory on generated corpora of 1,000 and 10,000 articles (~5 KB each),
// stage by stage, against copying the same files (the I/O floor) measured in the same run. The growth
// column compares seconds per MB at 10,000 with 1,000 articles: 1.00 is linear.
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePage } from './lib/generate-articles';
import { defaultThreads } from '../src/cli/prepare-pool';

const SIZES = (process.env.ENVOY_BENCH_ARTICLES ?? '1000,10000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'envoy-bench-import-'));

interface Stage {
	wall: number;
	cpu: number;
}
interface Probe {
	read: Stage;
	import: Stage;
	entities: Stage | null;
	entityNotes: number;
	link: Stage | null;
	statuses: Record<string, number>;
	maxRssMb: number;
	peakRssAfter: Record<string, number>;
}

// The probe is bundled as the CLI is (esbuild, no tsx at run time), so it runs the code users run.
// It lives in bench/out/ (git-ignored) so that its imports resolve in node_modules.
const probeScript = join('bench', 'out', 'import-probe.mjs');
buildSync({ entryPoints: ['bench/lib/import-probe.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: probeScript, logLevel: 'warning' });

/** `threads` 1 is the one-thread path the plugin runs; by default the CLI's worker threads. */
function probe(sources: string, vault: string, mode: 'disk' | 'memory' = 'disk', threads?: number): Probe {
	const child = spawnSync(process.execPath, [probeScript, sources, vault, mode, ...(threads ? [String(threads)] : [])], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: process.cwd() });
	if (child.status !== 0) throw new Error(`import probe failed: ${child.stderr}`);
	return JSON.parse(child.stdout) as Probe;
}

const rows: { n: number; mb: number; copy: number; first: Probe; again: Probe; memory: Probe; single: Probe; pooled: Probe }[] = [];
for (const n of SIZES) {
	const sources = join(work, `sources-${n}`);
	mkdirSync(sources);
	let bytes = 0;
	for (let i = 0; i < n; i++) {
		const page = generatePage(i);
		bytes += Buffer.byteLength(page);
		writeFileSync(join(sources, `article-${String(i).padStart(5, '0')}.txt`), page);
	}
	const copyDir = join(work, `copy-${n}`);
	mkdirSync(copyDir);
	const t0 = performance.now();
	for (const f of readdirSync(sources)) writeFileSync(join(copyDir, f.replace(/\.txt$/, '.md')), readFileSync(join(sources, f)));
	const copy = (performance.now() - t0) / 1000;
	const vault = join(work, `vault-${n}`);
	const first = probe(sources, vault);
	const again = probe(sources, vault);
	const memory = probe(sources, join(work, `unused-${n}`), 'memory');
	const single = probe(sources, join(work, `vault-single-${n}`), 'disk', 1);
	const pooled = probe(sources, join(work, `vault-pooled-${n}`), 'disk', 2);
	rows.push({ n, mb: bytes / 1e6, copy, first, again, memory, single, pooled });
}

const fmt = (mb: number, s: Stage | null) => (s ? `${(mb / s.wall).toFixed(2).padStart(7)} MB/s wall ${(mb / s.cpu).toFixed(2).padStart(7)} MB/s CPU` : '—'.padStart(36));
const label = (text: string) => `  ${text.padEnd(42)}`;
for (const { n, mb, copy, first, again, memory, single, pooled } of rows) {
	process.stdout.write(`\ncorpus: ${n} generated articles, ${mb.toFixed(1)} MB; statuses ${JSON.stringify(first.statuses)}; ${first.entityNotes} entity notes\n`);
	process.stdout.write(`${label('baseline: copy the files')}${(mb / copy).toFixed(2).padStart(7)} MB/s wall\n`);
	process.stdout.write(`${label('read sources')}${fmt(mb, first.read)}\n`);
	process.stdout.write(`${label(`import, as the CLI runs it (${defaultThreads()} thread${defaultThreads() > 1 ? 's' : ''})`)}${fmt(mb, first.import)}  ${(first.import.wall / copy).toFixed(1)}× copy\n`);
	process.stdout.write(`${label('… in one thread, as the plugin runs it')}${fmt(mb, single.import)}\n`);
	process.stdout.write(`${label('… with two worker threads')}${fmt(mb, pooled.import)}  ${(single.import.wall / pooled.import.wall).toFixed(2)}× the speed of one thread\n`);
	process.stdout.write(`${label('… into a vault in memory (no disk)')}${fmt(mb, memory.import)}\n`);
	process.stdout.write(`${label('entity notes (discovery over the vault)')}${fmt(mb, first.entities)}\n`);
	process.stdout.write(`${label('link the vault')}${fmt(mb, first.link)}\n`);
	const total = first.read.wall + first.import.wall + (first.entities?.wall ?? 0) + (first.link?.wall ?? 0);
	const peaks = Object.entries(first.peakRssAfter).map(([stage, rss]) => `${stage} ${rss} MB`).join(', ');
	process.stdout.write(`${label('whole `envoy import`')}${(mb / total).toFixed(2).padStart(7)} MB/s wall  peak RSS after ${peaks}\n`);
	process.stdout.write(`${label('import again (all unchanged)')}${fmt(mb, again.import)}  statuses ${JSON.stringify(again.statuses)}\n`);
}
if (rows.length >= 2) {
	const [a, b] = [rows[0], rows[rows.length - 1]];
	const perMb = (r: (typeof rows)[number], s: 'import' | 'entities' | 'link') => (r.first[s]?.cpu ?? NaN) / r.mb;
	process.stdout.write(`\ngrowth ${a.n} → ${b.n} articles (CPU seconds per MB, 1.00 = linear): `);
	process.stdout.write((['import', 'entities', 'link'] as const).map((s) => `${s} ${(perMb(b, s) / perMb(a, s)).toFixed(2)}`).join(', ') + '\n');
}
rmSync(work, { recursive: true, force: true });
