// Live index over the vault: per-note detection results, per-capital buckets, per-capital cached sections.
// A note change re-detects that note only and re-assembles only the capitals it touched (before or after).
import { CapitalResolver } from './capitals';
import { mentionPassage } from './apply-marks';
import { detectMessages, passage, type DetectedPassage, type NoteDetection } from './detect';
import { basename } from './parse-note';
import type { CapitalInfo, MessagePassage, SourceNote } from './source-note';
import type { CapitalSection, MessagesModel } from '../types';

export interface ModelOptions {
	/** Also list passages that merely mention a capital, and dismissed ones (flagged), for the reader to mark. */
	showAllMentions?: boolean;
}

interface NoteEntry {
	note: SourceNote;
	found: NoteDetection;
	/** Mention passages by capital, built on the first "show all" request. */
	mentionPassages?: Map<string, DetectedPassage[]>;
}

export class MessagesIndex {
	private resolver = new CapitalResolver([]);
	private readonly notes = new Map<string, NoteEntry>();
	/** capital note → source path → that note's passages to it. */
	private readonly buckets = new Map<string, Map<string, DetectedPassage[]>>();
	/** capital note → paths of notes that merely mention it. */
	private readonly mentionedIn = new Map<string, Set<string>>();
	/** Lower-cased basename or path → paths of notes present under it, to tell whether a duplicate's original is here. */
	private readonly byName = new Map<string, Set<string>>();
	/** Lower-cased original name → paths of the notes that declare themselves its duplicate. */
	private readonly duplicatesOf = new Map<string, Set<string>>();
	private readonly sections = new Map<string, { messages?: CapitalSection; all?: CapitalSection }>();
	/**
	 * Per capital, the notes whose messages changed since its cached section was made, or 'full' when a change
	 * touched text shared with another note (or a duplicate's standing) and the section must be rebuilt.
	 * Otherwise the section is patched: that note's passages out, its new ones merged in.
	 */
	private readonly dirty = { messages: new Map<string, Set<string> | 'full'>(), all: new Map<string, Set<string> | 'full'>() };
	/**
	 * Per capital, how many mentions share each paragraph text (mentions fold republished copies on exact text).
	 * Counted only once a "show all" model has been asked for, so the plain view does not pay for it.
	 */
	private readonly mentionCounts = new Map<string, Map<string, number>>();
	private countingMentions = false;
	/** Per capital, how many message passages share each republication key. */
	private readonly keyCounts = new Map<string, Map<string, number>>();

	setCapitals(capitals: CapitalInfo[]): void {
		this.resolver = new CapitalResolver(capitals);
		this.buckets.clear();
		this.mentionedIn.clear();
		this.sections.clear();
		this.dirty.messages.clear();
		this.dirty.all.clear();
		this.mentionCounts.clear();
		this.countingMentions = false;
		this.keyCounts.clear();
		for (const c of capitals) this.buckets.set(c.note, new Map());
		for (const entry of this.notes.values()) {
			entry.found = detectMessages(entry.note, this.resolver);
			entry.mentionPassages = undefined;
			this.fill(entry);
		}
	}

	upsert(note: SourceNote): void {
		this.drop(note.path);
		const entry: NoteEntry = { note, found: detectMessages(note, this.resolver) };
		this.notes.set(note.path, entry);
		addTo(this.byName, basename(note.path).toLowerCase(), note.path);
		addTo(this.byName, note.path.toLowerCase(), note.path);
		if (note.duplicateOf) addTo(this.duplicatesOf, note.duplicateOf.toLowerCase(), note.path);
		this.fill(entry);
		this.touchDuplicatesOf(note.path);
	}

	remove(path: string): void {
		if (this.drop(path)) this.touchDuplicatesOf(path);
	}

	rename(from: string, to: string): void {
		const entry = this.notes.get(from);
		if (!entry) return;
		this.remove(from);
		// The title falls back to the file name, so a renamed note is re-read rather than patched.
		const title = entry.note.title === basename(from) ? basename(to) : entry.note.title;
		this.upsert({ ...entry.note, path: to, title });
	}

	/** Paths currently indexed (for tests and the plugin's reconciliation). */
	paths(): string[] {
		return [...this.notes.keys()];
	}

	model(options: ModelOptions = {}): MessagesModel {
		const all = options.showAllMentions === true;
		const capitals = this.resolver.capitals.map((c) => {
			const cached = this.sections.get(c.note) ?? {};
			this.sections.set(c.note, cached);
			const mode = all ? 'all' : 'messages';
			if (all && !this.countingMentions) this.countAllMentions();
			const dirty = this.dirty[mode].get(c.note);
			this.dirty[mode].delete(c.note);
			const current = cached[mode];
			cached[mode] = !current || dirty === 'full' ? this.assemble(c, all) : dirty ? this.patch(c, current, dirty, all) : current;
			return cached[mode];
		});
		capitals.sort((a, b) => b.messages.length - a.messages.length || a.capital.localeCompare(b.capital));
		return { capitals };
	}

	private fill(entry: NoteEntry): void {
		const path = entry.note.path;
		for (const d of entry.found.messages) {
			const bucket = this.buckets.get(d.passage.recipient);
			if (!bucket) continue;
			const list = bucket.get(path);
			if (list) list.push(d);
			else bucket.set(path, [d]);
			const counts = this.keyCounts.get(d.passage.recipient) ?? new Map<string, number>();
			this.keyCounts.set(d.passage.recipient, counts);
			const n = (counts.get(d.key) ?? 0) + 1;
			counts.set(d.key, n);
			this.changed(d.passage.recipient, n > 1 ? null : path);
		}
		for (const m of entry.found.mentions) {
			addTo(this.mentionedIn, m.capital.note, path);
			const n = this.countingMentions ? this.countMention(m.capital.note, entry.note.paragraphs[m.paragraph].text, 1) : 1;
			this.changed(m.capital.note, n > 1 ? null : path, true);
		}
	}

	/** Adds `delta` to the count of mentions of `capital` with this text; returns the new count. */
	private countMention(capital: string, text: string, delta: 1 | -1): number {
		let counts = this.mentionCounts.get(capital);
		if (!counts) this.mentionCounts.set(capital, (counts = new Map<string, number>()));
		const n = (counts.get(text) ?? 0) + delta;
		if (n <= 0) counts.delete(text);
		else counts.set(text, n);
		return n;
	}

	private countAllMentions(): void {
		this.countingMentions = true;
		for (const entry of this.notes.values()) {
			for (const m of entry.found.mentions) this.countMention(m.capital.note, entry.note.paragraphs[m.paragraph].text, 1);
		}
	}

	private mentionsOf(entry: NoteEntry, capital: string): DetectedPassage[] {
		if (!entry.mentionPassages) {
			entry.mentionPassages = new Map();
			for (const ref of entry.found.mentions) {
				const d = mentionPassage(entry.note, ref, this.resolver, passage);
				const list = entry.mentionPassages.get(ref.capital.note);
				if (list) list.push(d);
				else entry.mentionPassages.set(ref.capital.note, [d]);
			}
		}
		return entry.mentionPassages.get(capital) ?? [];
	}

	private drop(path: string): boolean {
		const entry = this.notes.get(path);
		if (!entry) return false;
		for (const d of entry.found.messages) {
			this.buckets.get(d.passage.recipient)?.delete(path);
			const counts = this.keyCounts.get(d.passage.recipient);
			const n = counts?.get(d.key) ?? 0;
			if (n <= 1) counts?.delete(d.key);
			else counts?.set(d.key, n - 1);
			this.changed(d.passage.recipient, n > 1 ? null : path);
		}
		for (const m of entry.found.mentions) {
			removeFrom(this.mentionedIn, m.capital.note, path);
			const n = this.countingMentions ? this.countMention(m.capital.note, entry.note.paragraphs[m.paragraph].text, -1) + 1 : 1;
			this.changed(m.capital.note, n > 1 ? null : path, true);
		}
		this.notes.delete(path);
		removeFrom(this.byName, basename(path).toLowerCase(), path);
		removeFrom(this.byName, path.toLowerCase(), path);
		if (entry.note.duplicateOf) removeFrom(this.duplicatesOf, entry.note.duplicateOf.toLowerCase(), path);
		return true;
	}

	/** Notes that declare `path` their original change standing when it comes or goes. */
	private touchDuplicatesOf(path: string): void {
		for (const name of [basename(path).toLowerCase(), path.toLowerCase()]) {
			for (const dup of this.duplicatesOf.get(name) ?? []) {
				const found = this.notes.get(dup)?.found;
				for (const d of found?.messages ?? []) this.changed(d.passage.recipient, null);
				for (const m of found?.mentions ?? []) this.changed(m.capital.note, null);
			}
		}
	}

	/**
	 * Records that `path` changed for `capital` (null: in a way only a rebuild of its section can follow);
	 * `mentionOnly` when only the "show all" section can be affected.
	 */
	private changed(capital: string, path: string | null, mentionOnly = false): void {
		const cached = this.sections.get(capital);
		for (const mode of mentionOnly ? (['all'] as const) : (['messages', 'all'] as const)) {
			// No section made yet (as during a first build): the next model() assembles it whole anyway.
			if (!cached?.[mode]) continue;
			const dirty = this.dirty[mode];
			const d = dirty.get(capital);
			if (d === 'full') continue;
			if (path === null) dirty.set(capital, 'full');
			else if (d) d.add(path);
			else dirty.set(capital, new Set([path]));
		}
	}

	/** The cached section with the changed notes' passages replaced; valid while no republication key is shared. */
	private patch(capital: CapitalInfo, section: CapitalSection, paths: Set<string>, all: boolean): CapitalSection {
		const added: MessagePassage[] = [];
		for (const path of paths) {
			const entry = this.notes.get(path);
			if (!entry || this.isRepublished(entry.note)) continue;
			for (const d of this.buckets.get(capital.note)?.get(path) ?? []) if (all || !d.passage.dismissed) added.push(d.passage);
			if (all) for (const d of this.mentionsOf(entry, capital.note)) added.push(d.passage);
		}
		added.sort(byReadingOrder);
		const messages: MessagePassage[] = [];
		let i = 0;
		for (const m of section.messages) {
			if (paths.has(m.note)) continue;
			while (i < added.length && byReadingOrder(added[i], m) < 0) messages.push(added[i++]);
			messages.push(m);
		}
		while (i < added.length) messages.push(added[i++]);
		return { ...section, messages };
	}

	private isRepublished(note: SourceNote): boolean {
		if (!note.duplicateOf) return false;
		const key = note.duplicateOf.toLowerCase();
		const present = this.byName.get(key) ?? this.byName.get(key.endsWith('.md') ? key : `${key}.md`);
		return present !== undefined && [...present].some((p) => p !== note.path);
	}

	private assemble(capital: CapitalInfo, all: boolean): CapitalSection {
		const groups = new Map<string, { best: DetectedPassage; note: SourceNote; copies: DetectedPassage[] }>();
		const take = (note: SourceNote, d: DetectedPassage): void => {
			const g = groups.get(d.key);
			if (!g) groups.set(d.key, { best: d, note, copies: [] });
			else if (isBetterCopy(note, g.note)) {
				g.copies.push(g.best);
				g.best = d;
				g.note = note;
			} else g.copies.push(d);
		};
		for (const [path, list] of this.buckets.get(capital.note) ?? []) {
			const note = this.notes.get(path)?.note;
			if (!note || this.isRepublished(note)) continue;
			for (const d of list) if (all || !d.passage.dismissed) take(note, d);
		}
		if (all) {
			for (const path of this.mentionedIn.get(capital.note) ?? []) {
				const entry = this.notes.get(path);
				if (!entry || this.isRepublished(entry.note)) continue;
				for (const d of this.mentionsOf(entry, capital.note)) take(entry.note, d);
			}
		}
		const messages: MessagePassage[] = [];
		for (const g of groups.values()) {
			const p: MessagePassage = g.copies.length > 0 ? { ...g.best.passage, alsoIn: g.copies.map((c) => ({ note: c.passage.note, block: c.passage.block })).sort(byNoteThenBlock) } : g.best.passage;
			messages.push(p);
		}
		messages.sort(byReadingOrder);
		return { capital: capital.note, note: capital.path, country: capital.country, messages };
	}
}

/** The copy kept when the same text is in two notes: the original, then the earliest published, then by path. */
function isBetterCopy(a: SourceNote, b: SourceNote): boolean {
	if ((a.duplicateOf === null) !== (b.duplicateOf === null)) return a.duplicateOf === null;
	if (a.published !== b.published) return a.published !== null && (b.published === null || a.published < b.published);
	return a.path < b.path;
}

/** Newest articles first; within one article, in the order it reads. */
function byReadingOrder(a: MessagePassage, b: MessagePassage): number {
	if (a.published !== b.published) return a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? 1 : -1;
	if (a.note !== b.note) return a.note < b.note ? -1 : 1;
	return a.line - b.line;
}

function byNoteThenBlock(a: { note: string; block: string | null }, b: { note: string; block: string | null }): number {
	return a.note < b.note ? -1 : a.note > b.note ? 1 : (a.block ?? '') < (b.block ?? '') ? -1 : (a.block ?? '') > (b.block ?? '') ? 1 : 0;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
	const set = map.get(key);
	if (set) set.add(value);
	else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
	const set = map.get(key);
	if (!set) return;
	set.delete(value);
	if (set.size === 0) map.delete(key);
}
