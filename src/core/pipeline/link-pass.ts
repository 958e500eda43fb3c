// Linking and unlinking across the vault. The ledger remembers which links Envoy added to which note,
// so `unlink` removes exactly those and gives back the original bytes.
import { LinkIndex, linkNote, unlinkNote, type LinkFormat, type LinkRecord, type LinkTarget } from '../link';
import type { Entity } from '../types';
import type { EnvoySettings } from './settings';
import { readEntityNotes, type EntityNoteRecord } from './entities-pass';
import { noteBasename, type VaultStore } from './store';

const LEDGER = 'links.json';

interface Ledger {
	version: 1;
	notes: Record<string, LinkRecord[]>;
}

export async function loadLedger(store: VaultStore): Promise<Ledger> {
	const text = await store.readState(LEDGER);
	if (!text) return { version: 1, notes: {} };
	try {
		const parsed = JSON.parse(text) as Ledger;
		if (parsed && parsed.version === 1 && parsed.notes && typeof parsed.notes === 'object') return parsed;
	} catch {
		// fall through: a damaged ledger is replaced rather than blocking every future link run
	}
	return { version: 1, notes: {} };
}

/**
 * Writes the ledger. `written` holds the record lists of notes linked in this run as JSON already: made
 * note by note, they hold no reference into the note's text, so a 10,000-note run does not keep every note
 * alive until the end (a record's context strings would otherwise be slices of it).
 */
export async function saveLedger(store: VaultStore, ledger: Ledger, written: ReadonlyMap<string, string> = new Map()): Promise<void> {
	const entries: string[] = [];
	for (const [path, records] of Object.entries(ledger.notes)) if (!written.has(path)) entries.push(`${JSON.stringify(path)}:${JSON.stringify(records)}`);
	for (const [path, json] of written) entries.push(`${JSON.stringify(path)}:${json}`);
	await store.writeState(LEDGER, `{"version":1,"notes":{${entries.join(',')}}}`);
}

export function linkTargetOf(record: EntityNoteRecord): LinkTarget {
	const entity: Entity = record.entity;
	const note = noteBasename(record.path);
	const names = [note, entity.name, ...entity.aliases, ...(entity.metonyms ?? [])];
	return { note, names: [...new Set(names)], kind: entity.type === 'concept' ? 'concept' : 'proper' };
}

/** The names a user's entity note links by, less the ignore list; null when nothing is left to link. */
export function linkTargetFor(record: EntityNoteRecord, ignore: readonly string[]): LinkTarget | null {
	const skip = new Set(ignore.map((n) => n.toLowerCase()));
	const target = linkTargetOf(record);
	const names = target.names.filter((n) => !skip.has(n.toLowerCase()));
	return names.length ? { ...target, names } : null;
}

export async function buildLinkIndex(store: VaultStore, settings: EnvoySettings): Promise<LinkIndex> {
	const { notes } = await readEntityNotes(store, settings);
	return new LinkIndex(notes.map((n) => linkTargetFor(n, settings.ignore)).filter((t): t is LinkTarget => t !== null));
}

/** After a note is renamed, its ledger entry follows it so that unlink still finds Envoy's links. */
export async function renameInLedger(store: VaultStore, from: string, to: string): Promise<void> {
	const ledger = await loadLedger(store);
	if (!ledger.notes[from]) return;
	ledger.notes[to] = [...(ledger.notes[to] ?? []), ...ledger.notes[from]];
	delete ledger.notes[from];
	await saveLedger(store, ledger);
}

export interface LinkRunResult {
	notes: { path: string; added: number }[];
	added: number;
	/** Notes that could not be read or written; the others were linked and are in the ledger. */
	failed: { path: string; reason: string }[];
}

/**
 * A store that knows how the user writes links: the plugin's asks Obsidian ("Use [[Wikilinks]]" off
 * means Markdown links). Without it, or without an explicit `format`, links are wikilinks.
 */
export interface LinkFormatSource {
	/** A file-system store may read `.obsidian/app.json` (see linkFormatFromAppConfig). */
	linkFormat(): LinkFormat | Promise<LinkFormat>;
}

async function formatFor(store: VaultStore, format: LinkFormat | undefined): Promise<LinkFormat> {
	if (format) return format;
	const source = store as Partial<LinkFormatSource>;
	return typeof source.linkFormat === 'function' ? await source.linkFormat() : 'wikilink';
}

/** The link format a vault's `.obsidian/app.json` asks for (`useMarkdownLinks`, what Obsidian's toggle writes), for front ends that read it themselves. */
export function linkFormatFromAppConfig(appJson: string | null): LinkFormat {
	if (!appJson) return 'wikilink';
	try {
		const config = JSON.parse(appJson) as { useMarkdownLinks?: unknown } | null;
		return config?.useMarkdownLinks === true ? 'markdown' : 'wikilink';
	} catch {
		return 'wikilink'; // a damaged app.json is Obsidian's to repair; the default is safe
	}
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function linkVault(
	store: VaultStore,
	settings: EnvoySettings,
	options: { dryRun?: boolean; only?: readonly string[]; index?: LinkIndex; format?: LinkFormat; onProgress?: (done: number, total: number) => void } = {},
): Promise<LinkRunResult> {
	// The plugin keeps a live index (updated per entity-note event); the CLI builds one per run.
	const index = options.index ?? (await buildLinkIndex(store, settings));
	const format = await formatFor(store, options.format);
	const ledger = await loadLedger(store);
	const paths = options.only ?? (await store.list(''));
	const result: LinkRunResult = { notes: [], added: 0, failed: [] };
	const written = new Map<string, string>();
	let done = 0;
	try {
		for (const path of paths) {
			options.onProgress?.(done++, paths.length);
			const linkOptions = { scope: settings.linkScope, linkHeadings: settings.linkHeadings, selfNote: noteBasename(path), format };
			let added = 0;
			let records: LinkRecord[] = [];
			try {
				if (options.dryRun) {
					const text = await store.read(path);
					if (text === null) continue;
					added = linkNote(text, index, linkOptions).added;
				} else {
					await store.replace(path, (current) => {
						const linked = linkNote(current, index, linkOptions);
						added = linked.added;
						records = linked.records;
						return linked.text;
					});
					if (records.length) written.set(path, JSON.stringify([...(ledger.notes[path] ?? []), ...records]));
				}
			} catch (error) {
				result.failed.push({ path, reason: reasonOf(error) });
				continue;
			}
			if (added) {
				result.notes.push({ path, added });
				result.added += added;
			}
		}
	} finally {
		// Whatever happened to later notes, the links already written must stay removable.
		if (!options.dryRun) await saveLedger(store, ledger, written);
	}
	options.onProgress?.(paths.length, paths.length);
	return result;
}

export async function unlinkVault(
	store: VaultStore,
): Promise<{ notes: { path: string; removed: number }[]; removed: number; failed: { path: string; reason: string }[] }> {
	const ledger = await loadLedger(store);
	const result = { notes: [] as { path: string; removed: number }[], removed: 0, failed: [] as { path: string; reason: string }[] };
	try {
		for (const [path, records] of Object.entries(ledger.notes)) {
			let removed = 0;
			try {
				if ((await store.read(path)) === null) {
					delete ledger.notes[path];
					continue;
				}
				await store.replace(path, (current) => {
					const unlinked = unlinkNote(current, records);
					removed = unlinked.removed;
					return unlinked.text;
				});
			} catch (error) {
				// Its records stay in the ledger, so the next unlink can try again.
				result.failed.push({ path, reason: reasonOf(error) });
				continue;
			}
			delete ledger.notes[path];
			if (removed) {
				result.notes.push({ path, removed });
				result.removed += removed;
			}
		}
	} finally {
		await saveLedger(store, ledger);
	}
	return result;
}
