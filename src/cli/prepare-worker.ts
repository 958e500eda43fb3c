// A worker thread of `envoy import`: cleans texts and renders their notes' bodies, in batches, with the
// same core function the import runs in-process (see prepare-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from '../core/extract';
import { prepareText, type PrepareJob } from '../core/import';

const sharedLines = new Set<string>((workerData as { sharedLines: string[] }).sharedLines);

parentPort?.on('message', (batch: PrepareJob[]) => {
	parentPort?.postMessage(batch.map((job) => prepareText(job.text, sharedLines, extractArticle)));
});
