// Settings shared by the plugin (saved in its data.json) and the CLI (which reads that same file when the vault has it).

export type LinkScope = 'note' | 'paragraph' | 'every';

export interface EnvoySettings {
	/** Vault folder that holds raw `.txt` sources to import from inside the vault. */
	sourcesFolder: string;
	/** Vault folder where imported article notes are written. */
	articlesFolder: string;
	/** Vault folder where entity notes live (the dictionary). */
	entitiesFolder: string;
	/** Put entity notes in one sub-folder per type (People, Capitals, …). */
	groupEntitiesByType: boolean;
	/** Link entities in new notes right after an import. */
	linkAfterImport: boolean;
	linkScope: LinkScope;
	linkHeadings: boolean;
	/** Names never to treat as entities or link, one per entry (case-insensitive). */
	ignore: string[];
}

export const DEFAULT_SETTINGS: EnvoySettings = {
	sourcesFolder: 'Envoy/Sources',
	articlesFolder: 'Envoy/Articles',
	entitiesFolder: 'Envoy/Entities',
	groupEntitiesByType: true,
	linkAfterImport: true,
	linkScope: 'paragraph',
	linkHeadings: false,
	ignore: [],
};

/** Fills missing or mistyped fields from the defaults, so an old or hand-edited data.json never breaks a run. */
export function normaliseSettings(raw: unknown): EnvoySettings {
	const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const pick = <K extends keyof EnvoySettings>(key: K, valid: (v: unknown) => boolean): EnvoySettings[K] =>
		(valid(input[key]) ? input[key] : DEFAULT_SETTINGS[key]) as EnvoySettings[K];
	const isFolder = (v: unknown) => typeof v === 'string' && v.trim() !== '';
	const isBool = (v: unknown) => typeof v === 'boolean';
	return {
		sourcesFolder: pick('sourcesFolder', isFolder),
		articlesFolder: pick('articlesFolder', isFolder),
		entitiesFolder: pick('entitiesFolder', isFolder),
		groupEntitiesByType: pick('groupEntitiesByType', isBool),
		linkAfterImport: pick('linkAfterImport', isBool),
		linkScope: pick('linkScope', (v) => v === 'note' || v === 'paragraph' || v === 'every'),
		linkHeadings: pick('linkHeadings', isBool),
		ignore: pick('ignore', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')),
	};
}
