// Spreads the per-file work of an import (extraction and rendering, most of its time) over worker threads.
// Results come back in input order, so the import decides exactly as it would in one thread; if a worker
// cannot start or dies, the rest is done in this thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { extractArticle } from '../core/extract';
import { prepareText, type ImportOptions, type PrepareJob, type PreparedText } from '../core/import';

/** Texts per message: enough to make the copy and the message cheap, few enough to balance the threads. */
const BATCH = 16;
/** Below this many texts, starting threads costs more than it saves. */
const MIN_JOBS = 64;

/**
 * One worker per core, up to four: the main thread only collects results while they prepare. On two
 * cores bench/import.ts has measured two workers at 0.7–1.4× one thread (about even, on a noisy VM);
 * the work they share grows with the cores, their fixed costs (copying results back, compiling the
 * core again) do not.
 */
export function defaultThreads(cores = availableParallelism()): number {
	return Math.min(4, cores);
}

export function workerPool(script: URL, threads = defaultThreads()): NonNullable<ImportOptions['prepareMany']> {
	return async (jobs, context, onDone) => {
		const results: PreparedText[] = new Array<PreparedText>(jobs.length);
		const here = (from: number, to: number) => {
			for (let k = from; k < to; k++) results[k] = prepareText(jobs[k], context, extractArticle);
			onDone(to - from);
		};
		if (threads < 2 || jobs.length < MIN_JOBS) {
			here(0, jobs.length);
			return results;
		}
		let next = 0;
		const workerData = { sharedLines: [...(context.sharedLines ?? [])], today: context.today };
		const run = (worker: Worker) =>
			new Promise<void>((resolve) => {
				let batchStart = 0;
				const send = () => {
					if (next >= jobs.length) {
						// The listeners hold every text and result of the import: they go with the thread,
						// or the whole batch would stay in memory through the entity and link passes.
						worker.removeAllListeners();
						worker.on('error', () => {});
						void worker.terminate().finally(resolve);
						return;
					}
					batchStart = next;
					next = Math.min(jobs.length, next + BATCH);
					worker.postMessage(jobs.slice(batchStart, next) satisfies PrepareJob[]);
				};
				worker.on('message', (batch: PreparedText[]) => {
					batch.forEach((result, k) => (results[batchStart + k] = result));
					onDone(batch.length);
					send();
				});
				worker.once('error', () => {
					// This thread takes over the batch the worker held; the other workers go on.
					here(batchStart, Math.min(jobs.length, batchStart + BATCH));
					resolve();
				});
				send();
			});
		const workers: Worker[] = [];
		try {
			for (let t = 0; t < threads; t++) workers.push(new Worker(script, { workerData }));
		} catch {
			// No threads on this platform: all of it here.
		}
		await Promise.all(workers.map(run));
		// Whatever no worker took (none started, or all died) is done here.
		if (next < jobs.length) here(next, jobs.length);
		return results;
	};
}
