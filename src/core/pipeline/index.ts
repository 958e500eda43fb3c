// The whole pipeline as both front ends run it: import → entity notes → links.
import { extractArticle, findSharedLines } from '../extract';
import { importSources, type ImportOptions, type SourceFile } from '../import';
import type { ImportReportEntry } from '../types';
import type { EnvoySettings } from './settings';
import type { VaultStore } from './store';
import { refreshEntities, type EntityReportEntry } from './entities-pass';
import { linkVault } from './link-pass';

export * from './settings';
export * from './store';
export { refreshEntities, readEntityNotes, type EntityReportEntry } from './entities-pass';
export { linkVault, unlinkVault, buildLinkIndex, linkTargetFor, loadLedger, renameInLedger } from './link-pass';
export { buildMessagesModel, readCapitals, capitalsFromEntityNotes } from './messages-pass';

export interface PipelineReport {
	notes: ImportReportEntry[];
	entities: EntityReportEntry[];
	linked: number;
}

export interface PipelineOptions {
	today: string;
	link?: boolean;
	/** See ImportOptions.prepareMany: the CLI's worker threads. */
	prepareMany?: ImportOptions['prepareMany'];
	/** See ImportOptions.yieldToUi: lets the plugin's progress bar paint during a long import. */
	yieldToUi?: ImportOptions['yieldToUi'];
	onProgress?: (stage: 'import' | 'link', done: number, total: number) => void;
}

/**
 * Imports `sources`, then refreshes the entity notes and links the vault. The pipeline takes the array:
 * it is emptied once imported, so that its bytes can be freed before the entity and link passes read the
 * whole vault (a caller that hands over its only reference gets that memory back).
 */
export async function importPipeline(sources: SourceFile[], store: VaultStore, settings: EnvoySettings, options: PipelineOptions): Promise<PipelineReport> {
	await store.ensureFolder(settings.articlesFolder);
	const { report } = await importSources(sources, store, {
		folder: settings.articlesFolder,
		today: options.today,
		extract: extractArticle,
		findSharedLines,
		prepareMany: options.prepareMany,
		yieldToUi: options.yieldToUi,
		onProgress: (done, total) => options.onProgress?.('import', done, total),
	});
	sources.length = 0;
	const written = report.filter((r) => (r.status === 'created' || r.status === 'updated') && r.path).map((r) => r.path as string);
	if (written.length === 0) return { notes: report, entities: [], linked: 0 };
	const entities = await refreshEntities(store, settings);
	let linked = 0;
	if (options.link ?? settings.linkAfterImport) {
		// New entities may appear in older notes too, so every article note is offered; unchanged notes are not written.
		linked = (await linkVault(store, settings, { onProgress: (d, t) => options.onProgress?.('link', d, t) })).added;
	}
	return { notes: report, entities, linked };
}
