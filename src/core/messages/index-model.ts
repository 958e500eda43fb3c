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
	mentionPassages: Map<string, DetectedPassage[]> | undefined;
	/** Place in reading order among the notes of the section being assembled (see assemble). */
	rank: number;
}

export class MessagesIndex {
	private resolver = new CapitalResolver([]);
	private readonly notes = new Map<string, NoteEntry>();
	/** capital note → source path → that note's entry and its passages to the capital. */
	private readonly buckets = new Map<string, Map<string, Bucketed>>();
	/** capital note → paths of notes that merely mention it; kept, like mentionCounts, once "show all" was asked for. */
	private readonly mentionedIn = new Map<string, Set<string>>();
	/**
	 * Lower-cased basename or path → how many notes are present under it, to tell whether a duplicate's original
	 * is here. Made on the first question, so a vault without republished copies never pays for it.
	 */
	private byName: Map<string, number> | null = null;
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
	/** Every note's rank is its place in reading order over the whole index, while model() assembles many sections. */
	private ranked = false;
	/**
	 * Per capital, how many message passages share each republication key. Counted when the capital's section is
	 * first assembled (which walks them all anyway) and kept up to date from then on: before that, no cached
	 * section needs to know whether a change can be patched.
	 */
	private readonly keyCounts = new Map<string, Map<string, KeyGroup>>();

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
		if (note.exported) {
			this.remove(note.path);
			return;
		}
		this.drop(note.path);
		const entry: NoteEntry = { note, found: detectMessages(note, this.resolver), mentionPassages: undefined, rank: 0 };
		this.notes.set(note.path, entry);
		if (this.byName) countNames(this.byName, note.path, 1);
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
		const mode = all ? 'all' : 'messages';
		// Many sections to assemble whole (a first build): rank every note once rather than per section.
		let whole = 0;
		for (const c of this.resolver.capitals) {
			const section = this.sections.get(c.note)?.[mode];
			if (!section || this.dirty[mode].get(c.note) === 'full') whole++;
		}
		if (whole > 4) {
			const entries = [...this.notes.values()].sort(byNewestEntry);
			for (let i = 0; i < entries.length; i++) entries[i].rank = i;
			this.ranked = true;
		}
		if (all && !this.countingMentions) this.countAllMentions();
		const capitals = this.resolver.capitals.map((c) => {
			const cached = this.sections.get(c.note) ?? {};
			this.sections.set(c.note, cached);
			const dirty = this.dirty[mode].get(c.note);
			this.dirty[mode].delete(c.note);
			const current = cached[mode];
			cached[mode] = !current || dirty === 'full' ? this.assemble(c, all) : dirty ? this.patch(c, current, dirty, all) : current;
			return cached[mode];
		});
		this.ranked = false;
		capitals.sort((a, b) => b.messages.length - a.messages.length || a.capital.localeCompare(b.capital));
		return { capitals };
	}

	private fill(entry: NoteEntry): void {
		const path = entry.note.path;
		// The note was dropped from every bucket before this: the lists made here are the only ones it has.
		const made: Bucketed[] = [];
		for (const d of entry.found.messages) {
			const recipient = d.passage.recipient;
			let list: DetectedPassage[] | undefined;
			for (const b of made) if (b.list[0].passage.recipient === recipient) list = b.list;
			if (list) list.push(d);
			else {
				const bucket = this.buckets.get(recipient);
				if (!bucket) continue;
				const b: Bucketed = { entry, list: [d] };
				bucket.set(path, b);
				made.push(b);
			}
			const counts = this.keyCounts.get(recipient);
			if (!counts) continue; // not assembled yet: nothing cached to patch
			const g = counts.get(d.key);
			if (g) g.n++;
			else counts.set(d.key, { n: 1, best: undefined, entry: undefined, copies: undefined });
			this.changed(recipient, g ? null : path);
		}
		if (!this.countingMentions) return;
		for (const m of entry.found.mentions) {
			addTo(this.mentionedIn, m.capital.note, path);
			const n = this.countMention(m.capital.note, entry.note.paragraphs[m.paragraph].text, 1);
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
			for (const m of entry.found.mentions) {
				addTo(this.mentionedIn, m.capital.note, entry.note.path);
				this.countMention(m.capital.note, entry.note.paragraphs[m.paragraph].text, 1);
			}
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
			if (!counts) continue;
			const g = counts.get(d.key);
			const n = g?.n ?? 0;
			if (n <= 1) counts.delete(d.key);
			else if (g) g.n--;
			this.changed(d.passage.recipient, n > 1 ? null : path);
		}
		if (this.countingMentions) {
			for (const m of entry.found.mentions) {
				removeFrom(this.mentionedIn, m.capital.note, path);
				const n = this.countMention(m.capital.note, entry.note.paragraphs[m.paragraph].text, -1) + 1;
				this.changed(m.capital.note, n > 1 ? null : path, true);
			}
		}
		this.notes.delete(path);
		if (this.byName) countNames(this.byName, path, -1);
		if (entry.note.duplicateOf) removeFrom(this.duplicatesOf, entry.note.duplicateOf.toLowerCase(), path);
		return true;
	}

	/** Notes that declare `path` their original change standing when it comes or goes. */
	private touchDuplicatesOf(path: string): void {
		if (this.duplicatesOf.size === 0) return;
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
			for (const d of this.buckets.get(capital.note)?.get(path)?.list ?? []) if (all || !d.passage.dismissed) added.push(d.passage);
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
		if (!this.byName) {
			this.byName = new Map();
			for (const path of this.notes.keys()) countNames(this.byName, path, 1);
		}
		const own = nameKeys(note.path);
		const key = note.duplicateOf.toLowerCase();
		for (const k of key.endsWith('.md') ? [key] : [key, `${key}.md`]) {
			const present = this.byName.get(k);
			if (present === undefined) continue;
			// Some note other than this one goes by that name.
			return present - (own.includes(k) ? 1 : 0) > 0;
		}
		return false;
	}

	private assemble(capital: CapitalInfo, all: boolean): CapitalSection {
		// Message passages count towards the republication keys whether or not they are shown.
		const counts = new Map<string, KeyGroup>();
		const groups: KeyGroup[] = [];
		const entries: NoteEntry[] = [];
		const take = (keyed: Map<string, KeyGroup>, entry: NoteEntry, d: DetectedPassage, shown: boolean): void => {
			let g = keyed.get(d.key);
			if (!g) keyed.set(d.key, (g = { n: 0, best: undefined, entry: undefined, copies: undefined }));
			g.n++;
			if (!shown) return;
			if (!g.best || !g.entry) {
				g.best = d;
				g.entry = entry;
				groups.push(g);
			} else if (isBetterCopy(entry.note, g.entry.note)) {
				(g.copies ??= []).push(g.best);
				g.best = d;
				g.entry = entry;
			} else (g.copies ??= []).push(d);
		};
		for (const { entry, list } of this.buckets.get(capital.note)?.values() ?? []) {
			const shown = entry.note.duplicateOf === null || !this.isRepublished(entry.note);
			if (shown) entries.push(entry);
			for (const d of list) take(counts, entry, d, shown && (all || !d.passage.dismissed));
		}
		this.keyCounts.set(capital.note, counts);
		if (all) {
			// Mentions fold on their own keys, which no message passage shares, and are not counted with them.
			const mentionGroups = new Map<string, KeyGroup>();
			for (const path of this.mentionedIn.get(capital.note) ?? []) {
				const entry = this.notes.get(path);
				if (!entry || this.isRepublished(entry.note)) continue;
				entries.push(entry);
				for (const d of this.mentionsOf(entry, capital.note)) take(mentionGroups, entry, d, true);
			}
		}
		if (!this.ranked) {
			entries.sort(byNewestEntry);
			for (let i = 0; i < entries.length; i++) entries[i].rank = i;
		}
		// Sorted by a number per passage rather than by comparing dates and paths in every comparison.
		const messages: MessagePassage[] = [];
		const order: number[] = [];
		for (const g of groups) {
			const best = g.best as DetectedPassage;
			const p: MessagePassage = g.copies ? { ...best.passage, alsoIn: g.copies.map((c) => ({ note: c.passage.note, block: c.passage.block })).sort(byNoteThenBlock) } : best.passage;
			order.push((g.entry as NoteEntry).rank * LINES_PER_RANK + p.line);
			messages.push(p);
			// Only the count outlives this call.
			g.best = g.entry = g.copies = undefined;
		}
		const byOrder = messages.map((_, i) => i).sort((a, b) => order[a] - order[b] || a - b);
		return { capital: capital.note, note: capital.path, country: capital.country, messages: byOrder.map((i) => messages[i]) };
	}
}

/** Passages sharing one republication key: how many there are, and while a section is assembled, which is shown. */
interface KeyGroup {
	n: number;
	best: DetectedPassage | undefined;
	entry: NoteEntry | undefined;
	copies: DetectedPassage[] | undefined;
}

interface Bucketed {
	entry: NoteEntry;
	list: DetectedPassage[];
}

/** Room for every line of a note between two notes' ranks (and exact in a double up to 2^53). */
const LINES_PER_RANK = 2 ** 24;

/** Newest first, undated last, then by path: the order of byReadingOrder, for whole notes. */
function byNewestEntry(x: NoteEntry, y: NoteEntry): number {
	const a = x.note;
	const b = y.note;
	if (a.published !== b.published) return a.published === null ? 1 : b.published === null ? -1 : a.published < b.published ? 1 : -1;
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The lower-cased names a note can be referred to by as an original: its basename and its path. */
function nameKeys(path: string): string[] {
	const base = basename(path).toLowerCase();
	const full = path.toLowerCase();
	return base === full ? [base] : [base, full];
}

function countNames(map: Map<string, number>, path: string, delta: 1 | -1): void {
	for (const k of nameKeys(path)) {
		const n = (map.get(k) ?? 0) + delta;
		if (n <= 0) map.delete(k);
		else map.set(k, n);
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
