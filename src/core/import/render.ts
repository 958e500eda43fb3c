// Article → Obsidian note: typed YAML properties, then the body as Markdown built from an mdast
// tree, with a content-derived block id on every paragraph, quote and list item.

import type { BlockContent, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown, type Handle, type Options, type Unsafe } from 'mdast-util-to-markdown';
import type { Article, ArticleBlock } from '../types';
import { charTable } from '../text/char-table';
import { BlockIdAllocator } from './block-ids';
import { joinNote, writeProperties, type Properties } from './frontmatter';
import { hash64 } from './hash';
import { cleanNoteName } from './names';

export interface NoteMeta {
	/** File name (or relative path) of the source this note was made from. */
	source: string;
	/** Every source file carrying this article, duplicates included; defaults to `[source]`. */
	sources?: string[];
	/** Every outlet that carried it; defaults to the article's publisher and original publisher. */
	outlets?: string[];
	/** `sourceHash()` of the decoded source text. */
	sourceHash: string;
	/** `YYYY-MM-DD`. */
	imported: string;
	/** `renderBody(article.blocks)` when the caller has it already. */
	body?: string;
}

/** Properties describing the article; a reader may correct them, so each is fingerprinted (see `envoy_props_hash`). */
export const DESCRIPTIVE_KEYS = ['title', 'subtitle', 'authors', 'published', 'publisher', 'original_publisher', 'topics', 'regions', 'tags'] as const;
/** Properties that accumulate across duplicates and re-imports. */
export const UNION_KEYS = ['outlets', 'sources'] as const;
/** Properties only Envoy writes. */
export const OWNED_KEYS = ['source', 'source_hash', 'imported', 'envoy_props_hash', 'envoy_body_hash'] as const;

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

function unique(values: readonly (string | undefined | null)[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const raw of values) {
		const value = raw?.trim();
		if (!value || seen.has(value.toLowerCase())) continue;
		seen.add(value.toLowerCase());
		out.push(value);
	}
	return out;
}

/** Obsidian tags: no `#`, no spaces, letters, digits, `_`, `-`, `/`, and not all digits. */
function cleanTag(tag: string): string {
	return tag
		.trim()
		.replace(/^#+/, '')
		.replace(/\s+/g, '-')
		.replace(/[^\p{L}\p{N}_\-/]/gu, '');
}

export function outletsOf(article: Article): string[] {
	return unique([article.publisher, article.originalPublisher]);
}

/** Link text of an author's person note; the entity notes use the same cleaning so the link resolves. */
export function personLink(name: string): string {
	return `[[${cleanNoteName(name)}]]`;
}

/** Short fingerprint of one property value; `envoy_props_hash` is these concatenated in DESCRIPTIVE_KEYS order. */
export const FINGERPRINT_WIDTH = 6;

export function propertyFingerprint(value: unknown): string {
	return hash64(JSON.stringify(value ?? null)).slice(0, FINGERPRINT_WIDTH);
}

export function propsHash(props: Properties): string {
	return DESCRIPTIVE_KEYS.map((key) => propertyFingerprint(props[key])).join('');
}

/** Fingerprint of the note body that ignores what tools other than a human editor change: links, spacing, line endings. */
export function bodyHash(body: string): string {
	// Each step only where it can change something: a note just rendered has no CR, no link and no trailing blank.
	let text = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
	if (text.includes('[[')) text = text.replace(/(?<!\\)!?\[\[([^\]|\n]*?)(?:\|([^\]\n]*?))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target);
	if (/[ \t\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]\n/.test(text))
		text = text
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n');
	if (text.includes('\n\n\n')) text = text.replace(/\n{3,}/g, '\n\n');
	return hash64(text.trim());
}

export function sourceHash(text: string): string {
	return hash64(text);
}

function articleProperties(article: Article, meta: NoteMeta): Properties {
	const tags = unique(article.tags.map(cleanTag)).filter((t) => !/^[\d/]*$/.test(t));
	const line = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim();
	const props: Properties = {
		title: line(article.title),
		subtitle: line(article.subtitle),
		authors: unique(article.authors).map(personLink),
		published: article.published && DATE.test(article.published) ? article.published : undefined,
		publisher: line(article.publisher),
		original_publisher: line(article.originalPublisher),
		outlets: unique(meta.outlets ?? outletsOf(article)),
		topics: unique(article.topics),
		regions: unique(article.regions),
		tags,
		source: meta.source,
		sources: unique(meta.sources ?? [meta.source]),
		source_hash: meta.sourceHash,
		imported: meta.imported,
	};
	for (const [key, value] of Object.entries(props)) {
		if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete props[key];
	}
	return props;
}

/** Obsidian syntax CommonMark does not know: escaped so source text stays literal. */
const OBSIDIAN_UNSAFE: Unsafe[] = [
	{ character: '$', after: '[^\\s]', inConstruct: 'phrasing' },
	{ character: '=', after: '=', inConstruct: 'phrasing' },
	{ character: '%', after: '%', inConstruct: 'phrasing' },
	{ character: '~', after: '~', inConstruct: 'phrasing' },
	// A `#` before a word would make a tag.
	{ character: '#', after: '[^\\s#.,;:!?)\\]\'"]', inConstruct: 'phrasing' },
	// ` ^word` ending a line is a block id to Obsidian: quotes and headings end with their own text.
	{ character: '^', before: '\\s', after: '[A-Za-z0-9-]', inConstruct: 'phrasing' },
];

/** Any white space other than single spaces between words (measured faster as a regex than as a loop). */
const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/;

/** Most paragraphs have only single spaces between words and are returned as they are. */
function flatten(text: string): string {
	return UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** A block id at the end of a paragraph, as its own node so the serializer never escapes its caret. */
interface BlockIdNode {
	type: 'envoyBlockId';
	value: string;
}

// Not an `html` node: the serializer peeks at an html node as "<", so text before it ("+", "1.")
// would be judged safe when it is followed by the id's space and would turn into a list.
const blockIdHandler: Handle = (node) => ` ^${(node as unknown as BlockIdNode).value}`;

/**
 * Prose the serializer would write as it is, as its own node so it skips the serializer's escaping pass
 * (dozens of regular expressions over every paragraph, most of the cost of writing a note).
 */
interface InertTextNode {
	type: 'envoyInertText';
	value: string;
}
const inertTextHandler: Handle = (node) => (node as unknown as InertTextNode).value;
const HANDLERS = { envoyBlockId: blockIdHandler, envoyInertText: inertTextHandler } as unknown as Options['handlers'];

const LETTER = charTable(/\p{L}/u);
const LETTER_MARK_DIGIT = charTable(/[\p{L}\p{M}\p{N}]/u);
/** Punctuation none of the serializer's escaping rules (nor ours above) can fire on inside a paragraph that starts with a letter. */
const INERT_PUNCTUATION = new Set(Array.from(' .,;:!?\'"’‘“”()–—-/%@…+«»', (c) => c.charCodeAt(0)));
/** The same for ASCII, letters and digits included, as a table: one load per character. */
const INERT_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) INERT_ASCII[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || INERT_PUNCTUATION.has(c) ? 1 : 0;
const INERT_OPENERS = new Set(Array.from('“‘"\'«', (c) => c.charCodeAt(0)));

/**
 * True when `text`, as a paragraph's only text, would be written unchanged: letters, marks, digits, single
 * spaces and the punctuation above, starting with a letter or an opening quote (a digit, dash or plus could
 * start a list), no `%%` (an Obsidian comment). Checked against the serializer itself by a property test.
 */
export function isInertProse(text: string): boolean {
	const n = text.length;
	if (n === 0 || text.charCodeAt(n - 1) === 32) return false;
	const first = text.charCodeAt(0);
	if (!LETTER.unit(first) && !INERT_OPENERS.has(first)) return false;
	let previous = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		const ok = c < 128 ? INERT_ASCII[c] === 1 : LETTER_MARK_DIGIT.unit(c) || INERT_PUNCTUATION.has(c);
		if (!ok || (c === 37 && previous === 37) || (c === 32 && previous === 32)) return false;
		previous = c;
	}
	return true;
}

function textWithId(text: string, id: string, inert = false): PhrasingContent[] {
	// Casts rather than augmenting mdast's node maps, which would widen every mdast union in the project.
	const marker: BlockIdNode = { type: 'envoyBlockId', value: id };
	const body: PhrasingContent = inert ? ({ type: 'envoyInertText', value: text } satisfies InertTextNode as unknown as PhrasingContent) : { type: 'text', value: text };
	return [body, marker as unknown as PhrasingContent];
}

function blockNodes(block: ArticleBlock, ids: BlockIdAllocator, inertProse: boolean): RootContent[] {
	switch (block.kind) {
		case 'paragraph': {
			const text = flatten(block.text);
			return text ? [{ type: 'paragraph', children: textWithId(text, ids.next(text), inertProse && isInertProse(text)) }] : [];
		}
		case 'heading': {
			const text = flatten(block.text);
			// Headings are linked by their text (`#Heading`), so they get no id.
			return text ? [{ type: 'heading', depth: block.depth, children: [{ type: 'text', value: text }] }] : [];
		}
		case 'quote': {
			const text = flatten(block.text);
			if (!text) return [];
			// Obsidian takes a quote's id from its own line after the quote.
			const quote: BlockContent = { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
			return [quote, { type: 'html', value: `^${ids.next(text)}` }];
		}
		case 'list': {
			const items: ListItem[] = block.items
				.map(flatten)
				.filter((t) => t !== '')
				.map((t) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: textWithId(t, ids.next(t)) }] }));
			return items.length ? [{ type: 'list', ordered: block.ordered, spread: false, children: items }] : [];
		}
	}
}

/** The serializer escapes `&` before any letter; only a real character reference needs it. */
function tidyEscapes(markdown: string): string {
	if (!markdown.includes('\\&')) return markdown;
	// Only a backslash that is not itself escaped (an even run before it) is the serializer's.
	return markdown.replace(/(?<!\\)((?:\\\\)*)\\&(?![A-Za-z][A-Za-z0-9]{0,31};|#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)/g, '$1&');
}

/** The text of `[text, id]` phrasing when the text needs no escaping, else null. */
function inertLine(children: readonly PhrasingContent[]): string | null {
	if (children.length !== 2) return null;
	const [text, id] = children as unknown as [{ type: string; value: string }, { type: string; value: string }];
	if (id.type !== 'envoyBlockId') return null;
	if (text.type === 'envoyInertText' || (text.type === 'text' && isInertProse(text.value))) return `${text.value} ^${id.value}`;
	return null;
}

/**
 * What the serializer writes for a body of paragraphs, headings and lists whose text needs no escaping,
 * which is most articles; null for anything else (quotes, a list right after a list, text with markup
 * characters). Held to the serializer's bytes by tests/core/import/render-inert.test.ts.
 */
function directMarkdown(nodes: readonly RootContent[]): string | null {
	const out: string[] = [];
	let previous = '';
	for (const node of nodes) {
		if (node.type === 'paragraph') {
			const line = inertLine(node.children);
			if (line === null) return null;
			out.push(line);
		} else if (node.type === 'heading') {
			const [text] = node.children;
			if (node.children.length !== 1 || text.type !== 'text' || !isInertProse(text.value)) return null;
			out.push(`${'#'.repeat(node.depth)} ${text.value}`);
		} else if (node.type === 'list' && previous !== 'list' && !node.spread) {
			const lines: string[] = [];
			for (const [k, item] of node.children.entries()) {
				const [paragraph] = item.children;
				if (item.children.length !== 1 || paragraph.type !== 'paragraph') return null;
				const line = inertLine(paragraph.children);
				if (line === null) return null;
				lines.push(`${node.ordered ? `${(node.start ?? 1) + k}.` : '-'} ${line}`);
			}
			out.push(lines.join('\n'));
		} else return null;
		previous = node.type;
	}
	return `${out.join('\n\n')}\n`;
}

/** `inertProse: false` sends every block through the serializer and its escaping, to check the fast paths against it. */
export function renderBody(blocks: readonly ArticleBlock[], { inertProse = true }: { inertProse?: boolean } = {}): string {
	const ids = new BlockIdAllocator();
	const root: Root = { type: 'root', children: blocks.flatMap((b) => blockNodes(b, ids, inertProse)) };
	if (root.children.length === 0) return '';
	const direct = inertProse ? directMarkdown(root.children) : null;
	return direct ?? tidyEscapes(toMarkdown(root, { bullet: '-', emphasis: '_', rule: '-', unsafe: OBSIDIAN_UNSAFE, handlers: HANDLERS }));
}

/** The complete note text for an article. Deterministic: same article and meta, same bytes. */
export function renderArticleNote(article: Article, meta: NoteMeta): string {
	const body = meta.body ?? renderBody(article.blocks);
	const props = articleProperties(article, meta);
	props.envoy_props_hash = propsHash(props);
	props.envoy_body_hash = bodyHash(body);
	return joinNote(writeProperties(props), body);
}
