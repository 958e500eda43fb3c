// CLI import throughput and peak memory on a generated corpus of 1,000 articles, against copying the
// same files (the I/O floor) measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePage } from './lib/generate-articles';

const COUNT = Number(process.env.ENVOY_BENCH_ARTICLES ?? 1000);
const work = mkdtempSync(join(tmpdir(), 'envoy-bench-import-'));
const sources = join(work, 'sources');
mkdirSync(sources);
let bytes = 0;
for (let i = 0; i < COUNT; i++) {
	const page = generatePage(i);
	bytes += Buffer.byteLength(page);
	writeFileSync(join(sources, `article-${String(i).padStart(5, '0')}.txt`), page);
}
const mb = bytes / 1e6;

function timed(fn: () => void): number {
	const t0 = performance.now();
	fn();
	return (performance.now() - t0) / 1000;
}

const copyDir = join(work, 'copy');
mkdirSync(copyDir);
const copySeconds = timed(() => {
	for (const f of readdirSync(sources)) writeFileSync(join(copyDir, f.replace(/\.txt$/, '.md')), readFileSync(join(sources, f)));
});

const probe = join(work, 'probe.mjs');
const cli = join(process.cwd(), 'dist', 'cli.mjs');
writeFileSync(
	probe,
	`import { main } from ${JSON.stringify(cli)};\nconst quiet = { out: () => {}, err: (t) => process.stderr.write(t), interactive: false };\n` +
		`const t0 = performance.now(); const code = await main(process.argv.slice(2), quiet);\n` +
		`process.stdout.write(JSON.stringify({ code, seconds: (performance.now() - t0) / 1000, maxRssKb: process.resourceUsage().maxRSS }));\n`,
);
const run = (args: string[]) => {
	const child = spawnSync(process.execPath, [probe, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
	if (child.status !== 0 && child.status !== 1) throw new Error(`import failed: ${child.stderr}`);
	return JSON.parse(child.stdout) as { code: number; seconds: number; maxRssKb: number };
};
const vault = join(work, 'vault');
const noLink = run(['import', sources, '--vault', vault, '--no-link']);
const vault2 = join(work, 'vault2');
const full = run(['import', sources, '--vault', vault2]);
const again = run(['import', sources, '--vault', vault2]);
const notes = readdirSync(join(vault2, 'Envoy', 'Articles')).length;

const row = (name: string, seconds: number, extra = '') =>
	process.stdout.write(`${name.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${(mb / seconds).toFixed(2).padStart(8)} MB/s  ${(seconds / copySeconds).toFixed(1).padStart(6)}× copy${extra}\n`);
process.stdout.write(`corpus: ${COUNT} generated articles, ${mb.toFixed(1)} MB; ${notes} notes written\n`);
row('baseline: copy files', copySeconds);
row('envoy import --no-link', noLink.seconds, `  peak RSS ${(noLink.maxRssKb / 1024).toFixed(0)} MB`);
row('envoy import (entities + links)', full.seconds, `  peak RSS ${(full.maxRssKb / 1024).toFixed(0)} MB`);
row('envoy import again (unchanged)', again.seconds, `  peak RSS ${(again.maxRssKb / 1024).toFixed(0)} MB`);
rmSync(work, { recursive: true, force: true });
