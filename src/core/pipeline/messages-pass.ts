// Builds the messages-to-capitals model from a whole vault (the CLI's route; the plugin keeps an index live).
import { MessagesIndex, parseSourceNote, type CapitalInfo } from '../messages';
import type { MessagesModel } from '../types';
import type { EnvoySettings } from './settings';
import { readEntityNotes } from './entities-pass';
import { isInFolder, noteBasename, type VaultStore } from './store';

export async function readCapitals(store: VaultStore, settings: EnvoySettings): Promise<CapitalInfo[]> {
	const { notes } = await readEntityNotes(store, settings);
	return capitalsFromEntityNotes(notes);
}

export function capitalsFromEntityNotes(notes: { path: string; entity: { type: string; country?: string; metonyms?: string[]; aliases: string[] } }[]): CapitalInfo[] {
	return notes
		.filter((n) => n.entity.type === 'capital')
		.map((n) => ({ note: noteBasename(n.path), path: n.path, country: n.entity.country ?? null, metonyms: n.entity.metonyms ?? [], aliases: n.entity.aliases }));
}

export async function buildMessagesModel(store: VaultStore, settings: EnvoySettings, options: { showAllMentions?: boolean } = {}): Promise<MessagesModel> {
	const index = new MessagesIndex();
	index.setCapitals(await readCapitals(store, settings));
	for (const path of await store.list('')) {
		if (isInFolder(path, settings.entitiesFolder)) continue;
		const markdown = await store.read(path);
		if (markdown !== null) index.upsert(parseSourceNote(path, markdown));
	}
	return index.model(options);
}
