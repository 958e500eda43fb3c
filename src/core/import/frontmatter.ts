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

// The few shapes of string a new note's properties almost always are, and how `yaml` writes them. Building
// a YAML Document costs more than the rest of a note's frontmatter; `writeProperties` writes these shapes
// directly and leaves every other value to `yaml` (tests/core/import/frontmatter.property.test.ts holds
// the two to the same bytes).

/** Written as they are: a letter or opening curly quote first, then letters, digits and punctuation no YAML rule fires on. */
const PLAIN = /^[\p{L}‘“][\p{L}\p{M}\p{N}_.,;'’‘“”()&/–—…+!?%$*=-]*(?: [\p{L}\p{M}\p{N}_.,;'’‘“”()&/–—…+!?%$*=-]+)*$/u;
/**
 * Written as they are though a digit comes first: dates, and words with a letter no YAML 1.2 number
 * has (so not `1e5`, `0x1f`, `0o17`) such as `0001.txt`, or hex digests with a letter from a to f but no x.
 */
const PLAIN_DIGITS = /^(?:\d{4}-\d{2}-\d{2}|\d(?=.*[g-nprstuvwyzG-NPR-WYZ])[\p{L}\p{M}\p{N}_.,;'’()&/–—-]*|(?=[0-9a-f]*[a-df])[0-9a-f]+)$/u;
/** Strings `yaml` must quote (a `: `, ` #`, a final `:`, a leading `[`) made of characters it writes as they are in double quotes. */
const QUOTED = /^(?=.*(?:: | #|:$)|\[)[\p{L}\p{M}\p{N} .,;:'’‘“”()&/–—…+!?%$*=\-[\]#]+$/u;

function scalar(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	if (AMBIGUOUS.test(value)) return `"${value}"`;
	if (PLAIN.test(value) || PLAIN_DIGITS.test(value)) return value;
	if (QUOTED.test(value) && !value.endsWith(' ')) return `"${value}"`;
	return null;
}

/** Properties as YAML, exactly as `stringifyYaml(new Document(props))` writes them. */
export function writeProperties(props: Properties): string {
	return directProperties(props) ?? stringifyYaml(new Document(props));
}

/** The YAML for properties that are all strings and lists of strings in the shapes above; null otherwise. */
export function directProperties(props: Properties): string | null {
	let out = '';
	for (const [key, value] of Object.entries(props)) {
		if (!PLAIN.test(key) || AMBIGUOUS.test(key)) return null;
		if (!Array.isArray(value)) {
			const text = scalar(value);
			if (text === null) return null;
			out += `${key}: ${text}\n`;
			continue;
		}
		if (value.length === 0) return null;
		out += `${key}:\n`;
		for (const item of value) {
			const text = scalar(item);
			if (text === null) return null;
			out += `  - ${text}\n`;
		}
	}
	return out === '' ? null : out;
}

export function joinNote(yaml: string, body: string): string {
	const fm = yaml.endsWith('\n') ? yaml : `${yaml}\n`;
	return `---\n${fm}---\n${body}`;
}
