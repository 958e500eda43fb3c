import { existsSync, promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importPipeline } from '../../core/pipeline';
import type { ImportReportEntry } from '../../core/types';
import { FileSystemStore } from '../fs-store';
import { parseCommandArgs, progress, UsageError, type Io } from '../io';
import { collectSources } from '../sources';
import { loadVaultSettings, today } from '../settings';
import { workerPool } from '../prepare-pool';

/** Built beside cli.mjs (see esbuild.config.mjs); absent when the CLI runs from source, as in tests. */
const WORKER = new URL('./prepare-worker.mjs', import.meta.url);

export async function runImport(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { vault: { type: 'string' }, 'config-dir': { type: 'string' }, json: { type: 'boolean' }, link: { type: 'boolean' } }, true);
	if (!values.vault) throw new UsageError('--vault <dir> is required');
	if (positionals.length === 0) throw new UsageError('name at least one file or folder to import');
	await fs.mkdir(values.vault, { recursive: true });

	const collected = await collectSources(positionals);
	const { unreadable } = collected;
	const settings = await loadVaultSettings(values.vault, values['config-dir']);
	const bar = progress(io, 'Importing');
	// Handed over, not shared: the pipeline frees the files' bytes once they are imported.
	const report = await importPipeline(collected.sources.splice(0), new FileSystemStore(values.vault, values['config-dir']), settings, {
		today: today(),
		link: values.link,
		prepareMany: existsSync(fileURLToPath(WORKER)) ? workerPool(WORKER) : undefined,
		onProgress: (stage, done, total) => (stage === 'import' ? bar.update(done, total) : undefined),
	});
	bar.stop();
	const notes: ImportReportEntry[] = [
		...unreadable.map((u) => ({ source: u.source, status: 'failed' as const, path: null, title: null, duplicateOf: null, reason: u.reason })),
		...report.notes,
	];

	if (values.json) {
		io.out(JSON.stringify({ notes, entities: report.entities }) + '\n');
	} else {
		io.out(formatSummary(notes, report.entities.length, report.linked));
	}
	for (const failed of notes.filter((n) => n.status === 'failed')) io.err(`failed: ${failed.reason ?? failed.source}\n`);
	return notes.some((n) => n.status === 'failed') ? 1 : 0;
}

function formatSummary(notes: ImportReportEntry[], entities: number, linked: number): string {
	const lines = notes.map((n) => {
		// A duplicate's reason already names the note it copies ("another copy of X (97% …)").
		const detail = n.status === 'duplicate' ? (n.reason ?? `duplicate of ${n.duplicateOf}`) : (n.path ?? '');
		const reason = n.reason && n.status !== 'failed' && n.status !== 'duplicate' ? ` (${n.reason})` : '';
		return `${n.status.padEnd(9)} ${n.source}${detail ? ` → ${detail}` : ''}${reason}`;
	});
	const counts = new Map<string, number>();
	for (const n of notes) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
	const summary = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
	return `${lines.join('\n')}\n\n${notes.length} file(s): ${summary || 'nothing to do'}; ${entities} entity note(s); ${linked} link(s) added.\n`;
}
