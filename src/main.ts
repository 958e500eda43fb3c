// Plugin wiring only: commands, settings, the view and the services. The work is done in src/core.
import { Keymap, Notice, Plugin, TFile, normalizePath, type WorkspaceLeaf } from 'obsidian';
import { importPipeline, linkVault, unlinkVault, normaliseSettings, type EnvoySettings } from './core/pipeline';
import { graphColorGroups } from './core/entities';
import type { CapitalMessage, MessagesModel } from './core/types';
import { ObsidianVaultStore } from './obsidian/vault-store';
import { MessagesService } from './obsidian/messages-service';
import { LinkService } from './obsidian/link-service';
import { EnvoySettingTab } from './ui/settings-tab';
import { ImportModal } from './ui/import-modal';
import { MESSAGES_VIEW_TYPE, MessagesView } from './ui/messages/view';

const STATE_FOLDER = '.envoy';

export default class EnvoyPlugin extends Plugin {
	declare settings: EnvoySettings;
	private messages!: MessagesService;
	private links!: LinkService;

	override async onload(): Promise<void> {
		this.settings = normaliseSettings(await this.loadData());
		this.messages = new MessagesService(this.app, () => this.settings);
		this.links = new LinkService(this.app, () => this.store(), () => this.settings);
		for (const ref of this.links.events()) this.registerEvent(ref);
		this.addSettingTab(new EnvoySettingTab(this.app, this));

		this.registerView(
			MESSAGES_VIEW_TYPE,
			(leaf: WorkspaceLeaf) =>
				new MessagesView(leaf, {
					getModel: () => this.messages.getModel(),
					subscribe: (listener) => this.messages.subscribe(listener),
					open: (message, newLeaf) => void this.openMessage(message, newLeaf),
					mark: (message, action) => this.messages.mark(message, action),
					exportNote: (visible, description) => this.exportMessages(visible, description),
					setShowAllMentions: (value) => this.messages.setShowAllMentions(value),
				}),
		);
		for (const ref of this.messages.events()) this.registerEvent(ref);
		this.register(() => this.messages.cancel());
		this.app.workspace.onLayoutReady(() => void this.messages.rebuild());

		this.addCommand({ id: 'import-articles', name: 'Import articles…', callback: () => this.openImport() });
		this.addCommand({
			id: 'link-current-note',
			name: 'Link entities in current note',
			checkCallback: (checking) => {
				const file = this.app.workspace.getActiveFile();
				if (!file || file.extension !== 'md') return false;
				if (!checking) void this.link([file.path]);
				return true;
			},
		});
		this.addCommand({ id: 'link-vault', name: 'Link entities in vault', callback: () => void this.link() });
		this.addCommand({ id: 'unlink', name: 'Remove entity links', callback: () => void this.unlink() });
		this.addCommand({ id: 'open-messages', name: 'Open messages to capitals', callback: () => void this.openMessagesView() });
		this.addCommand({
			id: 'export-messages',
			name: 'Export messages to a note',
			callback: () => void this.exportMessages().catch((error: Error) => new Notice(`Export failed: ${error.message}`)),
		});
		this.addCommand({ id: 'colour-graph', name: 'Colour graph by entity type', callback: () => void this.colourGraph() });
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		this.links.invalidate();
	}

	private store(): ObsidianVaultStore {
		// Links follow the user's "Use [[Wikilinks]]" setting, after an import too (see LinkFormatSource).
		return Object.assign(new ObsidianVaultStore(this.app.vault, STATE_FOLDER), { linkFormat: () => this.links.linkFormat() });
	}

	private openImport(): void {
		new ImportModal(this.app, this.settings.sourcesFolder, async ({ sources, onProgress }) => {
			const report = await importPipeline(sources, this.store(), this.settings, {
				today: window.moment().format('YYYY-MM-DD'),
				onProgress: (stage, done, total) => (stage === 'import' ? onProgress(done, total) : undefined),
				// Extraction is synchronous: hand the frame back now and then so the progress bar moves.
				yieldToUi: () => new Promise((resolve) => window.setTimeout(resolve, 0)),
			});
			// New entity notes arrive through metadata events too, but the index must not wait for them.
			this.links.invalidate();
			const failed = report.notes.filter((n) => n.status === 'failed').length;
			new Notice(failed ? `Envoy import: ${failed} file(s) failed; see the import window for the reasons.` : `Envoy import: ${report.notes.length} file(s) done.`, failed ? 0 : 5000);
			return { notes: report.notes, entities: report.entities.length, linked: report.linked };
		}).open();
	}

	private async link(only?: string[]): Promise<void> {
		const notice = new Notice('Linking entities…', 0);
		try {
			const result = await linkVault(this.store(), this.settings, { only, index: await this.links.getIndex(), onProgress: (d, t) => notice.setMessage(`Linking entities… ${d}/${t}`) });
			notice.setMessage(`Added ${result.added} links in ${result.notes.length} notes.`);
		} catch (error) {
			notice.setMessage(`Linking failed: ${(error as Error).message}`);
		} finally {
			window.setTimeout(() => notice.hide(), 5000);
		}
	}

	private async unlink(): Promise<void> {
		const result = await unlinkVault(this.store());
		new Notice(`Removed ${result.removed} links from ${result.notes.length} notes.`);
	}

	private async openMessagesView(): Promise<void> {
		const leaf = await this.app.workspace.ensureSideLeaf(MESSAGES_VIEW_TYPE, 'right', { reveal: true });
		if (leaf.view instanceof MessagesView) leaf.view.refresh();
	}

	private async openMessage(message: CapitalMessage, newLeaf: boolean | MouseEvent | KeyboardEvent): Promise<void> {
		const file = this.app.vault.getAbstractFileByPath(message.note);
		if (!(file instanceof TFile)) return;
		const split = typeof newLeaf === 'boolean' ? newLeaf : Keymap.isModEvent(newLeaf);
		if (message.block) await this.app.workspace.openLinkText(`${file.path}#^${message.block}`, '', split);
		else await this.app.workspace.getLeaf(split).openFile(file, { eState: { line: message.line } });
	}

	/** The view's selection when called from the view; everything from the command palette. */
	private async exportMessages(visible?: MessagesModel, description?: string | null): Promise<void> {
		const file = await this.messages.exportNote(visible, description);
		await this.app.workspace.getLeaf(true).openFile(file);
	}

	/** Adds one colour group per entity type to the graph settings, keeping the user's own groups. */
	private async colourGraph(): Promise<void> {
		const path = normalizePath(`${this.app.vault.configDir}/graph.json`);
		const adapter = this.app.vault.adapter;
		let graph: { colorGroups?: { query: string }[] } = {};
		if (await adapter.exists(path)) {
			try {
				graph = JSON.parse(await adapter.read(path)) as typeof graph;
			} catch {
				new Notice('Graph settings could not be read; nothing was changed.');
				return;
			}
		}
		const ours = graphColorGroups();
		const kept = (graph.colorGroups ?? []).filter((g) => !ours.some((o) => o.query === g.query));
		graph.colorGroups = [...kept, ...ours];
		await adapter.write(path, JSON.stringify(graph, null, 2));
		new Notice('Graph colour groups added for each entity type. Reopen the graph view to see them.');
	}
}
