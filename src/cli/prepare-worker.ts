// A worker thread of `envoy import`: prepares texts in batches with the same core function the import
// runs in-process (see prepare-pool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from '../core/extract';
import { prepareText, type PrepareContext, type PrepareJob } from '../core/import';

const data = workerData as { sharedLines: string[]; today: string };
const context: PrepareContext = { sharedLines: new Set(data.sharedLines), today: data.today };

parentPort?.on('message', (batch: PrepareJob[]) => {
	parentPort?.postMessage(batch.map((job) => prepareText(job, context, extractArticle)));
});
