// The import's worker threads must decide exactly what one thread decides.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, findSharedLines } from '../../src/core/extract';
import { prepareText, sourceHash } from '../../src/core/import';
import { defaultThreads, workerPool } from '../../src/cli/prepare-pool';
import { tempDir } from './helpers';

const WORKER = pathToFileURL(join(process.cwd(), 'dist', 'prepare-worker.mjs'));
const SAMPLES = 'samples/raw';

/** Enough texts to start the threads: the samples, each in several variants. */
function jobs(): { name: string; text: string; hash: string }[] {
	const base = readdirSync(SAMPLES).map((f) => ({ name: f, text: readFileSync(join(SAMPLES, f), 'utf8') }));
	return Array.from({ length: 80 }, (_, k) => {
		const { name, text } = base[k % base.length];
		const variant = k % 3 === 0 ? text.replace(/\n\n/g, `\n\nSection ${k}.\n\n`) : text;
		return { name: `${k}-${name}`, text: variant, hash: sourceHash(variant) };
	});
}

describe.skipIf(!existsSync(WORKER.pathname))('import worker threads', () => {
	it('return what this thread would, in input order, and count progress', async () => {
		const input = jobs();
		const context = { sharedLines: findSharedLines(input.map((j) => j.text)), today: '2026-12-01' };
		let progress = 0;
		const pooled = await workerPool(WORKER, 2)(input, context, (n) => (progress += n));
		expect(pooled).toEqual(input.map((j) => prepareText(j, context, extractArticle)));
		expect(progress).toBe(input.length);
	});

	it('fall back to this thread when a worker cannot run', async () => {
		const broken = join(tempDir(), 'broken-worker.mjs');
		writeFileSync(broken, 'throw new Error("no worker here");\n');
		const input = jobs();
		const context = { today: '2026-12-01' };
		const pooled = await workerPool(pathToFileURL(broken), 2)(input, context, () => undefined);
		expect(pooled).toEqual(input.map((j) => prepareText(j, context, extractArticle)));
	});
});

describe('defaultThreads', () => {
	it('starts one worker per core, up to four (one core means no workers)', () => {
		expect([1, 2, 3, 4, 8, 64].map((cores) => defaultThreads(cores))).toEqual([1, 2, 3, 4, 4, 4]);
	});
});
