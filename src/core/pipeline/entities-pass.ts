// After an import: discover entities over every article note and create or extend one note per entity.
// Entity notes are the user's dictionary: what they wrote is read first and never overwritten.
import type { Entity, EntityType } from '../types';
import { discoverEntities, mergeEntityNote, readEntityNote, renderEntityNote } from '../entities';
import { parseSourceNote } from '../messages';
import { safeNoteName, joinVaultPath } from '../import';
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

/** Reads the entity folder: the dictionary the user controls, plus the names they opted out of. */
export async function readEntityNotes(store: VaultStore, settings: EnvoySettings): Promise<{ notes: EntityNoteRecord[]; ignored: string[] }> {
	const notes: EntityNoteRecord[] = [];
	const ignored: string[] = [];
	for (const path of await store.list(settings.entitiesFolder)) {
		const text = await store.read(path);
		if (text === null) continue;
		const entity = readEntityNote(noteBasename(path), text);
		if (entity === 'ignored') ignored.push(noteBasename(path));
		else if (entity) notes.push({ path, entity });
	}
	return { notes, ignored };
}

/** Plain text of the article notes (outside the entity folder), as discovery and message detection read it. */
export async function readArticleTexts(store: VaultStore, settings: EnvoySettings): Promise<{ id: string; text: string }[]> {
	const docs: { id: string; text: string }[] = [];
	for (const path of await store.list(settings.articlesFolder)) {
		if (isInFolder(path, settings.entitiesFolder)) continue;
		const markdown = await store.read(path);
		if (markdown === null) continue;
		const note = parseSourceNote(path, markdown);
		if (note.duplicateOf) continue;
		docs.push({ id: path, text: note.paragraphs.map((p) => p.text).join('\n\n') });
	}
	return docs;
}

export async function refreshEntities(store: VaultStore, settings: EnvoySettings): Promise<EntityReportEntry[]> {
	const { notes: existing, ignored } = await readEntityNotes(store, settings);
	const docs = await readArticleTexts(store, settings);
	const { entities } = discoverEntities(docs, { known: existing.map((n) => n.entity), ignore: [...settings.ignore, ...ignored] });

	const byName = new Map(existing.map((n) => [n.entity.name.toLowerCase(), n]));
	const taken = new Set((await store.list(settings.entitiesFolder)).map((p) => noteBasename(p).toLowerCase()));
	const report: EntityReportEntry[] = [];
	for (const entity of entities) {
		const known = byName.get(entity.name.toLowerCase());
		if (known) {
			await store.replace(known.path, (current) => mergeEntityNote(current, entity) ?? current);
			const updated = readEntityNote(noteBasename(known.path), (await store.read(known.path)) ?? '');
			const shown = updated && updated !== 'ignored' ? updated : known.entity;
			report.push({ name: noteBasename(known.path), path: known.path, type: shown.type, aliases: shown.aliases });
			continue;
		}
		const folder = settings.groupEntitiesByType ? joinVaultPath(settings.entitiesFolder, TYPE_FOLDERS[entity.type]) : settings.entitiesFolder;
		const name = safeNoteName(entity.name, taken);
		taken.add(name.toLowerCase());
		const path = joinVaultPath(folder, `${name}.md`);
		await store.ensureFolder(folder);
		await store.create(path, renderEntityNote(entity));
		report.push({ name, path, type: entity.type, aliases: entity.aliases });
	}
	return report;
}
