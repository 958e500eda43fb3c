// The messages view's DOM in real headless Chromium: render.ts + state.ts bundled with esbuild,
// styles.css and stand-in theme variables loaded into a blank page, then DOM assertions and screenshots.
// Skips (with a message) when /usr/bin/chromium is absent; CI installs it with apt.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessagesModel } from '../../src/core/types';
import type { ViewState } from '../../src/ui/messages/state';
import { bigModel, message, sampleModel, section } from './fixtures';

const CHROMIUM = '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const artifacts = join(repo, 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
	console.warn(`[tests/browser] skipped: ${CHROMIUM} not found. Install it with "apt-get install -y chromium" to run the view tests.`);
}

let context: BrowserContext;
let page: Page;
let userDataDir: string;
let html: string;
let viewHtml: string;
const dialogs: string[] = [];

async function load(theme: 'light' | 'dark' = 'light'): Promise<void> {
	await page.setContent(html.replace('<body class="theme-light">', `<body class="theme-${theme}">`));
}

async function render(model: MessagesModel | null, state: Partial<ViewState> = {}, options: { mark?: boolean; export?: boolean } = {}): Promise<number> {
	return page.evaluate(([m, s, o]) => window.render(m, s, o), [model, state, options] as const);
}

const cardTexts = (scope = '#root') => page.$$eval(`${scope} .envoy-passage`, (els) => els.map((e) => e.textContent ?? ''));
const countCards = (scope = '#root') => page.locator(`${scope} .envoy-card`).count();
const sectionOf = (capital: string) => `.envoy-capital[data-capital="${capital}"]`;

describe.skipIf(!hasChromium)('messages view in headless Chromium', () => {
	beforeAll(async () => {
		const t0 = Date.now();
		const bundle = async (entry: string, alias: Record<string, string> = {}): Promise<string> => {
			const out = await build({
				entryPoints: [join(here, entry)],
				bundle: true,
				format: 'iife',
				platform: 'browser',
				target: 'es2022',
				write: false,
				logLevel: 'silent',
				alias,
			});
			// Escaped so the bundle cannot close its own <script> element.
			return out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
		};
		const [js, viewJs] = await Promise.all([
			bundle('harness-entry.ts'),
			bundle('view-entry.ts', { obsidian: join(here, 'obsidian-stub.ts') }),
		]);
		const css = readFileSync(join(repo, 'styles.css'), 'utf8');
		const theme = readFileSync(join(here, 'theme.css'), 'utf8');
		const pageHtml = (body: string, script: string): string => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Envoy messages view</title><style>${theme}</style><style>${css}</style></head>
<body class="theme-light">${body}<script>${script}</script></body></html>`;
		html = pageHtml('<div id="root"></div>', js);
		viewHtml = pageHtml('<div id="leaf"></div>', viewJs);

		userDataDir = mkdtempSync(join(tmpdir(), 'envoy-chromium-'));
		context = await chromium.launchPersistentContext(userDataDir, {
			executablePath: CHROMIUM,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
			],
			viewport: { width: 400, height: 900 },
		});
		page = context.pages()[0] ?? (await context.newPage());
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		mkdirSync(artifacts, { recursive: true });
		console.log(`[tests/browser] bundle and launch: ${Date.now() - t0} ms`);
	});

	afterAll(async () => {
		await context?.close();
		if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
	});

	beforeEach(async () => {
		await load('light');
	});

	it('renders a section per capital with its count, in model order', async () => {
		await render(sampleModel());
		const heads = await page.$$eval('.envoy-capital-toggle', (els) =>
			els.map((e) => ({
				name: e.querySelector('.envoy-capital-name')?.textContent,
				country: e.querySelector('.envoy-capital-country')?.textContent,
				count: e.querySelector('.envoy-count')?.textContent,
				expanded: e.getAttribute('aria-expanded'),
			})),
		);
		expect(heads).toEqual([
			{ name: 'Seoul', country: 'South Korea', count: '3 messages', expanded: 'true' },
			{ name: 'Beijing', country: 'China', count: '2 messages', expanded: 'true' },
			{ name: 'Moscow', country: 'Russia', count: '1 message', expanded: 'true' },
		]);
		expect(await countCards(sectionOf('Seoul'))).toBe(3);
		expect(await page.textContent('.envoy-summary-text')).toBe('6 messages to 3 capitals');
	});

	it('shows sender → recipient, the passage with <mark>ed cue and capital, and the source', async () => {
		await render(sampleModel());
		const card = page.locator(`${sectionOf('Seoul')} .envoy-card`).first();
		expect(await card.locator('.envoy-card-route').textContent()).toBe('Washington→ to Seoul');
		expect(await card.locator('.envoy-passage').textContent()).toBe('Washington sent a clear message to Seoul on Tuesday about the trade talks.');
		const marks = await card.locator('mark').evaluateAll((els) => els.map((e) => `${e.className}|${e.textContent}`));
		expect(marks).toEqual(['envoy-mark envoy-mark-sender|Washington', 'envoy-mark envoy-mark-cue|message to', 'envoy-mark envoy-mark-recipient|Seoul']);
		expect(await card.locator('.envoy-source-title').textContent()).toBe('Trade talks stall');
		expect(await card.locator('.envoy-source-outlet').textContent()).toBe('The Harbour Review');
		expect(await card.locator('time').getAttribute('datetime')).toBe('2024-03-02');
		// The third Seoul passage has no sender, outlet or date: it says so instead of leaving blanks.
		const unknown = page.locator(`${sectionOf('Seoul')} .envoy-card`).nth(2);
		expect(await unknown.locator('.envoy-sender-unknown').textContent()).toBe('Unknown sender');
		expect(await unknown.locator('.envoy-source-outlet').count()).toBe(0);
		// A confirmed message carries a badge.
		expect(await page.locator('.envoy-card[data-origin="confirmed"] .envoy-badge').textContent()).toBe('Confirmed');
	});

	it('filters by text while the field keeps focus and caret', async () => {
		await render(sampleModel());
		// The status line must be the same node throughout, or screen readers would not announce it.
		await page.$eval('.envoy-summary-text', (e) => e.setAttribute('data-probe', 'same'));
		await page.click('.envoy-filter-text');
		await page.keyboard.type('harbour');
		expect(await page.getAttribute('[role="status"].envoy-summary-text', 'data-probe')).toBe('same');
		expect(await countCards()).toBe(2);
		expect(await page.evaluate(() => document.activeElement?.classList.contains('envoy-filter-text'))).toBe(true);
		await page.keyboard.type(' chips');
		expect(await cardTexts()).toEqual(['Washington warned Beijing that export controls would widen.']);
		expect(await page.textContent('.envoy-summary-text')).toBe('1 matching message to 1 capital');
		expect((await page.evaluate(() => window.lastState()))?.filters.text).toBe('harbour chips');
		await page.fill('.envoy-filter-text', 'no such words');
		expect(await countCards()).toBe(0);
		expect(await page.textContent('.envoy-messages-empty')).toContain('No messages match these filters.');
		await page.click('.envoy-messages-empty button');
		expect(await countCards()).toBe(6);
		expect(await page.inputValue('.envoy-filter-text')).toBe('');
	});

	it('filters by sender, outlet and date range', async () => {
		await render(sampleModel());
		await page.selectOption('.envoy-field-sender select', 'Washington');
		expect(await countCards()).toBe(2);
		await page.selectOption('.envoy-field-outlet select', 'Northern Ledger');
		expect(await countCards()).toBe(0);
		await page.selectOption('.envoy-field-sender select', '');
		expect(await countCards()).toBe(2);
		await page.selectOption('.envoy-field-outlet select', '');
		await page.fill('.envoy-field-dateFrom input', '2024-01-01');
		expect(await countCards()).toBe(3);
		await page.fill('.envoy-field-dateTo input', '2024-02-28');
		expect(await cardTexts()).toEqual([
			'Washington warned Beijing that export controls would widen.',
			'The Kremlin has a message for Beijing: the pipeline deal is not closed.',
		]);
		const state = await page.evaluate(() => window.lastState());
		expect(state?.filters).toMatchObject({ dateFrom: '2024-01-01', dateTo: '2024-02-28', sender: '', outlet: '' });
		expect(await page.isDisabled('.envoy-clear-filters')).toBe(false);
	});

	it('sorts oldest first and by sender', async () => {
		await render(sampleModel());
		await page.selectOption('.envoy-field-sort select', 'oldest');
		expect(await page.$$eval(`${sectionOf('Seoul')} time`, (els) => els.map((e) => e.textContent))).toEqual(['2023-11-15', '2024-03-02']);
		await page.selectOption('.envoy-field-sort select', 'sender');
		expect(await page.$$eval(`${sectionOf('Seoul')} .envoy-sender`, (els) => els.map((e) => e.textContent))).toEqual([
			'Tokyo',
			'Washington',
			'Unknown sender',
		]);
	});

	it('collapses a capital with aria-expanded, by mouse and by keyboard, and reports the state', async () => {
		await render(sampleModel());
		const toggle = `${sectionOf('Seoul')} .envoy-capital-toggle`;
		expect(await page.getAttribute(toggle, 'aria-controls')).toMatch(/^envoy-capital-\d+$/);
		await page.click(toggle);
		expect(await page.getAttribute(toggle, 'aria-expanded')).toBe('false');
		expect(await countCards(sectionOf('Seoul'))).toBe(0);
		expect((await page.evaluate(() => window.lastState()))?.collapsed).toEqual(['Capitals/Seoul.md']);
		// Focus survives the redraw, so Enter on the same toggle expands it again.
		expect(await page.evaluate(() => document.activeElement?.classList.contains('envoy-capital-toggle'))).toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.getAttribute(toggle, 'aria-expanded')).toBe('true');
		expect(await countCards(sectionOf('Seoul'))).toBe(3);
		// A persisted collapse is honoured on the next render.
		await render(sampleModel(), { collapsed: ['Capitals/Beijing.md'] });
		expect(await page.getAttribute(`${sectionOf('Beijing')} .envoy-capital-toggle`, 'aria-expanded')).toBe('false');
		expect(await countCards()).toBe(4);
	});

	it('opens the right message on click, Ctrl-click (new tab), Enter and Space', async () => {
		await render(sampleModel());
		await page.click(`${sectionOf('Beijing')} .envoy-card-open >> nth=1`);
		await page.click(`${sectionOf('Seoul')} .envoy-card-open >> nth=0`, { modifiers: ['Control'] });
		await page.focus(`${sectionOf('Moscow')} .envoy-card-open`);
		await page.keyboard.press('Enter');
		await page.keyboard.press('Space');
		const calls = await page.evaluate(() => window.calls.open);
		expect(calls.map((c) => [c.recipient, c.text.slice(0, 16), c.newLeaf])).toEqual([
			['Beijing', 'The Kremlin has ', false],
			['Seoul', 'Washington sent ', true],
			['Moscow', 'Kyiv told Moscow', false],
			['Moscow', 'Kyiv told Moscow', false],
		]);
		expect(calls[1]).toMatchObject({ note: 'Articles/Trade talks stall.md', line: 7 });
		// Keyboard focus is visible.
		const outline = await page.$eval(`${sectionOf('Moscow')} .envoy-card-open`, (e) => getComputedStyle(e).outlineStyle);
		expect(outline).toBe('solid');
	});

	it('reaches filters, toggles and cards with Tab, with button semantics on cards', async () => {
		await render(sampleModel());
		await page.focus('.envoy-filter-text');
		const seen: string[] = [];
		// Date inputs take several stops each (day, month, year), hence the generous count.
		for (let i = 0; i < 24; i++) {
			await page.keyboard.press('Tab');
			seen.push(await page.evaluate(() => document.activeElement?.getAttribute('data-envoy-key') ?? document.activeElement?.tagName ?? ''));
		}
		expect(seen.slice(0, 3)).toEqual(['filter:sender', 'filter:outlet', 'sort']);
		expect(seen).toContain('show-all');
		expect(seen).toContain('matrix:toggle');
		expect(seen).toContain('toggle:Capitals/Seoul.md');
		expect(seen).toContain('card:Capitals/Seoul.md#0');
		expect(await page.getAttribute('.envoy-card-open >> nth=0', 'role')).toBe('button');
	});

	it('pages a capital with 1,000 messages: 50 cards, then 50 more per click', async () => {
		const ms = await render(bigModel(1000));
		console.log(`[tests/browser] first render of 1,000 messages (50 cards): ${ms.toFixed(1)} ms`);
		expect(await countCards()).toBe(50);
		expect(await page.textContent('.envoy-count')).toBe('1000 messages');
		expect(await page.textContent('.envoy-show-more')).toBe('Show 50 more (950 not shown)');
		const t0 = Date.now();
		await page.click('.envoy-show-more');
		expect(await countCards()).toBe(100);
		console.log(`[tests/browser] "Show more" to 100 cards: ${Date.now() - t0} ms (round trip)`);
		expect(await page.evaluate(() => document.activeElement?.classList.contains('envoy-show-more'))).toBe(true);
		expect((await page.evaluate(() => window.lastState()))?.pages).toEqual({ 'Capitals/Seoul.md': 2 });
		// Filtering the whole thousand while typing stays quick.
		const t1 = Date.now();
		await page.fill('.envoy-filter-text', 'item 7');
		console.log(`[tests/browser] text filter over 1,000 messages: ${Date.now() - t1} ms (round trip)`);
		expect(await countCards()).toBeGreaterThan(0);
		// Rendering everything at once would be the slow path the paging avoids; measured for the record.
		const all = await render(bigModel(1000), { pageSize: 500, pages: { 'Capitals/Seoul.md': 2 } });
		console.log(`[tests/browser] render of all 1,000 cards: ${all.toFixed(1)} ms`);
		expect(await countCards()).toBe(1000);
		expect(await page.locator('.envoy-show-more').count()).toBe(0);
	});

	it('draws a vault-sized model (60 capitals, 20,000 messages) with a bounded number of cards', async () => {
		const one = bigModel(330).capitals[0];
		const model: MessagesModel = {
			capitals: Array.from({ length: 60 }, (_, i) => ({ ...one, capital: `Capital ${i}`, note: `Capitals/Capital ${i}.md`, messages: one.messages.map((m) => ({ ...m, recipient: `Capital ${i}` })) })),
		};
		const ms = await render(model);
		console.log(`[tests/browser] first render of 60 capitals × 330 messages: ${ms.toFixed(1)} ms, ${await countCards()} cards`);
		// Three capitals' first pages; the other 57 show their heading and count, and wait.
		expect(await countCards()).toBe(150);
		expect(await page.locator('.envoy-capital').count()).toBe(60);
		expect(await page.textContent(`${sectionOf('Capital 3')} .envoy-show-deferred`)).toBe('Show 50 of 330 messages');
		expect(await page.textContent(`${sectionOf('Capital 3')} .envoy-count`)).toBe('330 messages');
		// From the keyboard: the button draws that capital and puts the focus on its first card.
		await page.focus(`${sectionOf('Capital 40')} .envoy-show-deferred`);
		await page.keyboard.press('Enter');
		expect(await countCards(sectionOf('Capital 40'))).toBe(50);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-envoy-key'))).toBe('card:Capitals/Capital 40.md#0');
		// Scrolling draws the capitals that come into view, without redrawing the others.
		await page.$eval(`${sectionOf('Capital 0')}`, (e) => e.setAttribute('data-probe', 'kept'));
		await page.$eval(`${sectionOf('Capital 20')}`, (e) => e.scrollIntoView());
		await page.waitForFunction(() => document.querySelectorAll('.envoy-capital[data-capital="Capital 20"] .envoy-card').length === 50);
		expect(await page.getAttribute(sectionOf('Capital 0'), 'data-probe')).toBe('kept');
		expect(await countCards()).toBeLessThan(1000);
		// Typing filters all 20,000 messages on every keystroke: timed inside the page, per keystroke.
		const perKey = await page.$eval('.envoy-filter-text', (input) => {
			const field = input as HTMLInputElement;
			const times: number[] = [];
			for (const value of ['i', 'it', 'ite', 'item', 'item ', 'item 7']) {
				const t = performance.now();
				field.value = value;
				field.dispatchEvent(new Event('input', { bubbles: true }));
				times.push(performance.now() - t);
			}
			return times;
		});
		console.log(`[tests/browser] text filter over 20,000 messages, per keystroke: ${perKey.map((t) => t.toFixed(0)).join(', ')} ms`);
		expect(await page.textContent('.envoy-summary-text')).toMatch(/matching messages to 60 capitals/);
	});

	it('keeps the scroll position across a redraw with a new model and a collapse', async () => {
		await render(bigModel(200));
		await page.$eval('#root', (e) => (e.scrollTop = 2000));
		await render(bigModel(201)); // what the view does when the vault changes
		expect(await page.$eval('#root', (e) => e.scrollTop)).toBe(2000);
		await page.click('.envoy-show-more');
		expect(await page.$eval('#root', (e) => e.scrollTop)).toBeGreaterThan(1500);
	});

	it('shows the sender × capital matrix, and a cell click filters', async () => {
		await render(sampleModel());
		expect(await page.getAttribute('.envoy-matrix-toggle', 'aria-expanded')).toBe('false');
		expect(await page.locator('.envoy-matrix-table').count()).toBe(0);
		await page.click('.envoy-matrix-toggle');
		expect(await page.getAttribute('.envoy-matrix-toggle', 'aria-expanded')).toBe('true');
		const header = await page.$$eval('.envoy-matrix-table thead th', (els) => els.map((e) => e.textContent));
		expect(header).toEqual(['Sender', 'Seoul', 'Beijing', 'Moscow']);
		const rows = await page.$$eval('.envoy-matrix-table tbody tr', (trs) =>
			trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)),
		);
		expect(rows).toContainEqual(['Washington', '1', '1', '0']);
		expect(rows).toContainEqual(['Kyiv', '0', '0', '1']);
		expect(rows).toContainEqual(['Unknown sender', '1', '0', '0']);
		await page.click('.envoy-matrix-cell[data-sender="Washington"][data-recipient="Beijing"]');
		expect(await cardTexts()).toEqual(['Washington warned Beijing that export controls would widen.']);
		expect(await page.getAttribute('.envoy-matrix-cell[data-sender="Washington"][data-recipient="Beijing"]', 'aria-pressed')).toBe('true');
		expect(await page.inputValue('.envoy-field-sender select')).toBe('Washington');
		expect(await page.textContent('.envoy-chip')).toContain('Only Beijing');
		await page.click('.envoy-chip');
		expect(await countCards()).toBe(2);
	});

	it('shows mentions, dismissed passages and empty capitals with "Show all mentions", flagged', async () => {
		await render(sampleModel(), {}, { mark: true });
		expect(await page.locator('.envoy-field-sender option[value="Minsk"]').count()).toBe(0);
		await page.check('.envoy-toggle input');
		expect(await page.isChecked('.envoy-toggle input')).toBe(true);
		expect(await page.$$eval('.envoy-capital-name', (els) => els.map((e) => e.textContent))).toEqual(['Seoul', 'Beijing', 'Moscow', 'Pyongyang']);
		expect(await countCards(sectionOf('Beijing'))).toBe(3);
		expect(await countCards(sectionOf('Moscow'))).toBe(2);
		expect((await page.evaluate(() => window.lastState()))?.showAllMentions).toBe(true);
		expect(await page.locator('.envoy-field-sender option[value="Minsk"]').count()).toBe(1);
		// A mention can be promoted to a message; a dismissed passage says so and asks nothing.
		const mention = page.locator('.envoy-card-aside', { hasText: 'Delegates landed' });
		expect(await mention.locator('.envoy-badge').textContent()).toBe('Mention only');
		expect(await mention.locator('.envoy-card-actions button').allTextContents()).toEqual(['Mark as message']);
		await mention.locator('.envoy-action-confirm').click();
		expect(await page.evaluate(() => window.calls.marks)).toEqual([{ text: 'Delegates landed in Beijing late on Sunday.', action: 'confirm' }]);
		// A dismissed passage says so and only offers to take the verdict back.
		const dismissed = page.locator('.envoy-card-aside', { hasText: 'Minsk told' });
		expect(await dismissed.locator('.envoy-badge').textContent()).toBe('Dismissed');
		expect(await dismissed.locator('.envoy-card-actions button').allTextContents()).toEqual(['Undo']);
		expect(await dismissed.locator('.envoy-action-clear').getAttribute('aria-label')).toBe('Undo dismissal: Minsk to Moscow');
		await dismissed.locator('.envoy-action-clear').click();
		expect((await page.evaluate(() => window.calls.marks)).at(-1)).toEqual({ text: 'Minsk told reporters that Moscow weather was cold.', action: 'clear' });
	});

	it('says why a continued paragraph is listed, and offers to undo a confirmation', async () => {
		const continued = { ...message({ text: 'Sanctions have a price, and the islands will stay Russian.', cue: 'continues: message to', recipient: 'Tokyo', sender: 'Moscow' }), continued: true };
		await render({ capitals: [section('Tokyo', 'Japan', [continued, message({ text: 'Moscow told Tokyo so.', cue: 'told', recipient: 'Tokyo', sender: 'Moscow', origin: 'confirmed', line: 9 })])] }, {}, { mark: true });
		const cards = page.locator('.envoy-card');
		expect(await cards.nth(0).locator('.envoy-badge').textContent()).toBe('Continues a message');
		expect(await cards.nth(0).locator('.envoy-card-actions button').allTextContents()).toEqual(['Confirm', 'Dismiss']);
		expect(await cards.nth(1).locator('.envoy-badge').textContent()).toBe('Confirmed');
		expect(await cards.nth(1).locator('.envoy-action-clear').getAttribute('aria-label')).toBe('Undo confirmation: Moscow to Tokyo');
	});

	it('notes republished copies folded into a passage', async () => {
		await render(sampleModel());
		expect(await page.textContent(`${sectionOf('Beijing')} .envoy-source-copies`)).toBe('Also in 2 other notes');
	});

	it('calls onMark and onExport when the provider supports them', async () => {
		await render(sampleModel(), {}, { mark: true, export: true });
		// Only detected messages can be confirmed or dismissed; the confirmed one can only be undone.
		expect(await page.locator('.envoy-action-confirm').count()).toBe(5);
		expect(await page.locator('.envoy-card[data-origin="confirmed"] .envoy-card-actions button').allTextContents()).toEqual(['Undo']);
		await page.click(`${sectionOf('Moscow')} .envoy-action-dismiss`);
		await page.click('.envoy-export');
		const calls = await page.evaluate(() => window.calls);
		expect(calls.marks).toEqual([{ text: 'Kyiv told Moscow that the grain corridor must stay open.', action: 'dismiss' }]);
		expect(calls.exports).toBe(1);
		expect(calls.open).toEqual([]);
	});

	it('shows note text with markup as inert text', async () => {
		const evil = '<img src=x onerror=alert(1)> and <script>window.pwned=1</script> to Seoul';
		const model: MessagesModel = {
			capitals: [
				section('Seoul', '<b>South Korea</b>', [
					message({
						text: evil,
						cue: '<script>',
						recipient: 'Seoul',
						sender: '<img src=x onerror=alert(2)>',
						title: '<script>window.pwned=2</script>',
						outlet: '<iframe src="javascript:alert(3)">',
					}),
				]),
			],
		};
		await render(model);
		await page.click('.envoy-matrix-toggle');
		await page.waitForTimeout(150); // give a broken image's onerror the chance to fire
		expect(await page.textContent('.envoy-passage')).toBe(evil);
		expect(await page.textContent('.envoy-sender')).toBe('<img src=x onerror=alert(2)>');
		expect(await page.textContent('.envoy-source-title')).toBe('<script>window.pwned=2</script>');
		expect(await page.textContent('.envoy-capital-country')).toBe('<b>South Korea</b>');
		expect(await page.locator('#root img, #root script, #root iframe, #root b').count()).toBe(0);
		expect(await page.evaluate(() => window.pwned)).toBeUndefined();
		expect(dialogs).toEqual([]);
	});

	it('says what to do when there is nothing yet, and shows loading', async () => {
		await render({ capitals: [] });
		expect(await page.textContent('.envoy-messages-empty')).toContain('Import articles and link entities');
		// Only plain mentions: the view offers the toggle that shows them rather than a blank pane.
		await render({ capitals: [section('Oslo', 'Norway', [message({ text: 'Talks were held in Oslo.', cue: '', recipient: 'Oslo' })])] });
		expect(await page.textContent('.envoy-messages-empty')).toContain('no passage addresses one yet');
		await page.click('.envoy-messages-empty button');
		expect(await countCards()).toBe(1);
		await render({ capitals: [section('Oslo', 'Norway', [])] });
		expect(await page.textContent('.envoy-messages-empty')).toContain('No messages to capitals yet');
		await render(null);
		expect(await page.getAttribute('.envoy-messages-loading', 'role')).toBe('status');
		expect(await page.textContent('.envoy-messages-loading')).toBe('Loading messages…');
	});

	it('saves light, dark and phone-width screenshots', async () => {
		const shots: string[] = [];
		for (const theme of ['light', 'dark'] as const) {
			await load(theme);
			await render(sampleModel(), { matrixOpen: true }, { mark: true, export: true });
			await page.mouse.move(0, 0); // no hover left over from an earlier click
			await page.$eval('#root', (e) => e.classList.add('full-height'));
			// After a key press Chromium treats programmatic focus as keyboard focus: the ring shows in the shot.
			await page.keyboard.press('Shift');
			await page.focus(`${sectionOf('Seoul')} .envoy-card-open`);
			const path = join(artifacts, `messages-${theme}.png`);
			await page.screenshot({ path, fullPage: true });
			shots.push(path);
		}
		await page.setViewportSize({ width: 320, height: 700 });
		await load('dark');
		await render(sampleModel(), { matrixOpen: true });
		await page.$eval('#root', (e) => e.classList.add('full-height'));
		// Nothing may force a horizontal scrollbar on a phone: the matrix scrolls inside its own box.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		const phone = join(artifacts, 'messages-phone-dark.png');
		await page.screenshot({ path: phone, fullPage: true });
		shots.push(phone);
		await page.setViewportSize({ width: 400, height: 900 });
		for (const shot of shots) expect(statSync(shot).size).toBeGreaterThan(10_000);
	});

	describe('MessagesView over an obsidian stand-in', () => {
		const settle = () => page.waitForTimeout(400); // longer than the view's 250 ms debounce

		beforeEach(async () => {
			await page.setContent(viewHtml);
		});

		it('renders into containerEl.children[1] and names itself', async () => {
			await page.evaluate((m) => window.viewHarness.mount(m), sampleModel());
			const h = await page.evaluate(() => ({ ...window.viewHarness }));
			expect([h.type, h.displayText, h.icon, h.listeners]).toEqual(['envoy-messages', 'Messages to capitals', 'send', 1]);
			expect(await page.locator('.view-header').evaluate((e) => e.childElementCount)).toBe(0);
			expect(await page.locator('.view-content.envoy-messages-view .envoy-card').count()).toBe(6);
			await page.click('.envoy-card-open >> nth=0', { modifiers: ['Meta'] });
			expect(await page.evaluate(() => window.viewHarness.opens)).toEqual([
				{ text: 'Washington sent a clear message to Seoul on Tuesday about the trade talks.', newLeaf: true },
			]);
		});

		it('shows loading, then redraws once per burst of model changes', async () => {
			await page.evaluate(() => window.viewHarness.mount(null));
			expect(await page.textContent('.envoy-messages-loading')).toBe('Loading messages…');
			const before = await page.evaluate(() => window.viewHarness.renders);
			await page.evaluate((m) => {
				for (let i = 0; i < 5; i++) window.viewHarness.setModel(m);
			}, sampleModel());
			expect(await page.locator('.envoy-messages-loading').count()).toBe(1); // not yet: debounced
			await settle();
			expect(await page.locator('.envoy-card').count()).toBe(6);
			expect(await page.evaluate(() => window.viewHarness.renders)).toBe(before + 1);
		});

		it('persists its state through getState/setState as the workspace does', async () => {
			await page.evaluate((m) => window.viewHarness.mount(m), sampleModel());
			await page.click(`${sectionOf('Seoul')} .envoy-capital-toggle`);
			await page.fill('.envoy-filter-text', 'washington');
			const saved = await page.evaluate(() => JSON.stringify(window.viewHarness.view().getState()));
			expect(await page.evaluate(() => window.obsidianStub.layoutSaves)).toBeGreaterThan(0);
			const parsed = JSON.parse(saved) as { envoyMessages: ViewState };
			expect(parsed.envoyMessages.collapsed).toEqual(['Capitals/Seoul.md']);
			expect(parsed.envoyMessages.filters.text).toBe('washington');

			// A fresh view restored from the saved JSON shows the same thing.
			await page.setContent(viewHtml);
			await page.evaluate(
				async ([m, state]) => {
					await window.viewHarness.mount(m);
					await window.viewHarness.view().setState(JSON.parse(state), { history: false });
				},
				[sampleModel(), saved] as const,
			);
			expect(await page.getAttribute(`${sectionOf('Seoul')} .envoy-capital-toggle`, 'aria-expanded')).toBe('false');
			expect(await page.inputValue('.envoy-filter-text')).toBe('washington');
			expect(await page.locator('.envoy-card').count()).toBe(1);
			// What ItemView keeps in the state is passed on, not dropped.
			expect(await page.evaluate(() => window.viewHarness.view().getState().base)).toBe(true);
			// A state without the view's key leaves the reader's settings alone...
			await page.evaluate(() => window.viewHarness.view().setState({}, { history: false }));
			expect(await page.locator('.envoy-card').count()).toBe(1);
			// ...and garbage in the workspace file falls back to defaults instead of breaking the view.
			await page.evaluate(() => window.viewHarness.view().setState({ envoyMessages: { collapsed: 'x', sort: 3 } }, { history: false }));
			expect(await page.locator('.envoy-card').count()).toBe(6);
		});

		it('unsubscribes and empties on close, and stops redrawing', async () => {
			await page.evaluate((m) => window.viewHarness.mount(m), sampleModel());
			await page.evaluate((m) => window.viewHarness.setModel(m), bigModel(3)); // pending redraw...
			await page.evaluate(() => window.viewHarness.close()); // ...cancelled by close
			const renders = await page.evaluate(() => window.viewHarness.renders);
			await page.evaluate((m) => window.viewHarness.setModel(m), sampleModel());
			await settle();
			expect(await page.evaluate(() => window.viewHarness.listeners)).toBe(0);
			expect(await page.evaluate(() => window.viewHarness.renders)).toBe(renders);
			expect(await page.locator('.view-content').evaluate((e) => e.childElementCount)).toBe(0);
		});

		it('asks the provider for all mentions only when the toggle changes', async () => {
			await page.evaluate((m) => window.viewHarness.mount(m), sampleModel());
			await page.check('.envoy-toggle input');
			await page.fill('.envoy-filter-text', 'grain');
			await page.uncheck('.envoy-toggle input');
			expect(await page.evaluate(() => window.viewHarness.showAllCalls)).toEqual([false, true, false]);
		});

		it('exports what the view shows: filtered, in its order, with the filters in words', async () => {
			await page.evaluate((m) => window.viewHarness.mount(m), sampleModel());
			await page.selectOption('.envoy-field-sender select', 'Washington');
			await page.selectOption('.envoy-field-sort select', 'oldest');
			await page.click('.envoy-export');
			await page.waitForFunction(() => window.viewHarness.exported !== null);
			const exported = await page.evaluate(() => window.viewHarness.exported);
			expect(exported?.description).toBe('Filtered by sender Washington.');
			expect(exported?.visible.capitals.map((s) => [s.capital, s.messages.map((m) => m.text.slice(0, 18))])).toEqual([
				['Seoul', ['Washington sent a ']],
				['Beijing', ['Washington warned ']],
			]);
		});

		it('reports a failed export in a notice', async () => {
			await page.evaluate((m) => {
				window.viewHarness.failExport = true;
				return window.viewHarness.mount(m);
			}, sampleModel());
			await page.click('.envoy-export');
			await page.waitForFunction(() => window.obsidianStub.notices.length > 0);
			expect(await page.evaluate(() => window.obsidianStub.notices)).toEqual(['Export failed: disk full']);
		});
	});
});
