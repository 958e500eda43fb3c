// Splitting a note into its YAML frontmatter and body, and writing YAML that Obsidian reads as
// typed properties.

import { Document, isScalar, parse, visit } from 'yaml';

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export interface SplitNote {
	/** The YAML between the fences, or null when the note has no frontmatter. */
	yaml: string | null;
	body: string;
}

export function splitNote(text: string): SplitNote {
	const match = FRONTMATTER.exec(text);
	if (!match) return { yaml: null, body: text };
	return { yaml: match[1] ?? '', body: text.slice(match[0].length) };
}

export type Properties = Record<string, unknown>;

/** The frontmatter as a plain map; null when absent, broken or not a map. */
export function readProperties(text: string): Properties | null {
	const { yaml } = splitNote(text);
	if (yaml === null) return null;
	try {
		const value: unknown = parse(yaml);
		if (value === null || value === undefined) return {};
		return typeof value === 'object' && !Array.isArray(value) ? (value as Properties) : null;
	} catch {
		return null;
	}
}

/** Plain strings a YAML 1.1 reader (and some Obsidian versions) would take for booleans or null. */
const AMBIGUOUS = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/** Quotes strings that an older YAML reader would turn into something else. */
export function quoteAmbiguous(doc: Document): void {
	visit(doc, {
		Scalar(_key, node) {
			if (isScalar(node) && typeof node.value === 'string' && AMBIGUOUS.test(node.value)) node.type = 'QUOTE_DOUBLE';
		},
	});
}

export function stringifyYaml(doc: Document): string {
	quoteAmbiguous(doc);
	return doc.toString({ lineWidth: 0 });
}

export function joinNote(yaml: string, body: string): string {
	const fm = yaml.endsWith('\n') ? yaml : `${yaml}\n`;
	return `---\n${fm}---\n${body}`;
}
