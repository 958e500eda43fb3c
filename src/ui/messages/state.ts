// View state of "Messages to capitals" and the pure functions that derive what to show from it.
// No DOM and no Obsidian here: the same code filters in the plugin, in headless Chromium and in node tests.

import type { CapitalMessage, MessagesModel } from '../../core/types';

/** Sentinel for "the text does not say who sent it"; a NUL cannot occur in a note name. */
export const UNKNOWN_SENDER = '\u0000unknown';

export type SortKey = 'newest' | 'oldest' | 'outlet' | 'sender';
export const SORT_KEYS: readonly SortKey[] = ['newest', 'oldest', 'outlet', 'sender'];

export interface MessagesFilters {
	/** Free text; every whitespace-separated word must occur (case-insensitive) in the passage, title, sender, outlet or authors. */
	text: string;
	/** Exact sender name, UNKNOWN_SENDER, or '' for all. */
	sender: string;
	/** Exact outlet, or '' for all. */
	outlet: string;
	/** Capital display name (set from the overview matrix), or '' for all. */
	recipient: string;
	/** Inclusive ISO dates `YYYY-MM-DD`, or ''. A bound excludes undated messages. */
	dateFrom: string;
	dateTo: string;
}

export interface ViewState {
	filters: MessagesFilters;
	sort: SortKey;
	/** Notes (paths) of the capital sections the reader collapsed. Kept by path so renames of the display name do not reopen them. */
	collapsed: string[];
	/** Off: only messages, and only capitals that have some. On: also mere mentions, dismissed passages and empty capitals. */
	showAllMentions: boolean;
	/** Cards rendered per page and capital: the rest waits behind "Show more", so 1,000 messages do not freeze the view. */
	pageSize: number;
	/** Pages shown per capital note (absent means one). */
	pages: Record<string, number>;
	/** Whether the sender × capital overview is expanded. */
	matrixOpen: boolean;
}

export const DEFAULT_PAGE_SIZE = 50;
const MIN_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 500;

export function emptyFilters(): MessagesFilters {
	return { text: '', sender: '', outlet: '', recipient: '', dateFrom: '', dateTo: '' };
}

export function defaultViewState(): ViewState {
	return {
		filters: emptyFilters(),
		sort: 'newest',
		collapsed: [],
		showAllMentions: false,
		pageSize: DEFAULT_PAGE_SIZE,
		pages: {},
		matrixOpen: false,
	};
}

export function hasActiveFilters(filters: MessagesFilters): boolean {
	return Object.values(filters).some((v) => v !== '');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function str(value: unknown, fallback = ''): string {
	return typeof value === 'string' ? value : fallback;
}

function isoDate(value: unknown): string {
	const s = str(value);
	return ISO_DATE.test(s) ? s : '';
}

/**
 * Rebuilds a ViewState from whatever the workspace file holds. The file is user-editable and may
 * come from an older version, so every field is checked and anything odd falls back to the default.
 */
export function parseViewState(raw: unknown): ViewState {
	const state = defaultViewState();
	if (typeof raw !== 'object' || raw === null) return state;
	const r = raw as Record<string, unknown>;
	const f = typeof r.filters === 'object' && r.filters !== null ? (r.filters as Record<string, unknown>) : {};
	state.filters = {
		text: str(f.text),
		sender: str(f.sender),
		outlet: str(f.outlet),
		recipient: str(f.recipient),
		dateFrom: isoDate(f.dateFrom),
		dateTo: isoDate(f.dateTo),
	};
	if (SORT_KEYS.includes(r.sort as SortKey)) state.sort = r.sort as SortKey;
	if (Array.isArray(r.collapsed)) state.collapsed = r.collapsed.filter((c): c is string => typeof c === 'string');
	if (typeof r.showAllMentions === 'boolean') state.showAllMentions = r.showAllMentions;
	if (typeof r.matrixOpen === 'boolean') state.matrixOpen = r.matrixOpen;
	if (typeof r.pageSize === 'number' && Number.isFinite(r.pageSize)) {
		state.pageSize = Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, Math.round(r.pageSize)));
	}
	if (typeof r.pages === 'object' && r.pages !== null) {
		for (const [note, n] of Object.entries(r.pages as Record<string, unknown>)) {
			if (typeof n === 'number' && Number.isInteger(n) && n > 1) state.pages[note] = n;
		}
	}
	return state;
}

/** One capital section after filtering and sorting. */
export interface VisibleSection {
	capital: string;
	note: string;
	country: string | null;
	/** Messages that pass the filters, in display order. */
	messages: CapitalMessage[];
	/** Messages in the model before filtering (respecting showAllMentions), for "12 of 40". */
	total: number;
}

/**
 * Optional fields the core builder adds to CapitalMessage when asked for all mentions. Read
 * structurally, so the view works with any builder that emits the shared type.
 */
export interface MessageFlags {
	/** The passage only names the capital (its cue is empty). */
	mention?: boolean;
	/** The reader rejected it. */
	dismissed?: boolean;
	/** Republished copies folded into this one. */
	alsoIn?: { note: string; block: string | null }[];
	/** The paragraph carries on a message announced in the paragraph before it. */
	continued?: boolean;
}

export function flagsOf(m: CapitalMessage): MessageFlags {
	return m as CapitalMessage & MessageFlags;
}

/** A passage shown only with "Show all mentions": a mere mention (no cue) or one the reader dismissed. */
export function isAside(m: CapitalMessage): boolean {
	const f = flagsOf(m);
	return f.mention === true || f.dismissed === true || m.cue.trim() === '';
}

function isMessage(m: CapitalMessage): boolean {
	return !isAside(m);
}

function senderKey(m: CapitalMessage): string {
	return m.sender ?? UNKNOWN_SENDER;
}

/** Each message's searchable text, lower-cased once: the filter runs over every message on every keystroke. */
const HAYSTACKS = new WeakMap<CapitalMessage, string>();

function matchesText(m: CapitalMessage, words: string[]): boolean {
	if (words.length === 0) return true;
	let hay = HAYSTACKS.get(m);
	if (hay === undefined) HAYSTACKS.set(m, (hay = [m.text, m.title, m.sender ?? '', m.outlet ?? '', m.authors.join(' '), m.cue].join('\n').toLowerCase()));
	return words.every((w) => hay.includes(w));
}

/** Filters that apply to a single message; recipient and the section-level rules are handled by the caller. */
function messageFilter(filters: MessagesFilters, ignore: { sender?: boolean } = {}): (m: CapitalMessage) => boolean {
	const words = filters.text.toLowerCase().split(/\s+/).filter((w) => w !== '');
	const { sender, outlet, dateFrom, dateTo } = filters;
	return (m) => {
		if (!ignore.sender && sender !== '' && senderKey(m) !== sender) return false;
		if (outlet !== '' && m.outlet !== outlet) return false;
		if (dateFrom !== '' && (m.published === null || m.published < dateFrom)) return false;
		if (dateTo !== '' && (m.published === null || m.published > dateTo)) return false;
		return matchesText(m, words);
	};
}

// One collator for every comparison: `localeCompare` with options builds one per call, which made sorting a
// 20,000-message model take more than a second.
const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Nulls sort last whatever the direction: "unknown" is never the most interesting row. */
function compareNullable(a: string | null, b: string | null, descending = false): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	const c = COLLATOR.compare(a, b);
	return descending ? -c : c;
}

/** ISO dates sort as plain strings; nulls last whatever the direction. */
function compareDates(a: string | null, b: string | null, descending: boolean): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return (a < b) === descending ? 1 : -1;
}

function byNoteAndLine(a: CapitalMessage, b: CapitalMessage): number {
	return a.note < b.note ? -1 : a.note > b.note ? 1 : a.line - b.line;
}

function comparator(sort: SortKey): (a: CapitalMessage, b: CapitalMessage) => number {
	// Ties fall back to newest first, then to the note and line, so the order is stable across re-renders.
	const tail = (a: CapitalMessage, b: CapitalMessage): number => compareDates(a.published, b.published, true) || byNoteAndLine(a, b);
	switch (sort) {
		case 'newest':
			return tail;
		case 'oldest':
			return (a, b) => compareDates(a.published, b.published, false) || byNoteAndLine(a, b);
		case 'outlet':
			return (a, b) => compareNullable(a.outlet, b.outlet) || tail(a, b);
		case 'sender':
			return (a, b) => compareNullable(a.sender, b.sender) || tail(a, b);
	}
}

/** What the view shows for a model and a state: sections in model order, messages filtered and sorted. */
export function applyFilters(model: MessagesModel, state: ViewState): VisibleSection[] {
	const keep = messageFilter(state.filters);
	const compare = comparator(state.sort);
	const filtering = hasActiveFilters(state.filters);
	const out: VisibleSection[] = [];
	for (const section of model.capitals) {
		if (state.filters.recipient !== '' && section.capital !== state.filters.recipient) continue;
		const pool = state.showAllMentions ? section.messages : section.messages.filter(isMessage);
		const messages = pool.filter(keep).sort(compare);
		// An empty section is noise while filtering, and only wanted unfiltered when the reader asked for all mentions.
		if (messages.length === 0 && (filtering || !state.showAllMentions)) continue;
		out.push({ capital: section.capital, note: section.note, country: section.country, messages, total: pool.length });
	}
	return out;
}

/** What the view shows, as a model: the export writes exactly this, in this order. */
export function visibleModel(model: MessagesModel, state: ViewState): MessagesModel {
	return { capitals: applyFilters(model, state).map((s) => ({ capital: s.capital, note: s.note, country: s.country, messages: s.messages })) };
}

/** The active filters in words, for the exported note; null when nothing is filtered. */
export function describeFilters(state: ViewState): string | null {
	const f = state.filters;
	const parts: string[] = [];
	if (f.text.trim() !== '') parts.push(`text “${f.text.trim()}”`);
	if (f.sender !== '') parts.push(`sender ${f.sender === UNKNOWN_SENDER ? 'unknown' : f.sender}`);
	if (f.recipient !== '') parts.push(`capital ${f.recipient}`);
	if (f.outlet !== '') parts.push(`outlet ${f.outlet}`);
	if (f.dateFrom !== '') parts.push(`from ${f.dateFrom}`);
	if (f.dateTo !== '') parts.push(`to ${f.dateTo}`);
	return parts.length === 0 ? null : `Filtered by ${parts.join(', ')}.`;
}

export interface SenderRecipientMatrix {
	/** Sender keys (names, or UNKNOWN_SENDER), busiest first. */
	senders: string[];
	/** Capital display names, busiest first. */
	recipients: string[];
	/** counts[i][j]: messages from senders[i] to recipients[j]. */
	counts: number[][];
	/** Messages counted, including those of senders and capitals cut off by the limit. */
	total: number;
}

/**
 * Counts messages per sender and capital. Only the `limit` busiest senders and capitals get a row or a
 * column so the overview stays small enough for a sidebar; the rest is still reached through the filters.
 */
export function senderRecipientMatrix(model: MessagesModel, limit = 8): SenderRecipientMatrix {
	const pair = new Map<string, Map<string, number>>();
	const bySender = new Map<string, number>();
	const byRecipient = new Map<string, number>();
	let total = 0;
	for (const section of model.capitals) {
		for (const m of section.messages) {
			const s = senderKey(m);
			let row = pair.get(s);
			if (!row) pair.set(s, (row = new Map<string, number>()));
			row.set(section.capital, (row.get(section.capital) ?? 0) + 1);
			bySender.set(s, (bySender.get(s) ?? 0) + 1);
			byRecipient.set(section.capital, (byRecipient.get(section.capital) ?? 0) + 1);
			total++;
		}
	}
	const busiest = (counts: Map<string, number>): string[] =>
		[...counts.entries()]
			// On a tie the named sender goes first: "unknown" is the least useful row to show.
			.sort((a, b) => b[1] - a[1] || Number(a[0] === UNKNOWN_SENDER) - Number(b[0] === UNKNOWN_SENDER) || a[0].localeCompare(b[0]))
			.slice(0, limit)
			.map(([k]) => k);
	const senders = busiest(bySender);
	const recipients = busiest(byRecipient);
	const counts = senders.map((s) => recipients.map((r) => pair.get(s)?.get(r) ?? 0));
	return { senders, recipients, counts, total };
}

/**
 * The model the matrix is computed on: the current filters except sender and capital, so the
 * matrix keeps showing the alternatives a click on a cell can switch to.
 */
export function matrixModel(model: MessagesModel, state: ViewState): MessagesModel {
	const keep = messageFilter(state.filters, { sender: true });
	return {
		capitals: model.capitals.map((section) => ({
			...section,
			messages: section.messages.filter((m) => (state.showAllMentions || isMessage(m)) && keep(m)),
		})),
	};
}

/** Distinct senders and outlets of the passages on show, sorted, for the filter menus. */
export function filterOptions(model: MessagesModel, includeAsides = true): { senders: string[]; outlets: string[]; hasUnknownSender: boolean } {
	const senders = new Set<string>();
	const outlets = new Set<string>();
	let hasUnknownSender = false;
	for (const section of model.capitals) {
		for (const m of section.messages) {
			if (!includeAsides && isAside(m)) continue;
			if (m.sender === null) hasUnknownSender = true;
			else senders.add(m.sender);
			if (m.outlet !== null) outlets.add(m.outlet);
		}
	}
	const sorted = (s: Set<string>): string[] => [...s].sort((a, b) => a.localeCompare(b));
	return { senders: sorted(senders), outlets: sorted(outlets), hasUnknownSender };
}

/** Number of cards to render for a capital under the paging state. */
export function visibleCount(state: ViewState, note: string, available: number): number {
	return Math.min(available, state.pageSize * Math.max(1, state.pages[note] ?? 1));
}

export interface HighlightPiece {
	text: string;
	kind: 'cue' | 'recipient' | 'sender' | null;
}

/**
 * Splits a passage into plain and highlighted pieces. The ranges come from another stage and may
 * overlap, be out of order or overrun the text after an edit; the first range wins an overlap and
 * everything is clamped, so a bad range never throws or duplicates text.
 */
export function splitHighlights(text: string, highlights: CapitalMessage['highlights']): HighlightPiece[] {
	const ranges = highlights
		.map((h) => ({ start: Math.max(0, Math.min(text.length, h.start)), end: Math.max(0, Math.min(text.length, h.end)), kind: h.kind }))
		.filter((h) => h.end > h.start)
		.sort((a, b) => a.start - b.start || b.end - a.end);
	const pieces: HighlightPiece[] = [];
	let at = 0;
	for (const r of ranges) {
		if (r.start < at) continue;
		if (r.start > at) pieces.push({ text: text.slice(at, r.start), kind: null });
		pieces.push({ text: text.slice(r.start, r.end), kind: r.kind });
		at = r.end;
	}
	if (at < text.length) pieces.push({ text: text.slice(at), kind: null });
	return pieces;
}
