// Entity notes are the user's dictionary. Envoy writes `envoy: auto` into the notes it creates and only ever adds
// aliases to those, by splicing lines into the frontmatter; a note without that line (written by the user, or
// taken over by deleting the line) is read but never written. `envoy: ignore` opts a name out entirely.
import { parse, stringify } from 'yaml';
import type { Entity, EntityType } from '../types';
import { builtinPlaces } from './gazetteer';

const TYPES: EntityType[] = ['person', 'capital', 'country', 'place', 'organisation', 'event', 'concept'];
const TYPE_SYNONYMS: Record<string, EntityType> = {
	people: 'person',
	organization: 'organisation',
	org: 'organisation',
	city: 'place',
	location: 'place',
	region: 'place',
	nation: 'country',
};
const IGNORE_VALUES = new Set(['ignore', 'ignored', 'off', 'false', 'no', 'none', 'skip']);

const BODY: Record<EntityType, string> = {
	person: 'Person.',
	capital: 'Capital.',
	country: 'Country.',
	place: 'Place.',
	organisation: 'Organisation.',
	event: 'Event.',
	concept: 'Concept.',
};

function yamlScalar(value: string): string {
	return stringify(value).trimEnd();
}

function yamlList(key: string, values: string[]): string[] {
	return values.length === 0 ? [] : [`${key}:`, ...values.map((v) => `  - ${yamlScalar(v)}`)];
}

// Links in the body give the graph its capital–country edges.
function describe(entity: Entity): string {
	if (entity.type === 'capital' && entity.country) return `Capital of [[${entity.country}]].`;
	if (entity.type === 'country') {
		const capital = builtinPlaces().find((p) => p.type === 'capital' && p.country === entity.name);
		if (capital) return `Country. Capital: [[${capital.name}]].`;
	}
	if (entity.type === 'place' && entity.country) return `Place in [[${entity.country}]].`;
	return BODY[entity.type];
}

/**
 * A new entity note: frontmatter with `type`, `aliases` (the name first, so a renamed note still answers to it),
 * `country` and `metonyms` for capitals, an `entity/<type>` tag for graph colours, and `envoy: auto`.
 */
export function renderEntityNote(entity: Entity, context: { mentionedIn?: string[] } = {}): string {
	const lines = ['---', `type: ${entity.type}`, ...yamlList('aliases', [entity.name, ...entity.aliases.filter((a) => a !== entity.name)])];
	if (entity.country) lines.push(`country: ${yamlScalar(entity.country)}`);
	if (entity.metonyms && entity.metonyms.length > 0) lines.push(...yamlList('metonyms', entity.metonyms));
	lines.push(...yamlList('tags', [`entity/${entity.type}`]), 'envoy: auto', '---', '', describe(entity));
	if (entity.type === 'capital' && entity.metonyms && entity.metonyms.length > 0) lines.push('', `Speaks as: ${entity.metonyms.join(', ')}.`);
	if (context.mentionedIn && context.mentionedIn.length > 0) lines.push('', `Mentioned in: ${context.mentionedIn.map((n) => `[[${n}]]`).join(', ')}`);
	return lines.join('\n') + '\n';
}

interface Frontmatter {
	data: Record<string, unknown>;
	/** Line index of the closing `---`. */
	close: number;
	lines: string[];
}

function frontmatter(markdown: string): Frontmatter | null {
	const lines = markdown.split('\n');
	if (lines[0]?.trim() !== '---') return null;
	const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (close < 0) return null;
	try {
		const data: unknown = parse(lines.slice(1, close).join('\n'));
		return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, close, lines };
	} catch {
		return null;
	}
}

function strings(value: unknown): string[] {
	if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
	if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String).map((s) => s.trim()).filter(Boolean);
	return [];
}

function typeFrom(data: Record<string, unknown>): EntityType | null {
	const raw = typeof data.type === 'string' ? data.type.trim().toLowerCase() : '';
	if ((TYPES as string[]).includes(raw)) return raw as EntityType;
	if (TYPE_SYNONYMS[raw]) return TYPE_SYNONYMS[raw];
	for (const tag of strings(data.tags)) {
		const m = /^#?entity\/(\w+)$/.exec(tag.toLowerCase());
		if (m && (TYPES as string[]).includes(m[1])) return m[1] as EntityType;
		if (m && TYPE_SYNONYMS[m[1]]) return TYPE_SYNONYMS[m[1]];
	}
	return null;
}

function isAuto(data: Record<string, unknown>): boolean {
	return typeof data.envoy === 'string' && data.envoy.trim().toLowerCase() === 'auto';
}

function isIgnored(data: Record<string, unknown>): boolean {
	const v = data.envoy;
	if (v === false) return true;
	return typeof v === 'string' && IGNORE_VALUES.has(v.trim().toLowerCase());
}

/**
 * Reads an entity note. The note's file name is the entity's name (so renaming the note renames the entity);
 * `aliases` are its forms; `type` (or an `entity/<type>` tag) its type, `concept` when neither says;
 * `envoy: ignore` returns 'ignored'. Returns null for text that is not a note at all (empty name).
 */
export function readEntityNote(noteName: string, markdown: string): Entity | 'ignored' | null {
	const name = noteName.replace(/\.md$/i, '').trim();
	if (!name) return null;
	const fm = frontmatter(markdown);
	const data = fm?.data ?? {};
	if (isIgnored(data)) return 'ignored';
	const aliases: string[] = [];
	for (const a of strings(data.aliases ?? data.alias)) if (a !== name && !aliases.includes(a)) aliases.push(a);
	const entity: Entity = { name, type: typeFrom(data) ?? 'concept', aliases, userOwned: !isAuto(data) };
	if (typeof data.country === 'string' && data.country.trim()) entity.country = data.country.replace(/^\[\[|\]\]$/g, '').trim();
	const metonyms = strings(data.metonyms);
	if (metonyms.length > 0) entity.metonyms = metonyms;
	return entity;
}

/**
 * Adds the aliases discovery saw that the note lacks, splicing lines into its frontmatter and leaving every other
 * byte as it was. Returns null when there is nothing to add, when the note is the user's (no `envoy: auto`), or
 * when a form is listed under `envoy-ignore` (the user's way to keep a removed alias out).
 */
export function mergeEntityNote(existing: string, discovered: Entity): string | null {
	const fm = frontmatter(existing);
	if (!fm || !isAuto(fm.data)) return null;
	const have = new Set([...strings(fm.data.aliases), ...strings(fm.data['envoy-ignore'])].map(nameKeyExact));
	const add: string[] = [];
	for (const a of [discovered.name, ...discovered.aliases]) {
		const k = nameKeyExact(a);
		if (have.has(k)) continue;
		have.add(k);
		add.push(a);
	}
	if (add.length === 0) return null;
	const lines = fm.lines.slice();
	const at = lines.findIndex((l, i) => i > 0 && i < fm.close && /^aliases\s*:/.test(l));
	if (at < 0) {
		lines.splice(fm.close, 0, ...yamlList('aliases', add));
		return lines.join('\n');
	}
	const inline = /^aliases\s*:\s*(\S.*)$/.exec(lines[at]);
	if (inline) {
		// A flow list or a single value: rewrite just that line as a block list.
		lines.splice(at, 1, ...yamlList('aliases', [...strings(fm.data.aliases), ...add]));
		return lines.join('\n');
	}
	let end = at + 1;
	while (end < fm.close && /^\s+-\s|^\s*-\s/.test(lines[end])) end++;
	const indent = /^(\s*)-/.exec(lines[at + 1] ?? '')?.[1] ?? '  ';
	lines.splice(end, 0, ...add.map((a) => `${indent}- ${yamlScalar(a)}`));
	return lines.join('\n');
}

/** Exact-form key: spelling differences that matter for display ("U.S." vs "US") are kept apart, case is not. */
function nameKeyExact(s: string): string {
	return s.trim().toLowerCase();
}

const COLORS: Record<EntityType, number> = {
	person: 0xe07a5f,
	capital: 0xc1121f,
	country: 0x3d5a80,
	place: 0x81b29a,
	organisation: 0xf2cc8f,
	event: 0x9b5de5,
	concept: 0x00bbf9,
};

/** Graph colour groups, one per entity type, for Obsidian's graph.json `colorGroups`. */
export function graphColorGroups(): { query: string; color: { a: number; rgb: number } }[] {
	return TYPES.map((t) => ({ query: `tag:#entity/${t}`, color: { a: 1, rgb: COLORS[t] } }));
}
