// Keeps the messages-to-capitals model live inside Obsidian: an incremental core index, fed by
// metadata-cache events, reading only the notes that link to a capital, its country or a metonym.
import { debounce, TFile, type App, type EventRef } from 'obsidian';
import { MessagesIndex, parseSourceNote, type CapitalInfo } from '../core/messages';
import { readEntityNote } from '../core/entities';
import { capitalsFromEntityNotes, isInFolder, noteBasename, type EnvoySettings } from '../core/pipeline';
import type { Entity, MessagesModel } from '../core/types';

export class MessagesService {
	private readonly index = new MessagesIndex();
	private capitals: CapitalInfo[] = [];
	private relevantPaths = new Set<string>();
	private model: MessagesModel | null = null;
	private readonly listeners = new Set<() => void>();
	private readonly pending = new Set<string>();
	private ready = false;
	showAllMentions = false;

	constructor(
		private readonly app: App,
		private readonly settings: () => EnvoySettings,
	) {}

	/** Event registrations for the plugin to own (so they are removed on unload). */
	events(): EventRef[] {
		const flush = debounce(() => void this.flushPending(), 300, true);
		const touch = (path: string) => {
			if (!this.ready) return;
			this.pending.add(path);
			flush();
		};
		return [
			this.app.metadataCache.on('changed', (file) => touch(file.path)),
			this.app.metadataCache.on('deleted', (file) => touch(file.path)),
			this.app.vault.on('rename', (file, oldPath) => {
				touch(oldPath);
				touch(file.path);
			}),
		];
	}

	getModel(): MessagesModel | null {
		return this.model;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	async rebuild(): Promise<void> {
		this.capitals = await this.readCapitals();
		this.index.setCapitals(this.capitals);
		const relevant = this.relevantTargets();
		const resolved = this.app.metadataCache.resolvedLinks;
		this.relevantPaths = new Set(Object.keys(resolved).filter((src) => Object.keys(resolved[src] ?? {}).some((dest) => relevant.has(dest))));
		for (const path of this.relevantPaths) await this.indexPath(path);
		this.ready = true;
		this.publish();
	}

	private async flushPending(): Promise<void> {
		const paths = [...this.pending];
		this.pending.clear();
		const entitiesFolder = this.settings().entitiesFolder;
		if (paths.some((p) => isInFolder(p, entitiesFolder))) {
			await this.rebuild();
			return;
		}
		const relevant = this.relevantTargets();
		for (const path of paths) {
			const links = this.app.metadataCache.resolvedLinks[path];
			if (links && Object.keys(links).some((dest) => relevant.has(dest))) {
				this.relevantPaths.add(path);
				await this.indexPath(path);
			} else {
				this.relevantPaths.delete(path);
				this.index.remove(path);
			}
		}
		this.publish();
	}

	private async indexPath(path: string): Promise<void> {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile) || isInFolder(path, this.settings().entitiesFolder)) {
			this.index.remove(path);
			return;
		}
		this.index.upsert(parseSourceNote(path, await this.app.vault.cachedRead(file)));
	}

	private publish(): void {
		this.model = this.index.model({ showAllMentions: this.showAllMentions });
		for (const listener of this.listeners) listener();
	}

	setShowAllMentions(value: boolean): void {
		this.showAllMentions = value;
		this.publish();
	}

	/** Paths of capital notes, their countries' notes and metonym notes: a link to any of them may address a capital. */
	private relevantTargets(): Set<string> {
		const names = new Set<string>();
		for (const capital of this.capitals) {
			names.add(capital.note.toLowerCase());
			if (capital.country) names.add(capital.country.toLowerCase());
			for (const metonym of capital.metonyms) names.add(metonym.toLowerCase());
		}
		return new Set(this.app.vault.getMarkdownFiles().filter((f) => names.has(noteBasename(f.path).toLowerCase())).map((f) => f.path));
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
