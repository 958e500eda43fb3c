// `npm run bench`: runs every benchmark in turn. Each prints its own figures and ratios against a
// baseline measured in the same run (the machines are shared and noisy: compare ratios, not seconds).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
	['Import throughput (CLI)', 'bench/import.ts'],
	['Article extraction (external gold)', 'bench/extraction.ts', '--split', 'test'],
	['Duplicate detection', 'bench/import-dedupe.ts'],
	['Entity discovery (external gold)', 'bench/entities.ts', '--split', 'test', '--genre', 'general'],
	['Auto-link', 'bench/link.ts'],
	['Messages model', 'bench/messages.ts'],
];
const only = process.argv.slice(2);
let failed = 0;
for (const [title, script, ...args] of benches) {
	if (only.length && !only.some((o) => script.includes(o))) continue;
	if (!existsSync(script)) {
		process.stdout.write(`\n## ${title}\n(skipped: ${script} not present)\n`);
		continue;
	}
	process.stdout.write(`\n## ${title}  (npx tsx ${script} ${args.join(' ')})\n`);
	const run = spawnSync('npx', ['tsx', script, ...args], { stdio: 'inherit' });
	if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
