// Shared data model of the pipeline. Every stage reads and writes these plain, serialisable shapes,
// so the plugin and the CLI can hand them around without knowing how a stage works inside.

/** One block of an article body, in reading order. */
export type ArticleBlock = (
	| { kind: 'paragraph'; text: string }
	| { kind: 'heading'; depth: 2 | 3 | 4; text: string }
	| { kind: 'quote'; text: string }
	| { kind: 'list'; ordered: boolean; items: string[] }
) & {
	/** Where the block came from in the raw text (UTF-16 offsets, end exclusive), so mentions can be reported against the file as read. */
	source?: { start: number; end: number };
};

/** What the extractor finds in one raw page: the article's own text and metadata, nothing else. */
export interface Article {
	/** The headline; when the page has none, a concise title made from the text (then `titleDerived`). */
	title: string;
	titleDerived: boolean;
	subtitle?: string;
	authors: string[];
	/** ISO date, `YYYY-MM-DD`. */
	published?: string;
	/** The outlet that carried this copy. */
	publisher?: string;
	/** The outlet the text says it first appeared in ("This article originally appeared at …"). */
	originalPublisher?: string;
	topics: string[];
	regions: string[];
	tags: string[];
	blocks: ArticleBlock[];
}

/** Kinds of entity notes. Capitals are places whose note names their country. */
export type EntityType = 'person' | 'capital' | 'country' | 'place' | 'organisation' | 'event' | 'concept';

/** One mention of an entity in a text: UTF-16 offsets, end exclusive. */
export interface Mention {
	start: number;
	end: number;
	surface: string;
	type: EntityType;
	/** Name of the entity note the mention links to. */
	entity: string;
}

/** An entity as the dictionary knows it: one note per entity. */
export interface Entity {
	name: string;
	type: EntityType;
	/** Every surface form that should link to this note (the name itself excluded). */
	aliases: string[];
	/** For capitals: the country's name. */
	country?: string;
	/** For capitals: government metonyms that speak for it ("the Kremlin" for Moscow). */
	metonyms?: string[];
	/** True when the note was written or edited by the user: discovery never overwrites it. */
	userOwned?: boolean;
}

/** Result status of one source file, as the CLI's `--json` report and the plugin's notice show it. */
export type ImportStatus = 'created' | 'updated' | 'unchanged' | 'duplicate' | 'skipped' | 'failed';

export interface ImportReportEntry {
	source: string;
	status: ImportStatus;
	/** Vault-relative path with `/`, or null when nothing was written. */
	path: string | null;
	title: string | null;
	duplicateOf: string | null;
	reason: string | null;
}

/** One passage that carries a message to a capital. */
export interface CapitalMessage {
	/** Vault-relative path of the source note. */
	note: string;
	/** Block id of the paragraph (without `^`), or null when it has none. */
	block: string | null;
	/** The paragraph's text as it reads (link syntax removed). */
	text: string;
	/** Name of the sending entity's note (or the sender's surface text), null when the text does not say. */
	sender: string | null;
	/** The cue that makes it a message ("message to", "expects … to", "To Beijing, …"). */
	cue: string;
	/** Capital note name this message is addressed to. */
	recipient: string;
	/** UTF-16 ranges in `text` to highlight: the cue and the recipient's mention. */
	highlights: { start: number; end: number; kind: 'cue' | 'recipient' | 'sender' }[];
	/** 0-based line of the paragraph in the note, to open it there. */
	line: number;
	/** How it was decided: by the detector, or by the reader's own mark. */
	origin: 'detected' | 'confirmed' | 'marked';
	title: string;
	outlet: string | null;
	authors: string[];
	published: string | null;
}

export interface CapitalSection {
	/** Display name of the capital ("Seoul"). */
	capital: string;
	/** Vault-relative path of the capital's note. */
	note: string;
	country: string | null;
	messages: CapitalMessage[];
}

export interface MessagesModel {
	capitals: CapitalSection[];
}
