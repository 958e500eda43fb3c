// The plugin's live link index: built once from the entity notes, then updated per event (an entity
// note edited, renamed or deleted) instead of being rebuilt, so relinking one note stays instant.
import { TFile, type App, type EventRef, type TAbstractFile } from 'obsidian';
import { LinkIndex, type LinkFormat } from '../core/link';
import { readEntityNote } from '../core/entities';
import { buildLinkIndex, isInFolder, linkTargetFor, noteBasename, renameInLedger, type EnvoySettings, type VaultStore } from '../core/pipeline';

export class LinkService {
	private index: LinkIndex | null = null;
	private building: Promise<LinkIndex> | null = null;

	constructor(
		private readonly app: App,
		private readonly store: () => VaultStore,
		private readonly settings: () => EnvoySettings,
	) {}

	async getIndex(): Promise<LinkIndex> {
		if (this.index) return this.index;
		this.building ??= buildLinkIndex(this.store(), this.settings()).then((index) => (this.index = index));
		return this.building;
	}

	/**
	 * How the user writes links ("Files and links → Use [[Wikilinks]]"), read off the link Obsidian itself
	 * would write, which follows that setting; the pipeline asks through the store (see LinkFormatSource).
	 */
	linkFormat(): LinkFormat {
		const file = this.app.vault.getMarkdownFiles()[0];
		if (!file) return 'wikilink';
		return this.app.fileManager.generateMarkdownLink(file, file.path).startsWith('[[') ? 'wikilink' : 'markdown';
	}

	/** Settings changed (folders, ignore list): the next use rebuilds. */
	invalidate(): void {
		this.index = null;
		this.building = null;
	}

	events(): EventRef[] {
		return [
			this.app.metadataCache.on('changed', (file) => void this.entityChanged(file)),
			this.app.vault.on('delete', (file) => this.entityRemoved(file.path)),
			this.app.vault.on('rename', (file, oldPath) => void this.renamed(file, oldPath)),
		];
	}

	private isEntity(path: string): boolean {
		return path.endsWith('.md') && isInFolder(path, this.settings().entitiesFolder);
	}

	private async entityChanged(file: TFile): Promise<void> {
		if (!this.index || !this.isEntity(file.path)) return;
		const entity = readEntityNote(file.basename, await this.app.vault.cachedRead(file));
		const target = entity && entity !== 'ignored' ? linkTargetFor({ path: file.path, entity }, this.settings().ignore) : null;
		if (target) this.index.set(target);
		else this.index.remove(file.basename);
	}

	private entityRemoved(path: string): void {
		if (this.index && this.isEntity(path)) this.index.remove(noteBasename(path));
	}

	private async renamed(file: TAbstractFile, oldPath: string): Promise<void> {
		if (!(file instanceof TFile)) return;
		this.entityRemoved(oldPath);
		if (this.isEntity(file.path)) await this.entityChanged(file);
		await renameInLedger(this.store(), oldPath, file.path);
	}
}
