// "Import articles…": pick .txt files (a file input attached to the document, so it works on phones)
// or a vault folder, then run the core pipeline with a progress bar.
import { AbstractInputSuggest, Modal, ProgressBarComponent, Setting, TFolder, type App, type TAbstractFile } from 'obsidian';
import type { SourceFile } from '../core/import';
import { renderImportSummary, type ImportOutcome } from './import-summary';

export type { ImportOutcome } from './import-summary';

export interface ImportRequest {
	sources: SourceFile[];
	onProgress: (done: number, total: number) => void;
}

class FolderSuggest extends AbstractInputSuggest<TFolder> {
	constructor(
		app: App,
		private readonly input: HTMLInputElement,
	) {
		super(app, input);
	}

	protected override getSuggestions(query: string): TFolder[] {
		const q = query.toLowerCase();
		return this.app.vault
			.getAllLoadedFiles()
			.filter((f: TAbstractFile): f is TFolder => f instanceof TFolder && f.path.toLowerCase().includes(q))
			.slice(0, 50);
	}

	override renderSuggestion(folder: TFolder, el: HTMLElement): void {
		el.setText(folder.path || '/');
	}

	override selectSuggestion(folder: TFolder): void {
		this.setValue(folder.path);
		this.input.dispatchEvent(new Event('input'));
		this.close();
	}
}

export class ImportModal extends Modal {
	private files: File[] = [];
	private folder: string;

	constructor(
		app: App,
		defaultFolder: string,
		private readonly run: (request: ImportRequest) => Promise<ImportOutcome>,
	) {
		super(app);
		this.folder = defaultFolder;
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.setTitle('Import articles');
		contentEl.createEl('p', { text: 'Choose raw .txt article files, or a vault folder that holds them.' });

		const input = contentEl.createEl('input', { type: 'file', attr: { multiple: '', accept: '.txt,text/plain' } });
		input.addClass('envoy-file-input');
		input.addEventListener('change', () => {
			this.files = Array.from(input.files ?? []);
		});

		new Setting(contentEl)
			.setName('Or a vault folder')
			.setDesc('Every .txt file in it, sub-folders included.')
			.addSearch((search) => {
				search.setValue(this.folder).onChange((v) => (this.folder = v));
				new FolderSuggest(this.app, search.inputEl);
			});

		const progressEl = contentEl.createDiv({ cls: 'envoy-import-progress' });
		progressEl.hide();
		const bar = new ProgressBarComponent(progressEl);
		bar.setValue(0);
		const status = contentEl.createEl('p', { cls: 'envoy-import-status' });
		const summary = contentEl.createDiv({ cls: 'envoy-import-summary' });

		new Setting(contentEl).addButton((button) =>
			button
				.setButtonText('Import')
				.setCta()
				.onClick(() => {
					button.setDisabled(true);
					progressEl.show();
					void this.importChosen(bar, status, summary).finally(() => button.setDisabled(false));
				}),
		);
	}

	private async importChosen(bar: ProgressBarComponent, status: HTMLElement, summary: HTMLElement): Promise<void> {
		try {
			const sources = this.files.length ? await readPicked(this.files) : await this.readVaultFolder();
			if (sources.length === 0) {
				status.setText('No .txt files chosen or found in that folder.');
				return;
			}
			status.setText(`Importing ${sources.length} file(s)…`);
			summary.empty();
			const outcome = await this.run({
				sources,
				onProgress: (done, total) => {
					bar.setValue(total ? (100 * done) / total : 100);
					status.setText(`Importing… ${done}/${total}`);
				},
			});
			bar.setValue(100);
			status.setText('Import finished.');
			renderImportSummary(summary, outcome);
		} catch (error) {
			status.setText(`Import failed: ${(error as Error).message}`);
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	private async readVaultFolder(): Promise<SourceFile[]> {
		const prefix = this.folder.replace(/\/+$/, '');
		const files = this.app.vault.getFiles().filter((f) => f.extension.toLowerCase() === 'txt' && (prefix === '' || f.path.startsWith(prefix + '/')));
		const out: SourceFile[] = [];
		for (const file of files) out.push({ name: file.path.slice(prefix ? prefix.length + 1 : 0), bytes: new Uint8Array(await this.app.vault.readBinary(file)) });
		return out;
	}
}

async function readPicked(files: File[]): Promise<SourceFile[]> {
	return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
