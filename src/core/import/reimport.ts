// What to do when a note for a source already exists. The rule: a reader's work is never lost.
// Envoy rewrites a note only when its body is still exactly what Envoy wrote; metadata a reader
// added or corrected survives the rewrite.

import { type Document, parseDocument } from 'yaml';
import { joinNote, readProperties, splitNote, stringifyYaml, type Properties } from './frontmatter';
import { cleanNoteName, safeNoteName } from './names';
import { bodyHash, DESCRIPTIVE_KEYS, FINGERPRINT_WIDTH, OWNED_KEYS, propertyFingerprint, UNION_KEYS } from './render';

export type ReimportDecision = 'unchanged' | 'update' | 'conflict';

/**
 * A stored hash as text. Hex digits can look like a number ("1234…", "12e45…"); the YAML writer quotes
 * those, but a tool that rewrites frontmatter might not, so a number is read back as its digits.
 */
export function hashValue(value: unknown): string | null {
	if (typeof value === 'string') return value;
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** True when the note carries Envoy's fingerprints, i.e. Envoy wrote it. */
export function isEnvoyNote(props: Properties | null): props is Properties {
	return props !== null && hashValue(props.envoy_body_hash) !== null;
}

/** True when the note's body still hashes to what Envoy wrote. */
export function bodyUntouched(note: string): boolean {
	const props = readProperties(note);
	return isEnvoyNote(props) && bodyHash(splitNote(note).body) === hashValue(props.envoy_body_hash);
}

/**
 * `unchanged`: same source, write nothing. `update`: new source, body untouched, so `mergeUpdate`
 * may rewrite it. `conflict`: keep the note as it is and write the new version beside it; also the
 * answer for a note Envoy did not make or whose frontmatter no longer parses.
 */
export function decideReimport(existing: string, incoming: string): ReimportDecision {
	const props = readProperties(existing);
	if (!isEnvoyNote(props)) return 'conflict';
	const next = readProperties(incoming);
	const previous = hashValue(props.source_hash);
	if (next && previous !== null && previous === hashValue(next.source_hash)) return 'unchanged';
	return bodyUntouched(existing) ? 'update' : 'conflict';
}

function asStrings(value: unknown): string[] {
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
	return typeof value === 'string' && value !== '' ? [value] : [];
}

function union(a: unknown, b: unknown): string[] {
	const out = asStrings(a);
	const seen = new Set(out.map((s) => s.toLowerCase()));
	for (const s of asStrings(b)) {
		if (!seen.has(s.toLowerCase())) {
			seen.add(s.toLowerCase());
			out.push(s);
		}
	}
	return out;
}

function setOrDelete(doc: Document, key: string, value: unknown): void {
	if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) doc.delete(key);
	else doc.set(key, value);
}

/** Which descriptive properties the reader changed since Envoy wrote them, judged by `envoy_props_hash`. */
function touchedKeys(props: Properties): Set<string> {
	const stored = typeof props.envoy_props_hash === 'string' ? props.envoy_props_hash : '';
	const touched = new Set<string>();
	DESCRIPTIVE_KEYS.forEach((key, i) => {
		const width = FINGERPRINT_WIDTH;
		if (stored.slice(i * width, (i + 1) * width) !== propertyFingerprint(props[key])) touched.add(key);
	});
	return touched;
}

/**
 * The existing note brought up to `incoming`: incoming body; Envoy's own keys from incoming;
 * outlets and sources united; descriptive keys from incoming unless the reader changed them; every
 * other key (the reader's) kept in place, comments and order included. Call only after
 * `decideReimport` said `update`.
 */
export function mergeUpdate(existing: string, incoming: string): string {
	const old = splitNote(existing);
	const doc = parseDocument(old.yaml ?? '');
	const props = (doc.toJS() ?? {}) as Properties;
	const next = readProperties(incoming) ?? {};
	const touched = touchedKeys(props);
	for (const key of DESCRIPTIVE_KEYS) {
		if (!touched.has(key)) setOrDelete(doc, key, next[key]);
	}
	for (const key of UNION_KEYS) setOrDelete(doc, key, union(props[key], next[key]));
	// The stored fingerprint keeps describing what Envoy last wrote, so a reader's edit stays "touched".
	const stored = typeof props.envoy_props_hash === 'string' ? props.envoy_props_hash : '';
	const fingerprints = DESCRIPTIVE_KEYS.map((key, i) =>
		touched.has(key) ? stored.slice(i * FINGERPRINT_WIDTH, (i + 1) * FINGERPRINT_WIDTH).padEnd(FINGERPRINT_WIDTH, '-') : propertyFingerprint(next[key]),
	);
	for (const key of OWNED_KEYS) setOrDelete(doc, key, next[key]);
	doc.set('envoy_props_hash', fingerprints.join(''));
	return joinNote(stringifyYaml(doc), splitNote(incoming).body);
}

/**
 * Adds outlets and source files of newly found copies to an Envoy note, leaving everything else,
 * body included, untouched. Returns the note unchanged when nothing is new or it is not Envoy's.
 */
export function addCopies(note: string, outlets: readonly string[], sources: readonly string[]): string {
	const split = splitNote(note);
	if (split.yaml === null || !isEnvoyNote(readProperties(note))) return note;
	const doc = parseDocument(split.yaml);
	const props = (doc.toJS() ?? {}) as Properties;
	const nextOutlets = union(props.outlets, outlets);
	const nextSources = union(props.sources, sources);
	if (nextOutlets.length === asStrings(props.outlets).length && nextSources.length === asStrings(props.sources).length) return note;
	setOrDelete(doc, 'outlets', nextOutlets);
	setOrDelete(doc, 'sources', nextSources);
	return joinNote(stringifyYaml(doc), split.body);
}

/** Name for a re-imported version written beside a note the reader edited: "<name> (reimported YYYY-MM-DD)". */
export function conflictName(noteName: string, today: string, taken: ReadonlySet<string>): string {
	const suffix = ` (reimported ${today})`;
	return safeNoteName(`${cleanNoteName(noteName, 120 - suffix.length)}${suffix}`, taken);
}
