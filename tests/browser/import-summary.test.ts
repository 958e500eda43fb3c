// The import window's per-file report in headless Chromium: counts, one line per file with failures first,
// and file names and reasons shown as text, never as markup.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../src/ui/import-summary';

const CHROMIUM = '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const artifacts = join(repo, 'test-artifacts');

const outcome: ImportOutcome = {
	entities: 12,
	linked: 40,
	notes: [
		{ source: 'a.txt', status: 'created', path: 'Envoy/Articles/A.md', title: 'A', duplicateOf: null, reason: null },
		{ source: 'b.txt', status: 'duplicate', path: null, title: 'A', duplicateOf: 'Envoy/Articles/A.md', reason: 'another copy of Envoy/Articles/A.md (97% of the text in common)' },
		{ source: '<img src=x onerror="window.__hit=1">.txt', status: 'failed', path: null, title: null, duplicateOf: null, reason: '<script>window.__hit=2</script>.txt: binary file' },
		{ source: 'menu.txt', status: 'skipped', path: null, title: null, duplicateOf: null, reason: 'menu.txt: only boilerplate, no article text found' },
		{ source: 'c.txt', status: 'unchanged', path: 'Envoy/Articles/C.md', title: 'C', duplicateOf: null, reason: null },
	],
};

let context: BrowserContext;
let page: Page;
let userDataDir: string;

describe.skipIf(!existsSync(CHROMIUM))('import report in headless Chromium', () => {
	beforeAll(async () => {
		const out = await build({ entryPoints: [join(here, 'import-summary-entry.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
		const js = out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
		const css = readFileSync(join(repo, 'styles.css'), 'utf8');
		const theme = readFileSync(join(here, 'theme.css'), 'utf8');
		userDataDir = mkdtempSync(join(tmpdir(), 'envoy-chromium-'));
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM,
			headless: true,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
			viewport: { width: 420, height: 500 },
		});
		page = context.pages()[0] ?? (await context.newPage());
		await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${theme}</style><style>${css}</style></head><body class="theme-light"><div id="root" class="envoy-import-summary"></div><script>${js}</script></body></html>`);
		mkdirSync(artifacts, { recursive: true });
	});

	afterAll(async () => {
		await context?.close();
		if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
	});

	it('counts each status and lists every file, failures first, with its note or reason', async () => {
		await page.evaluate((o) => window.renderImportSummary(o), outcome);
		expect(await page.textContent('.envoy-import-totals')).toBe('1 failed, 1 created, 1 duplicate, 1 skipped, 1 unchanged; 12 entity notes; 40 links added.');
		const rows = await page.$$eval('.envoy-import-file', (els) => els.map((e) => [e.getAttribute('data-status'), e.querySelector('.envoy-import-source')?.textContent, e.querySelector('.envoy-import-detail')?.textContent ?? null]));
		expect(rows).toEqual([
			['failed', '<img src=x onerror="window.__hit=1">.txt', null],
			['created', 'a.txt', '→ Envoy/Articles/A.md'],
			['duplicate', 'b.txt', '→ duplicate of Envoy/Articles/A.md'],
			['skipped', 'menu.txt', null],
			['unchanged', 'c.txt', '→ Envoy/Articles/C.md'],
		]);
		expect(await page.locator('.envoy-import-file[data-status="skipped"] .envoy-import-reason').textContent()).toBe('menu.txt: only boilerplate, no article text found');
		await page.screenshot({ path: join(artifacts, 'import-summary-light.png') });
	});

	it('shows markup in file names and reasons as inert text', async () => {
		await page.evaluate((o) => window.renderImportSummary(o), outcome);
		expect(await page.locator('#root img, #root script').count()).toBe(0);
		expect(await page.evaluate(() => (window as unknown as { __hit?: number }).__hit ?? 0)).toBe(0);
		expect(await page.locator('.envoy-import-file[data-status="failed"] .envoy-import-reason').textContent()).toBe('<script>window.__hit=2</script>.txt: binary file');
	});

	it('says so when there was nothing to import', async () => {
		await page.evaluate((o) => window.renderImportSummary(o), { notes: [], entities: 0, linked: 0 });
		expect(await page.textContent('.envoy-import-totals')).toBe('Nothing to import; 0 entity notes; 0 links added.');
		expect(await page.locator('.envoy-import-file').count()).toBe(0);
	});
});
