// After an import: discover entities over every article note and create or extend one note per entity.
// Entity notes are the user's dictionary: what they wrote is read first and never overwritten.
import type { Entity, EntityType } from '../types';
import { discoverEntities, mergeEntityNote, readEntityNote, renderEntityNote } from '../entities';
import { parseSourceNote } from '../messages';
import { safeNoteName, joinVaultPath, splitNote } from '../import';
import { parseFrontmatterLines } from '../messages/frontmatter';
import { forEachConcurrent } from '../concurrency';
import type { EnvoySettings } from './settings';
import { isInFolder, noteBasename, type VaultStore } from './store';

export interface EntityReportEntry {
	name: string;
	path: string;
	type: EntityType;
	aliases: string[];
}

export interface EntityNoteRecord {
	path: string;
	entity: Entity;
}

const TYPE_FOLDERS: Record<EntityType, string> = {
	person: 'People',
	capital: 'Capitals',
	country: 'Countries',
	place: 'Places',
	organisation: 'Organisations',
	event: 'Events',
	concept: 'Concepts',
};

const READ_CONCURRENCY = 16;
const WRITE_CONCURRENCY = 16;

/** Every note under `folder` with its text (null when it cannot be read), in path order, read in parallel. */
async function readAll(store: VaultStore, paths: readonly string[]): Promise<(string | null)[]> {
	const texts: (string | null)[] = new Array<string | null>(paths.length).fill(null);
	await forEachConcurrent(paths, READ_CONCURRENCY, async (path, i) => {
		texts[i] = await store.read(path).catch(() => null);
	});
	return texts;
}

/** Reads the entity folder: the dictionary the user controls, plus the names they opted out of. */
export async function readEntityNotes(store: VaultStore, settings: EnvoySettings): Promise<{ notes: EntityNoteRecord[]; ignored: string[] }> {
	const notes: EntityNoteRecord[] = [];
	const ignored: string[] = [];
	const paths = await store.list(settings.entitiesFolder);
	const texts = await readAll(store, paths);
	paths.forEach((path, i) => {
		const text = texts[i];
		if (text === null) return;
		const entity = readEntityNote(noteBasename(path), text);
		if (entity === 'ignored') ignored.push(noteBasename(path));
		else if (entity) notes.push({ path, entity });
	});
	return { notes, ignored };
}

/**
 * The note's `source` and `title` properties, read with the fast frontmatter subset reader (a full YAML
 * parse per note costs more than discovery).
 */
function sourceAndTitle(markdown: string): { source: string | null; title: string | null } {
	const { yaml } = splitNote(markdown);
	const props = yaml === null ? {} : parseFrontmatterLines(yaml.split(/\r?\n/));
	const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
	return { source: text(props.source), title: text(props.title) };
}

/**
 * Plain text of the article notes (outside the entity folder) for discovery: the title, then the paragraphs.
 * One text per source file: a new version written beside a note the reader edited is the same article,
 * and counting it twice would make every name in it look recurrent.
 */
export async function readArticleTexts(store: VaultStore, settings: EnvoySettings): Promise<{ id: string; text: string }[]> {
	const docs: { id: string; text: string }[] = [];
	const paths = (await store.list(settings.articlesFolder)).filter((path) => !isInFolder(path, settings.entitiesFolder));
	const texts = await readAll(store, paths);
	const sources = new Set<string>();
	paths.forEach((path, i) => {
		const markdown = texts[i];
		if (markdown === null) return;
		const note = parseSourceNote(path, markdown);
		if (note.duplicateOf) return;
		const { source, title } = sourceAndTitle(markdown);
		if (source !== null) {
			if (sources.has(source)) return;
			sources.add(source);
		}
		// The headline often names people in full ("Sergei Lavrov") where the body says "Lavrov".
		const paragraphs = note.paragraphs.map((p) => p.text);
		docs.push({ id: path, text: (title !== null ? [title, ...paragraphs] : paragraphs).join('\n\n') });
	});
	return docs;
}

export async function refreshEntities(store: VaultStore, settings: EnvoySettings): Promise<EntityReportEntry[]> {
	const { notes: existing, ignored } = await readEntityNotes(store, settings);
	const docs = await readArticleTexts(store, settings);
	const { entities } = discoverEntities(docs, { known: existing.map((n) => n.entity), ignore: [...settings.ignore, ...ignored] });

	const byName = new Map(existing.map((n) => [n.entity.name.toLowerCase(), n]));
	const taken = new Set((await store.list(settings.entitiesFolder)).map((p) => noteBasename(p).toLowerCase()));
	// Names are settled in discovery order first, so the parallel writes below cannot change who gets which name.
	const jobs = entities.map((entity) => {
		const known = byName.get(entity.name.toLowerCase());
		if (known) return { entity, known, path: known.path, name: noteBasename(known.path) };
		const folder = settings.groupEntitiesByType ? joinVaultPath(settings.entitiesFolder, TYPE_FOLDERS[entity.type]) : settings.entitiesFolder;
		const name = safeNoteName(entity.name, taken);
		taken.add(name.toLowerCase());
		return { entity, known: null, folder, path: joinVaultPath(folder, `${name}.md`), name };
	});
	const report: (EntityReportEntry | null)[] = jobs.map(() => null);
	await forEachConcurrent(jobs, WRITE_CONCURRENCY, async (job, i) => {
		const { entity, known, path, name } = job;
		if (known) {
			let shown: Entity = known.entity;
			await store.replace(path, (current) => {
				const next = mergeEntityNote(current, entity) ?? current;
				const read = readEntityNote(name, next);
				if (read && read !== 'ignored') shown = read;
				return next;
			});
			report[i] = { name, path, type: shown.type, aliases: shown.aliases };
			return;
		}
		if (job.folder !== undefined) await store.ensureFolder(job.folder);
		await store.create(path, renderEntityNote(entity));
		report[i] = { name, path, type: entity.type, aliases: entity.aliases };
	});
	return report.filter((r): r is EntityReportEntry => r !== null);
}
