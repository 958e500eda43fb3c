// Keeps the messages-to-capitals model live inside Obsidian: an incremental core index, fed by
// metadata-cache events, reading only the notes that link to a capital, its country or a metonym.
// It also writes what the reader decides from the view: verdicts into a note's properties, and exports.
import { debounce, normalizePath, TFile, type App, type EventRef } from 'obsidian';
import { addMessageMark, exportMessagesMarkdown, MessagesIndex, parseSourceNote, removeMessageMark, withBlockId, type CapitalInfo, type MarkAction } from '../core/messages';
import { readEntityNote } from '../core/entities';
import { capitalsFromEntityNotes, isInFolder, noteBasename, type EnvoySettings } from '../core/pipeline';
import type { CapitalMessage, Entity, MessagesModel } from '../core/types';

/** Vault events come in bursts (a link pass rewrites hundreds of notes): handle them once they settle. */
const FLUSH_DELAY_MS = 300;

export class MessagesService {
	private readonly index = new MessagesIndex();
	private capitalsKey = '';
	/** Lower-cased names of capital, country and metonym notes: a link to any of them may address a capital. */
	private targetNames = new Set<string>();
	private model: MessagesModel | null = null;
	private readonly listeners = new Set<() => void>();
	/** Paths to look at again: true when the file itself changed, false when only its links may have. */
	private readonly pending = new Map<string, boolean>();
	/** Modification time of the version indexed, so a link-resolution event for an unchanged note costs nothing. */
	private readonly indexedAt = new Map<string, number>();
	private ready = false;
	/** Rebuilds and flushes run one after another: each awaits reads, and two interleaved would mix their views. */
	private queue: Promise<void> = Promise.resolve();
	private readonly flushSoon = debounce(() => void this.enqueue(() => this.flushPending()), FLUSH_DELAY_MS, true);
	showAllMentions = false;

	constructor(
		private readonly app: App,
		private readonly settings: () => EnvoySettings,
	) {}

	/** Event registrations for the plugin to own (so they are removed on unload). */
	events(): EventRef[] {
		const touch = (path: string, changed: boolean): void => {
			this.pending.set(path, changed || this.pending.get(path) === true);
			// Before the first build is done, changes wait for it rather than being lost.
			if (this.ready) this.flushSoon();
		};
		return [
			this.app.metadataCache.on('changed', (file) => touch(file.path, true)),
			// Links are resolved after 'changed', and at start-up possibly after the first build: look again then.
			this.app.metadataCache.on('resolve', (file) => touch(file.path, false)),
			this.app.metadataCache.on('deleted', (file) => touch(file.path, true)),
			this.app.vault.on('rename', (file, oldPath) => {
				touch(oldPath, true);
				touch(file.path, true);
			}),
		];
	}

	/** Stops a pending flush (the plugin is unloading). */
	cancel(): void {
		this.flushSoon.cancel();
	}

	getModel(): MessagesModel | null {
		return this.model;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	rebuild(): Promise<void> {
		return this.enqueue(() => this.build());
	}

	setShowAllMentions(value: boolean): void {
		this.showAllMentions = value;
		if (this.ready) this.publish();
	}

	/** Records the reader's verdict in the source note's own properties, where re-import and relink keep it. */
	async mark(message: CapitalMessage, action: MarkAction): Promise<void> {
		const file = this.app.vault.getAbstractFileByPath(message.note);
		if (!(file instanceof TFile)) throw new Error(`${message.note} no longer exists`);
		const block = message.block ?? (await this.addBlockId(file, message));
		await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			if (action === 'clear') removeMessageMark(frontmatter, { block, capital: message.recipient });
			else addMessageMark(frontmatter, { block, capital: message.recipient, verdict: action === 'confirm' ? 'message' : 'dismissed' });
		});
	}

	/**
	 * Writes `visible` (what the view shows, or the whole model) to a new note beside the articles folder and
	 * returns it. Block links to every passage keep it useful without the plugin.
	 */
	async exportNote(visible?: MessagesModel, description?: string | null): Promise<TFile> {
		const model = visible ?? this.model;
		if (!model) throw new Error('the messages are still being read');
		const now = new Date();
		const pad = (n: number): string => String(n).padStart(2, '0');
		const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
		const articles = this.settings().articlesFolder.replace(/\/+$/, '');
		const folder = articles.includes('/') ? articles.slice(0, articles.lastIndexOf('/')) : '';
		if (folder !== '' && !this.app.vault.getAbstractFileByPath(normalizePath(folder))) await this.app.vault.createFolder(normalizePath(folder));
		const base = `${folder === '' ? '' : `${folder}/`}Messages to capitals ${day} ${pad(now.getHours())}-${pad(now.getMinutes())}`;
		let path = normalizePath(`${base}.md`);
		for (let n = 2; this.app.vault.getAbstractFileByPath(path); n++) path = normalizePath(`${base} (${n}).md`);
		let markdown = exportMessagesMarkdown(model, { exported: `${day}T${pad(now.getHours())}:${pad(now.getMinutes())}` });
		// The filters go under the heading, so the note says what it is a selection of.
		if (description) markdown = markdown.replace(/^(# .*\n)/m, `$1\n${description}\n`);
		return this.app.vault.create(path, markdown);
	}

	private enqueue(work: () => Promise<void>): Promise<void> {
		const run = this.queue.then(work);
		this.queue = run.catch(() => undefined);
		return run;
	}

	private async build(): Promise<void> {
		const capitals = await this.readCapitals();
		const key = JSON.stringify(capitals);
		if (key !== this.capitalsKey) {
			// Re-detects the notes already read, in memory; only notes that become relevant are read below.
			this.capitalsKey = key;
			this.index.setCapitals(capitals);
			this.targetNames = new Set(capitals.flatMap((c) => [c.note, ...(c.country ? [c.country] : []), ...c.metonyms].map((n) => n.toLowerCase())));
		}
		const relevant = new Set(Object.keys(this.app.metadataCache.resolvedLinks).filter((path) => this.isRelevant(path)));
		for (const path of this.index.paths()) if (!relevant.has(path)) this.forget(path);
		for (const path of relevant) if (!this.indexedAt.has(path)) await this.indexPath(path);
		this.ready = true;
		this.publish();
		if (this.pending.size > 0) await this.flushPending();
	}

	private async flushPending(): Promise<void> {
		if (this.pending.size === 0) return;
		const batch = [...this.pending];
		this.pending.clear();
		const entitiesFolder = this.settings().entitiesFolder;
		if (batch.some(([path]) => isInFolder(path, entitiesFolder))) {
			// The dictionary changed: capitals may have come or gone. The other paths are looked at after it.
			for (const [path, changed] of batch) if (!isInFolder(path, entitiesFolder)) this.pending.set(path, changed);
			await this.build();
			return;
		}
		let touched = false;
		for (const [path, changed] of batch) {
			const file = this.app.vault.getAbstractFileByPath(path);
			if (!(file instanceof TFile) || !this.isRelevant(path)) {
				touched = this.forget(path) || touched;
				continue;
			}
			if (!changed && this.indexedAt.get(path) === file.stat.mtime) continue;
			await this.indexPath(path);
			touched = true;
		}
		if (touched) this.publish();
	}

	/** A note outside the dictionary that links to a capital, its country or one of its metonyms. */
	private isRelevant(path: string): boolean {
		if (isInFolder(path, this.settings().entitiesFolder)) return false;
		const links = this.app.metadataCache.resolvedLinks[path];
		if (!links) return false;
		for (const dest in links) if (this.targetNames.has(noteBasename(dest).toLowerCase())) return true;
		return false;
	}

	private forget(path: string): boolean {
		if (!this.indexedAt.has(path)) return false;
		this.indexedAt.delete(path);
		this.index.remove(path);
		return true;
	}

	private async indexPath(path: string): Promise<void> {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) {
			this.forget(path);
			return;
		}
		const markdown = await this.app.vault.cachedRead(file);
		this.index.upsert(parseSourceNote(path, markdown));
		this.indexedAt.set(path, file.stat.mtime);
	}

	private publish(): void {
		this.model = this.index.model({ showAllMentions: this.showAllMentions });
		for (const listener of this.listeners) listener();
	}

	private async addBlockId(file: TFile, message: CapitalMessage): Promise<string> {
		let block: string | null = null;
		await this.app.vault.process(file, (markdown) => {
			const result = withBlockId(markdown, message.line, message.text);
			if (!result) return markdown;
			block = result.block;
			return result.markdown;
		});
		if (block === null) throw new Error('the note changed since it was read; try again in a moment');
		return block;
	}

	private async readCapitals(): Promise<CapitalInfo[]> {
		const folder = this.settings().entitiesFolder;
		const notes: { path: string; entity: Entity }[] = [];
		for (const file of this.app.vault.getMarkdownFiles()) {
			if (!isInFolder(file.path, folder)) continue;
			const entity = readEntityNote(file.basename, await this.app.vault.cachedRead(file));
			if (entity && entity !== 'ignored') notes.push({ path: file.path, entity });
		}
		return capitalsFromEntityNotes(notes);
	}
}
