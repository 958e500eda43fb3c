// The import run: source files in, notes out, one report entry per file. Pure apart from the
// injected store, so the CLI (file system) and the plugin (Vault) share every decision.

import type { Article, ImportReportEntry } from '../types';
import { stripBlockIds } from './block-ids';
import { decodeSource } from './decode';
import { articleText, DuplicateFinder, fingerprintText, pickCanonical, type TextFingerprint } from './duplicates';
import { readProperties, splitNote } from './frontmatter';
import { joinVaultPath, noteNameOf, safeNoteName } from './names';
import { forEachConcurrent } from '../concurrency';
import { addCopies, conflictName, decideReimport, hashValue, isEnvoyNote, mergeUpdate } from './reimport';
import { outletsOf, renderArticleNote, renderBody, sourceHash } from './render';

/** Implemented by the CLI (fs) and the plugin (Vault) adapters. */
export interface NoteStore {
	/** Vault-relative `.md` paths under `folder`, recursively. */
	list(folder: string): Promise<string[]>;
	read(path: string): Promise<string | null>;
	/** Must fail when the path exists. */
	create(path: string, content: string): Promise<void>;
	/** Atomic read-modify-write; `update` returning its input means "no change". */
	replace(path: string, update: (current: string) => string): Promise<void>;
	ensureFolder(folder: string): Promise<void>;
}

/** `name` is a file name or relative path; it is the note's `source` and appears in reports. */
export interface SourceFile {
	name: string;
	bytes: Uint8Array;
}

export interface ExtractContext {
	sharedLines?: ReadonlySet<string>;
}

export interface ImportOptions {
	/** Vault folder the notes go to (and where existing notes are looked up). */
	folder: string;
	/** `YYYY-MM-DD`, written as `imported`. */
	today: string;
	extract: (text: string, context?: ExtractContext) => Article;
	/** Lines repeated across the batch (site chrome), handed to `extract`. */
	findSharedLines?: (texts: string[]) => Set<string>;
	/** Called after each file is read and extracted; the (quick) writes follow. */
	onProgress?: (done: number, total: number) => void;
	/** Largest source accepted, in bytes (default DEFAULT_MAX_BYTES, 64 MiB). */
	maxBytes?: number;
	/**
	 * Lets the UI paint between files (the plugin passes `() => new Promise((r) => window.setTimeout(r, 0))`);
	 * called at most every 50 ms during extraction. The core has no timers of its own.
	 */
	yieldToUi?: () => Promise<void>;
	/**
	 * Runs `prepareText` over many texts at once, in input order (the CLI spreads them over worker threads).
	 * Without it each text is prepared here, one after the other.
	 */
	prepareMany?: (jobs: readonly PrepareJob[], context: PrepareContext, onDone: (count: number) => void) => Promise<PreparedText[]>;
}

export interface PrepareJob {
	name: string;
	text: string;
	/** `sourceHash(text)`. */
	hash: string;
}

export interface PrepareContext {
	sharedLines?: ReadonlySet<string>;
	/** `YYYY-MM-DD`, written as `imported`. */
	today: string;
}

/**
 * A text cleaned into its article, with what the rest of the import needs of it: the body's Markdown, the
 * fingerprint duplicate detection compares, and the whole note as written when no other copy turns up
 * (the usual case; a copy that has company is rendered again with every outlet and source).
 */
export type PreparedText = { ok: true; article: Article; body: string; fingerprint: TextFingerprint; note: string } | { ok: false; error: string };

/** The per-file work of an import, pure and independent of every other file. */
export function prepareText(job: PrepareJob, context: PrepareContext, extract: ImportOptions['extract']): PreparedText {
	try {
		const article = extract(job.text, { sharedLines: context.sharedLines });
		const body = hasBody(article) ? renderBody(article.blocks) : '';
		const note = body ? renderArticleNote(article, { body, source: job.name, sourceHash: job.hash, imported: context.today }) : '';
		return { ok: true, article, body, fingerprint: fingerprintText(articleText(article)), note };
	} catch (error) {
		return { ok: false, error: message(error) };
	}
}

export interface ImportedNote {
	path: string;
	source: string;
	title: string;
	article: Article;
	status: 'created' | 'updated';
}

export interface ImportResult {
	/** One entry per source file, in input order. */
	report: ImportReportEntry[];
	/** Notes written in this run, for the linking step. */
	notes: ImportedNote[];
}

interface Prepared {
	index: number;
	name: string;
	article: Article;
	/** The article's Markdown body, rendered once. */
	body: string;
	fingerprint: TextFingerprint;
	/** The note as written when this copy stands alone. */
	note: string;
	hash: string;
	/** Share of text this copy has in common with the copy it was matched to; null when it matched none. */
	similarity: number | null;
}

function copyReason(copy: Prepared, path: string): string {
	const shared = copy.similarity === null ? '' : ` (${Math.round(copy.similarity * 100)}% of the text in common)`;
	return `another copy of ${path}${shared}`;
}

const CREATE_ATTEMPTS = 4;

function entry(source: string, status: ImportReportEntry['status'], fields: Partial<ImportReportEntry> = {}): ImportReportEntry {
	return { source, status, path: null, title: null, duplicateOf: null, reason: null, ...fields };
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function hasBody(article: Article): boolean {
	return article.blocks.some((b) => (b.kind === 'list' ? b.items.some((i) => i.trim() !== '') : b.text.trim() !== ''));
}

function folderOf(path: string): string {
	const slash = path.lastIndexOf('/');
	return slash < 0 ? '' : path.slice(0, slash);
}

/** The words of a note body as Envoy wrote them: block ids and link syntax would read as extra words. */
export function noteBodyText(note: string): string {
	return stripBlockIds(splitNote(note).body).replace(/\[\[([^\]|\n]*?)(?:\|([^\]\n]*?))?\]\]/g, (_m, target: string, alias?: string) => alias ?? target);
}

interface ExistingNote {
	path: string;
	/** `source_hash` as stored, to tell an unchanged source without extracting it again. */
	sourceHash: string | null;
	title: string | null;
}

interface Existing {
	/** Lower-cased names of every note in the folder: new names must differ from all of them. */
	taken: Set<string>;
	/** Envoy notes by their `source` property. */
	bySource: Map<string, ExistingNote[]>;
	/** Body text of every Envoy note, for duplicate detection of new sources (in path order). */
	bodies: { path: string; text: string }[];
}

/** Parallel reads: a vault of thousands of notes is read in a fraction of the time one at a time takes. */
const READ_CONCURRENCY = 16;
const WRITE_CONCURRENCY = 16;

async function indexExisting(store: NoteStore, folder: string): Promise<Existing> {
	const taken = new Set<string>();
	const bySource = new Map<string, ExistingNote[]>();
	const paths = (await store.list(folder)).filter((p) => p.toLowerCase().endsWith('.md')).sort();
	const texts: (string | null)[] = new Array<string | null>(paths.length).fill(null);
	for (const path of paths) taken.add(noteNameOf(path).toLowerCase());
	await forEachConcurrent(paths, READ_CONCURRENCY, async (path, i) => {
		// An unreadable note only reserves its name.
		texts[i] = await store.read(path).catch(() => null);
	});
	const bodies: { path: string; text: string }[] = [];
	paths.forEach((path, i) => {
		const text = texts[i];
		if (text === null) return;
		const props = readProperties(text);
		// Only Envoy's notes are compared and updated; the reader's own notes just reserve their names.
		if (!isEnvoyNote(props)) return;
		if (typeof props.source === 'string') {
			const note = { path, sourceHash: hashValue(props.source_hash), title: typeof props.title === 'string' ? props.title : null };
			const list = bySource.get(props.source);
			if (list) list.push(note);
			else bySource.set(props.source, [note]);
		}
		bodies.push({ path, text });
	});
	return { taken, bySource, bodies };
}

export async function importSources(sources: SourceFile[], store: NoteStore, given: ImportOptions): Promise<ImportResult> {
	// "Envoy\\Articles/" and "Envoy/Articles" are one folder.
	const options: ImportOptions = { ...given, folder: joinVaultPath(given.folder, '') };
	const report: ImportReportEntry[] = new Array<ImportReportEntry>(sources.length);
	const notes: ImportedNote[] = [];
	const { taken, bySource, bodies } = await indexExisting(store, options.folder);

	// Decode everything first: shared-line detection needs the whole batch. A source whose note was made
	// from these very bytes is unchanged: it is not extracted again.
	const texts: (string | null)[] = sources.map(() => null);
	const hashes: string[] = sources.map(() => '');
	const seenNames = new Set<string>();
	let toExtract = 0;
	sources.forEach((source, i) => {
		if (seenNames.has(source.name)) {
			report[i] = entry(source.name, 'skipped', { reason: `${source.name}: listed twice in this import` });
			return;
		}
		seenNames.add(source.name);
		const decoded = decodeSource(source.bytes, source.name, { maxBytes: options.maxBytes });
		if (!decoded.ok) {
			report[i] = entry(source.name, 'failed', { reason: `${source.name}: ${decoded.reason}` });
			return;
		}
		texts[i] = decoded.text;
		hashes[i] = sourceHash(decoded.text);
		const same = bySource.get(source.name)?.find((note) => note.sourceHash === hashes[i]);
		if (same) report[i] = entry(source.name, 'unchanged', { path: same.path, title: same.title });
		else toExtract++;
	});

	let sharedLines: Set<string> | undefined;
	if (toExtract > 0) {
		try {
			sharedLines = options.findSharedLines?.(texts.filter((t): t is string => t !== null));
		} catch {
			// Shared lines only sharpen extraction; without them each file is judged alone.
			sharedLines = undefined;
		}
	}

	const prepared: Prepared[] = [];
	const accept = (i: number, result: PreparedText) => {
		const name = sources[i].name;
		if (!result.ok) report[i] = entry(name, 'failed', { reason: `${name}: extraction failed: ${result.error}` });
		else if (hasBody(result.article)) prepared.push({ index: i, name, article: result.article, body: result.body, fingerprint: result.fingerprint, note: result.note, hash: hashes[i], similarity: null });
		else report[i] = entry(name, 'skipped', { title: result.article.title || null, reason: `${name}: only boilerplate, no article text found` });
	};
	const pending = sources.map((_, i) => i).filter((i) => texts[i] !== null && report[i] === undefined);
	const jobOf = (i: number): PrepareJob => ({ name: sources[i].name, text: texts[i] as string, hash: hashes[i] });
	const context: PrepareContext = { sharedLines, today: options.today };
	if (options.prepareMany && pending.length > 0) {
		let done = sources.length - pending.length;
		const results = await options.prepareMany(
			pending.map(jobOf),
			context,
			(count) => options.onProgress?.((done += count), sources.length),
		);
		pending.forEach((i, k) => accept(i, results[k]));
	} else {
		let lastYield = performance.now();
		let next = 0;
		for (let i = 0; i < sources.length; i++) {
			// Extraction is synchronous; hand the event loop back now and then so a progress bar can paint.
			if (options.yieldToUi && performance.now() - lastYield > 50) {
				await options.yieldToUi();
				lastYield = performance.now();
			}
			if (pending[next] === i) {
				next++;
				accept(i, prepareText(jobOf(i), context, options.extract));
			}
			options.onProgress?.(i + 1, sources.length);
		}
	}
	// The texts are in the articles now; a 10,000-file import should not hold both.
	texts.fill(null);

	// Group new texts with each other and with notes already in the folder (read only when there is something new).
	const reimports = prepared.filter((item) => bySource.has(item.name));
	const fresh = prepared.filter((item) => !bySource.has(item.name));
	const finder = new DuplicateFinder();
	if (fresh.length > 0) for (const note of bodies) finder.add(`note:${note.path}`, noteBodyText(note.text));
	const groups = new Map<string, Prepared[]>();
	for (const item of fresh) {
		const match = finder.add(`src:${item.index}`, item.fingerprint);
		if (match.duplicateOf !== null) item.similarity = Math.max(match.similarity, match.containment);
		const key = match.duplicateOf ?? `src:${item.index}`;
		const group = groups.get(key);
		if (group) {
			// The first copy may end up the duplicate (if a later one is richer): give it a figure too.
			group[0].similarity ??= item.similarity;
			group.push(item);
		} else groups.set(key, [item]);
	}

	if (reimports.length > 0 || groups.size > 0) await store.ensureFolder(options.folder);

	/** Creates a note under a fresh unique name; a path that turns out to exist just costs a retry. */
	const createNote = async (folder: string, pickName: () => string, content: string): Promise<string> => {
		let lastError: unknown = null;
		for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
			// Picked before any await, so concurrent writers started in order get names in order.
			const name = pickName();
			taken.add(name.toLowerCase());
			const path = joinVaultPath(folder, `${name}.md`);
			try {
				if (folder !== options.folder) await store.ensureFolder(folder);
				await store.create(path, content);
				return path;
			} catch (error) {
				lastError = error;
			}
		}
		throw lastError instanceof Error ? lastError : new Error(message(lastError));
	};

	for (const item of reimports) {
		report[item.index] = await reimport(item, (bySource.get(item.name) ?? []).map((n) => n.path), store, options, taken, createNote, notes);
	}

	const newGroups: Prepared[][] = [];
	for (const [key, members] of groups) {
		if (!key.startsWith('note:')) {
			newGroups.push(members);
			continue;
		}
		const path = key.slice('note:'.length);
		let failure = '';
		try {
			await store.replace(path, (current) => addCopies(current, members.flatMap((m) => outletsOf(m.article)), members.map((m) => m.name)));
		} catch (error) {
			failure = `; could not list it in the note: ${message(error)}`;
		}
		for (const m of members) report[m.index] = entry(m.name, 'duplicate', { title: m.article.title, duplicateOf: path, reason: copyReason(m, path) + failure });
	}
	const written: (ImportedNote | null)[] = newGroups.map(() => null);
	await forEachConcurrent(newGroups, WRITE_CONCURRENCY, async (members, g) => {
		written[g] = await writeGroup(members, options, taken, createNote, report);
	});
	// Notes are listed in input order whatever order the writes finished in.
	for (const note of written) if (note) notes.push(note);

	return { report, notes };
}

type CreateNote = (folder: string, pickName: () => string, content: string) => Promise<string>;

/** Writes the richest copy of a group as the note; the others become its duplicates. */
async function writeGroup(
	members: Prepared[],
	options: ImportOptions,
	taken: Set<string>,
	createNote: CreateNote,
	report: ImportReportEntry[],
): Promise<ImportedNote | null> {
	const remaining = [...members];
	while (remaining.length > 0) {
		const canonical = remaining.splice(pickCanonical(remaining.map((m) => m.article)), 1)[0];
		const copies = [canonical, ...remaining];
		const content =
			copies.length === 1
				? canonical.note
				: renderArticleNote(canonical.article, {
						body: canonical.body,
						source: canonical.name,
						sources: copies.map((m) => m.name),
						outlets: copies.flatMap((m) => outletsOf(m.article)),
						sourceHash: canonical.hash,
						imported: options.today,
					});
		try {
			const path = await createNote(options.folder, () => safeNoteName(canonical.article.title, taken), content);
			report[canonical.index] = entry(canonical.name, 'created', { path, title: canonical.article.title });
			for (const m of remaining) report[m.index] = entry(m.name, 'duplicate', { title: m.article.title, duplicateOf: path, reason: copyReason(m, path) });
			return { path, source: canonical.name, title: canonical.article.title, article: canonical.article, status: 'created' };
		} catch (error) {
			// The next richest copy gets its chance to be the note.
			report[canonical.index] = entry(canonical.name, 'failed', { title: canonical.article.title, reason: `${canonical.name}: could not write the note: ${message(error)}` });
		}
	}
	return null;
}

/** A source that already has a note: leave it, update it, or write the new version beside it. */
async function reimport(
	item: Prepared,
	candidates: string[],
	store: NoteStore,
	options: ImportOptions,
	taken: Set<string>,
	createNote: CreateNote,
	notes: ImportedNote[],
): Promise<ImportReportEntry> {
	const title = item.article.title;
	// Written for this copy alone, which is what a re-imported source is.
	const incoming = item.note;
	const decisions: { path: string; decision: ReturnType<typeof decideReimport> }[] = [];
	for (const path of candidates) {
		const current = await store.read(path).catch(() => null);
		if (current !== null) decisions.push({ path, decision: decideReimport(current, incoming) });
	}
	const unchanged = decisions.find((d) => d.decision === 'unchanged');
	if (unchanged) return entry(item.name, 'unchanged', { path: unchanged.path, title });

	const updatable = decisions.find((d) => d.decision === 'update');
	if (updatable) {
		let updated = false;
		try {
			await store.replace(updatable.path, (current) => {
				// Decided again on what is really there now: the reader may have typed in the meantime.
				updated = decideReimport(current, incoming) === 'update';
				return updated ? mergeUpdate(current, incoming) : current;
			});
		} catch (error) {
			return entry(item.name, 'failed', { title, reason: `${item.name}: could not update ${updatable.path}: ${message(error)}` });
		}
		if (updated) {
			notes.push({ path: updatable.path, source: item.name, title, article: item.article, status: 'updated' });
			return entry(item.name, 'updated', { path: updatable.path, title });
		}
	}

	const original = decisions[0]?.path ?? candidates[0];
	try {
		const folder = original ? folderOf(original) : options.folder;
		const base = original ? noteNameOf(original) : title;
		const path = await createNote(folder, () => conflictName(base, options.today, taken), incoming);
		notes.push({ path, source: item.name, title, article: item.article, status: 'created' });
		return entry(item.name, 'created', { path, title, reason: `${original} was edited, so it was kept; the new version is beside it` });
	} catch (error) {
		return entry(item.name, 'failed', { title, reason: `${item.name}: could not write the new version: ${message(error)}` });
	}
}
