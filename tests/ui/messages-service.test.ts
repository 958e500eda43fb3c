// MessagesService over a small stand-in for the app: which notes it reads, when it rebuilds, and what it
// writes for the reader (verdicts in a note's properties, a block id where a paragraph had none, exports).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import type { App } from 'obsidian';
import { TFile } from '../shims/obsidian';
import { MessagesService } from '../../src/obsidian/messages-service';
import { normaliseSettings } from '../../src/core/pipeline';
import type { MessagesModel } from '../../src/core/types';

class StatFile extends TFile {
	constructor(
		path: string,
		public stat: { mtime: number },
	) {
		super(path);
	}
}

type Handler = (...args: unknown[]) => void;

/** Files, their resolved links (worked out from `[[…]]` by basename) and the events the service listens to. */
class FakeApp {
	readonly files = new Map<string, { text: string; mtime: number }>();
	readonly folders = new Set<string>();
	readonly handlers = new Map<string, Handler[]>();
	reads: string[] = [];
	private clock = 1;

	constructor(initial: Record<string, string>) {
		for (const [p, t] of Object.entries(initial)) this.files.set(p, { text: t, mtime: this.clock++ });
	}

	write(path: string, text: string): void {
		this.files.set(path, { text, mtime: this.clock++ });
	}

	emit(name: string, ...args: unknown[]): void {
		for (const h of this.handlers.get(name) ?? []) h(...args);
	}

	file(path: string): StatFile {
		const f = this.files.get(path);
		if (!f) throw new Error(`no ${path}`);
		return new StatFile(path, { mtime: f.mtime });
	}

	private on(name: string, handler: Handler): { name: string } {
		this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
		return { name };
	}

	readonly metadataCache = {
		on: (name: string, handler: Handler) => this.on(`cache:${name}`, handler),
		get resolvedLinks(): Record<string, Record<string, number>> {
			return app.resolved();
		},
	};

	resolved(): Record<string, Record<string, number>> {
		const byName = new Map([...this.files.keys()].map((p) => [p.slice(p.lastIndexOf('/') + 1).replace(/\.md$/, '').toLowerCase(), p]));
		const out: Record<string, Record<string, number>> = {};
		for (const [path, { text }] of this.files) {
			const links: Record<string, number> = {};
			for (const m of text.matchAll(/\[\[([^\]|#]+)/g)) {
				const dest = byName.get(m[1].trim().toLowerCase());
				if (dest) links[dest] = (links[dest] ?? 0) + 1;
			}
			out[path] = links;
		}
		return out;
	}

	readonly vault = {
		on: (name: string, handler: Handler) => this.on(`vault:${name}`, handler),
		getAbstractFileByPath: (path: string) => (this.files.has(path) ? this.file(path) : this.folders.has(path) ? { path } : null),
		getMarkdownFiles: () => [...this.files.keys()].filter((p) => p.endsWith('.md')).map((p) => this.file(p)),
		cachedRead: async (file: TFile) => {
			this.reads.push(file.path);
			return this.files.get(file.path)?.text ?? '';
		},
		process: async (file: TFile, fn: (text: string) => string) => {
			const next = fn(this.files.get(file.path)?.text ?? '');
			this.write(file.path, next);
			return next;
		},
		create: async (path: string, text: string) => {
			if (this.files.has(path)) throw new Error('File already exists.');
			this.write(path, text);
			return this.file(path);
		},
		createFolder: async (path: string) => void this.folders.add(path),
	};

	readonly fileManager = {
		processFrontMatter: async (file: TFile, fn: (fm: Record<string, unknown>) => void) => {
			const text = this.files.get(file.path)?.text ?? '';
			const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
			const fm = (m ? parse(m[1]) : {}) as Record<string, unknown>;
			fn(fm);
			this.write(file.path, `---\n${stringify(fm)}---\n${m ? text.slice(m[0].length) : text}`);
		},
	};
}

const capital = (country: string, metonyms: string[] = []) =>
	`---\ntype: capital\ncountry: ${country}\n${metonyms.length ? `metonyms:\n${metonyms.map((m) => `  - ${m}`).join('\n')}\n` : ''}envoy: auto\n---\nCapital of [[${country}]].\n`;

const ENTITIES = {
	'Envoy/Entities/Capitals/Seoul.md': capital('South Korea'),
	'Envoy/Entities/Capitals/Tokyo.md': capital('Japan'),
	'Envoy/Entities/Capitals/Moscow.md': capital('Russia', ['Kremlin']),
	'Envoy/Entities/Countries/Japan.md': '---\ntype: country\nenvoy: auto\n---\n',
};

let app: FakeApp;
let service: MessagesService;
const settings = normaliseSettings({});

function start(notes: Record<string, string>): MessagesService {
	app = new FakeApp({ ...ENTITIES, ...notes });
	service = new MessagesService(app as unknown as App, () => settings);
	service.events();
	return service;
}

const summary = (model: MessagesModel | null): string[] =>
	(model?.capitals ?? []).flatMap((s) => s.messages.map((m) => `${m.sender ?? '?'}→${m.recipient}@${m.note}#${m.block ?? '-'}${m.origin === 'detected' ? '' : `(${m.origin})`}`)).sort();

const settle = () => vi.advanceTimersByTimeAsync(400);

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	service?.cancel();
	vi.useRealTimers();
});

describe('MessagesService', () => {
	it('reads only the notes that link to a capital, its country or a metonym', async () => {
		start({
			'Envoy/Articles/a.md': '[[Moscow]] expects [[Seoul]] to wait. ^a1\n',
			'Envoy/Articles/b.md': 'The [[Kremlin]] sent a warning to [[Japan]]. ^b1\n',
			'Notes/shopping.md': 'Eggs, milk and bread.\n',
		});
		expect(service.getModel()).toBeNull(); // loading
		await service.rebuild();
		expect(summary(service.getModel())).toEqual(['Moscow→Seoul@Envoy/Articles/a.md#a1', 'Moscow→Tokyo@Envoy/Articles/b.md#b1']);
		expect(app.reads.filter((p) => !p.startsWith('Envoy/Entities/')).sort()).toEqual(['Envoy/Articles/a.md', 'Envoy/Articles/b.md']);
	});

	it('keeps a change made while the first build runs, and redraws once per burst', async () => {
		start({ 'Envoy/Articles/a.md': '[[Moscow]] expects [[Seoul]] to wait. ^a1\n' });
		const calls: number[] = [];
		service.subscribe(() => calls.push(1));
		const building = service.rebuild();
		app.write('Envoy/Articles/c.md', '[[Moscow]] warned [[Tokyo]] again. ^c1\n');
		app.emit('cache:changed', app.file('Envoy/Articles/c.md'));
		await building;
		expect(summary(service.getModel())).toContain('Moscow→Tokyo@Envoy/Articles/c.md#c1');
		calls.length = 0;
		for (let i = 0; i < 5; i++) {
			app.write('Envoy/Articles/a.md', `[[Moscow]] expects [[Seoul]] to wait ${i} days. ^a1\n`);
			app.emit('cache:changed', app.file('Envoy/Articles/a.md'));
		}
		await settle();
		expect(calls).toHaveLength(1);
		expect(service.getModel()?.capitals.find((s) => s.capital === 'Seoul')?.messages[0].text).toContain('wait 4 days');
	});

	it('looks at a note again when its links resolve, without re-reading an unchanged one', async () => {
		start({ 'Envoy/Articles/a.md': '[[Moscow]] expects [[Seoul]] to wait. ^a1\n' });
		await service.rebuild();
		app.reads = [];
		app.emit('cache:resolve', app.file('Envoy/Articles/a.md'));
		await settle();
		expect(app.reads).toEqual([]);
	});

	it('drops a note that no longer links to any capital, and one that is deleted or renamed away', async () => {
		start({ 'Envoy/Articles/a.md': '[[Moscow]] expects [[Seoul]] to wait. ^a1\n', 'Envoy/Articles/b.md': '[[Moscow]] warned [[Tokyo]]. ^b1\n' });
		await service.rebuild();
		app.write('Envoy/Articles/a.md', 'Nothing to see. ^a1\n');
		app.emit('cache:changed', app.file('Envoy/Articles/a.md'));
		app.files.set('Envoy/Articles/b2.md', app.files.get('Envoy/Articles/b.md') as { text: string; mtime: number });
		app.files.delete('Envoy/Articles/b.md');
		app.emit('vault:rename', app.file('Envoy/Articles/b2.md'), 'Envoy/Articles/b.md');
		await settle();
		expect(summary(service.getModel())).toEqual(['Moscow→Tokyo@Envoy/Articles/b2.md#b1']);
	});

	it('rebuilds when the dictionary changes, reading only the notes that became relevant', async () => {
		start({ 'Envoy/Articles/a.md': '[[Moscow]] expects [[Seoul]] to wait. ^a1\n', 'Envoy/Articles/p.md': 'The message to [[Pyongyang]] is blunt. ^p1\n' });
		await service.rebuild();
		expect(summary(service.getModel())).toEqual(['Moscow→Seoul@Envoy/Articles/a.md#a1']);
		app.reads = [];
		app.write('Envoy/Entities/Capitals/Pyongyang.md', capital('North Korea'));
		app.emit('cache:changed', app.file('Envoy/Entities/Capitals/Pyongyang.md'));
		await settle();
		expect(summary(service.getModel())).toEqual(['?→Pyongyang@Envoy/Articles/p.md#p1', 'Moscow→Seoul@Envoy/Articles/a.md#a1']);
		expect(app.reads.filter((p) => !p.startsWith('Envoy/Entities/'))).toEqual(['Envoy/Articles/p.md']);
	});

	it('writes the reader’s verdicts into the note’s properties, and takes them back', async () => {
		start({ 'Envoy/Articles/a.md': '---\ntitle: A\n---\n[[Moscow]] expects [[Seoul]] to wait. ^a1\n\nTalks were held in [[Tokyo]]. ^a2\n' });
		await service.rebuild();
		const [m] = service.getModel()?.capitals.find((s) => s.capital === 'Seoul')?.messages ?? [];
		await service.mark(m, 'dismiss');
		expect(app.files.get('Envoy/Articles/a.md')?.text).toContain('envoy_dismissed:\n  - ^a1 > Seoul');
		app.emit('cache:changed', app.file('Envoy/Articles/a.md'));
		await settle();
		expect(summary(service.getModel())).toEqual([]);
		await service.mark(m, 'clear');
		expect(app.files.get('Envoy/Articles/a.md')?.text).not.toContain('envoy_dismissed');
		await service.mark(m, 'confirm');
		app.emit('cache:changed', app.file('Envoy/Articles/a.md'));
		await settle();
		expect(summary(service.getModel())).toEqual(['Moscow→Seoul@Envoy/Articles/a.md#a1(confirmed)']);
	});

	it('gives a paragraph without a block id one before marking it, and refuses when the note changed', async () => {
		start({ 'Notes/mine.md': 'Intro line.\n\nThe message to [[Seoul]] is plain:\nno deal.\n\nAfter.\n' });
		await service.rebuild();
		const [m] = service.getModel()?.capitals.find((s) => s.capital === 'Seoul')?.messages ?? [];
		expect(m.block).toBeNull();
		await service.mark(m, 'confirm');
		const text = app.files.get('Notes/mine.md')?.text ?? '';
		const block = /no deal\. \^([a-z0-9]{6})\n/.exec(text)?.[1];
		expect(block).toBeDefined();
		expect(text).toContain(`envoy_messages:\n  - ^${block} > Seoul`);
		expect(text).toContain('Intro line.\n\nThe message to [[Seoul]] is plain:\n');
		app.write('Notes/other.md', 'Something else entirely about [[Seoul]].\n');
		await expect(service.mark({ ...m, note: 'Notes/other.md' }, 'confirm')).rejects.toThrow('the note changed');
	});

	it('exports what the view shows beside the articles folder, and never reads the export back', async () => {
		vi.setSystemTime(new Date(2026, 0, 2, 9, 5));
		start({ 'Envoy/Articles/a.md': '[[Moscow]] expects [[Seoul]] to wait. ^a1\n\n[[Moscow]] warned [[Tokyo]]. ^a2\n' });
		await service.rebuild();
		const model = service.getModel() as MessagesModel;
		const onlySeoul: MessagesModel = { capitals: model.capitals.filter((s) => s.capital === 'Seoul') };
		const file = await service.exportNote(onlySeoul, 'Filtered by capital Seoul.');
		expect(file.path).toBe('Envoy/Messages to capitals 2026-01-02 09-05.md');
		const text = app.files.get(file.path)?.text ?? '';
		expect(text).toContain('# Messages to capitals\n\nFiltered by capital Seoul.\n');
		expect(text).toContain('[[Envoy/Articles/a#^a1|a]]');
		expect(text).not.toContain('## Tokyo');
		expect((await service.exportNote()).path).toBe('Envoy/Messages to capitals 2026-01-02 09-05 (2).md');
		app.emit('cache:changed', app.file(file.path));
		await settle();
		expect(summary(service.getModel())).toEqual(['Moscow→Seoul@Envoy/Articles/a.md#a1', 'Moscow→Tokyo@Envoy/Articles/a.md#a2']);
	});
});
