// Plain shapes the messages model reads. A SourceNote can come from `parseSourceNote` (CLI, tests)
// or be assembled by the plugin from Obsidian's metadataCache: nothing here knows which.
import type { CapitalMessage } from '../types';

/** A capital as its entity note describes it (`type: capital`). */
export interface CapitalInfo {
	/** Note name (basename), also the display name: "Seoul". */
	note: string;
	/** Vault-relative path of the capital's note. */
	path: string;
	country: string | null;
	/** Government metonyms ("the Kremlin", "Blue House"): a note or a phrase that speaks for the capital. */
	metonyms: string[];
	aliases: string[];
}

/** A link inside a paragraph: target note name, and where its display text sits in the plain text. */
export interface SourceLink {
	target: string;
	start: number;
	end: number;
}

export interface SourceParagraph {
	/** 0-based line of the paragraph's first line in the file. */
	line: number;
	/** Block id without `^`, or null. */
	block: string | null;
	/** The text as it reads: link syntax removed, block id removed. */
	text: string;
	links: SourceLink[];
	/** Heading-delimited section number: a heading ends any message that carries over paragraphs. */
	section: number;
}

/** The reader's verdict on one paragraph for one capital. */
export interface MessageMark {
	block: string;
	capital: string;
	verdict: 'message' | 'dismissed';
}

export interface SourceNote {
	path: string;
	title: string;
	outlet: string | null;
	authors: string[];
	published: string | null;
	/** Name or path of the note this one republishes (`envoy_duplicate_of`), else null. */
	duplicateOf: string | null;
	/**
	 * The note is an export of the view itself (`envoy_export`): its list quotes every message, and read as a
	 * source it would list each one again.
	 */
	exported?: boolean;
	marks: MessageMark[];
	paragraphs: SourceParagraph[];
}

/**
 * CapitalMessage as this model emits it. The extra fields are optional so the shared type still fits:
 * `mention` marks a passage that only names the capital (listed with `showAllMentions`),
 * `dismissed` one the reader rejected, `continued` one that carries on a message begun before it,
 * `alsoIn` the republished copies folded into this one.
 */
export interface MessagePassage extends CapitalMessage {
	mention?: boolean;
	dismissed?: boolean;
	continued?: boolean;
	alsoIn?: { note: string; block: string | null }[];
}
