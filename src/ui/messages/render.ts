// DOM of the "Messages to capitals" view, built with the standard DOM only (createElement, textContent,
// setAttribute) so the same function runs inside Obsidian and in plain headless Chromium for tests.
// Text from notes only ever reaches the page as text nodes: nothing here parses HTML.

import type { MarkAction } from '../../core/messages/marks';
import type { CapitalMessage, MessagesModel } from '../../core/types';
import {
	type SortKey,
	type ViewState,
	type VisibleSection,
	UNKNOWN_SENDER,
	applyFilters,
	emptyFilters,
	filterOptions,
	flagsOf,
	hasActiveFilters,
	isAside,
	matrixModel,
	senderRecipientMatrix,
	splitHighlights,
	visibleCount,
} from './state';
import { el, type Dom } from '../dom';

export type { MarkAction };

export interface MessagesHandlers {
	/** Open the passage; newLeaf when the reader asked for a new tab (Ctrl/Cmd or middle click). */
	onOpen(message: CapitalMessage, newLeaf: boolean): void;
	/** Called with every new state; the caller persists it. The renderer has already redrawn itself. */
	onStateChange(state: ViewState): void;
	onMark?(message: CapitalMessage, action: MarkAction): void;
	onExport?(): void;
}

const SORT_LABELS: Record<SortKey, string> = {
	newest: 'Newest first',
	oldest: 'Oldest first',
	outlet: 'Outlet',
	sender: 'Sender',
};

const ORIGIN_LABELS: Record<CapitalMessage['origin'], string | null> = {
	detected: null,
	confirmed: 'Confirmed',
	marked: 'Marked by you',
};

/**
 * Cards drawn at once across all capitals. A vault with sixty capitals would otherwise draw thousands of
 * cards (seconds of work) on every change; the capitals past the budget are drawn when scrolled to, or on request.
 */
export const CARD_BUDGET = 150;

/** Capitals the reader has scrolled to or opened past the budget, per view, kept across redraws. */
const revealedByContainer = new WeakMap<HTMLElement, Set<string>>();
/** The observer that draws deferred capitals as they come into view, per view (replaced on every redraw). */
const observerByContainer = new WeakMap<HTMLElement, IntersectionObserver>();

/** Stops drawing capitals as they scroll into view and forgets what was drawn: the view is closing. */
export function releaseMessages(container: HTMLElement): void {
	observerByContainer.get(container)?.disconnect();
	observerByContainer.delete(container);
	revealedByContainer.delete(container);
}

/** Ids must be unique per document even with several views open. */
let idCounter = 0;
function nextId(prefix: string): string {
	idCounter += 1;
	return `envoy-${prefix}-${idCounter}`;
}

/**
 * The two document methods the renderer needs. Deliberately not Obsidian's createEl: the same code
 * must run in plain Chromium for the tests. Elements come from the container's own document, so
 * a view moved to a popout window still builds its nodes there.
 */

function plural(n: number, one: string, many: string): string {
	return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

function senderLabel(sender: string | null): string {
	return sender === null || sender === UNKNOWN_SENDER ? 'Unknown sender' : sender;
}

// Re-rendering replaces the elements, so the focused control is found again by a stable key
// (and an input keeps its caret): keyboard users do not lose their place after every change.
const KEY_ATTR = 'data-envoy-key';

interface FocusMemo {
	key: string;
	selection: [number, number] | null;
}

function captureFocus(container: HTMLElement): FocusMemo | null {
	const active = container.ownerDocument.activeElement;
	if (!active || !container.contains(active)) return null;
	const key = active.getAttribute(KEY_ATTR);
	if (key === null) return null;
	let selection: [number, number] | null = null;
	if (active.tagName === 'INPUT') {
		const input = active as HTMLInputElement;
		// selectionStart throws or is null on date inputs; only text-like inputs have a caret.
		if (input.type === 'search' || input.type === 'text') selection = [input.selectionStart ?? 0, input.selectionEnd ?? 0];
	}
	return { key, selection };
}

function findSection(results: HTMLElement, note: string): HTMLElement | null {
	for (const node of Array.from(results.children)) if ((node as HTMLElement).dataset.note === note) return node as HTMLElement;
	return null;
}

function findByKey(container: HTMLElement, key: string): HTMLElement | null {
	// Compared as attributes rather than built into a selector: note paths may contain quotes.
	for (const node of Array.from(container.querySelectorAll(`[${KEY_ATTR}]`))) {
		if (node.getAttribute(KEY_ATTR) === key) return node as HTMLElement;
	}
	return null;
}

function restoreFocus(container: HTMLElement, memo: FocusMemo | null): void {
	if (memo === null) return;
	const target = findByKey(container, memo.key);
	if (!target) return;
	target.focus({ preventScroll: true });
	if (memo.selection) (target as HTMLInputElement).setSelectionRange(memo.selection[0], memo.selection[1]);
}

/**
 * Renders the whole view into `container`, replacing what was there. `model` null means the index is
 * still being built. Interactions update the state, redraw in place and report it via onStateChange.
 */
export function renderMessages(container: HTMLElement, model: MessagesModel | null, state: ViewState, handlers: MessagesHandlers): void {
	const doc = container.ownerDocument;
	const focus = captureFocus(container);
	// Anything that forces layout while the container is empty clamps its scroll position to 0; putting
	// it back keeps a vault change from throwing the reader to the top of a long list.
	const scrollTop = container.scrollTop;
	container.replaceChildren();
	const root = el(doc, 'div', 'envoy-messages');
	container.appendChild(root);

	if (model === null) {
		const loading = el(doc, 'div', 'envoy-messages-loading');
		loading.setAttribute('role', 'status');
		loading.appendChild(el(doc, 'span', 'envoy-spinner')).setAttribute('aria-hidden', 'true');
		loading.appendChild(el(doc, 'span', undefined, 'Loading messages…'));
		root.appendChild(loading);
		return;
	}

	if (!model.capitals.some((c) => c.messages.length > 0)) {
		root.appendChild(renderEmpty(doc, model.capitals.length));
		return;
	}

	const data: MessagesModel = model; // named so the closures below keep the non-null type
	let current = state;
	const messageOf = new WeakMap<Element, CapitalMessage>();

	const rerenderAll = (next: ViewState): void => {
		handlers.onStateChange(next);
		renderMessages(container, data, next, handlers);
	};
	const rerenderResults = (next: ViewState): void => {
		current = next;
		handlers.onStateChange(next);
		const memo = captureFocus(container);
		const top = container.scrollTop;
		drawResults();
		restoreFocus(container, memo);
		container.scrollTop = top;
	};

	root.appendChild(renderToolbar(doc, data, () => current, handlers, rerenderAll, rerenderResults));
	// The live region stays in place across redraws: screen readers announce changes to an existing
	// region, not regions that are inserted anew.
	const summary = root.appendChild(el(doc, 'div', 'envoy-messages-summary'));
	const status = summary.appendChild(el(doc, 'p', 'envoy-summary-text'));
	status.setAttribute('role', 'status');
	const results = root.appendChild(el(doc, 'div', 'envoy-messages-results'));

	const revealed = revealedByContainer.get(container) ?? new Set<string>();
	revealedByContainer.set(container, revealed);

	function drawResults(): void {
		observerByContainer.get(container)?.disconnect();
		results.replaceChildren();
		const sections = applyFilters(data, current);
		drawSummary(doc, summary, status, sections, current, rerenderAll);
		const matrix = renderMatrix(doc, data, current, rerenderAll, (next) => rerenderResults(next));
		if (matrix) results.appendChild(matrix);
		if (sections.length === 0) {
			results.appendChild(renderNoMatch(doc, current, rerenderAll));
			return;
		}
		const win = container.ownerDocument.defaultView;
		const observer =
			win && 'IntersectionObserver' in win
				? new win.IntersectionObserver(
						(entries) => {
							// One capital per frame, the first in view: it grows and pushes the next ones away. Those
							// still in view are observed afresh, so they are drawn next frame if there is room left.
							const inView = entries.filter((e) => e.isIntersecting).map((e) => e.target as HTMLElement);
							inView.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
							const [first, ...rest] = inView;
							if (first) reveal(first.dataset.note ?? '', false);
							for (const t of rest) {
								observer?.unobserve(t);
								observer?.observe(t);
							}
						},
						// Drawn a little before they scroll up into sight, so the reader rarely sees a placeholder; not ahead
						// above the view, where each capital drawn would keep the next in view (scroll anchoring) and so on.
						{ root: container, rootMargin: '0px 0px 600px 0px' },
					)
				: null;
		if (observer) observerByContainer.set(container, observer);
		const byNote = new Map(sections.map((s) => [s.note, s]));
		let drawn = 0;
		for (const section of sections) {
			const collapsed = current.collapsed.includes(section.note);
			const deferred = !collapsed && drawn >= CARD_BUDGET && !revealed.has(section.note);
			const box = renderSection(doc, section, current, handlers, messageOf, rerenderResults, container, deferred ? (focus) => reveal(section.note, focus) : null);
			results.appendChild(box);
			if (deferred) observer?.observe(box);
			else if (!collapsed) drawn += visibleCount(current, section.note, section.messages.length);
		}

		/** Draws one deferred capital in place (the rest of the view stays as it is). */
		function reveal(note: string, focus: boolean): void {
			const section = byNote.get(note);
			const old = section ? findSection(results, note) : null;
			if (!section || !old || revealed.has(note)) return;
			revealed.add(note);
			observer?.unobserve(old);
			// Focusing the button scrolls it into view, which draws the capital: the focus moves on with it.
			const hadFocus = old.contains(container.ownerDocument.activeElement);
			const box = renderSection(doc, section, current, handlers, messageOf, rerenderResults, container, null);
			old.replaceWith(box);
			if (focus || hadFocus) findByKey(container, `card:${note}#0`)?.focus({ preventScroll: !focus });
		}
	}

	// One set of listeners for all cards: a capital with a thousand messages does not need a thousand closures.
	const cardOf = (evt: Event): { card: HTMLElement; message: CapitalMessage } | null => {
		const target = evt.target as Element | null;
		const card = target?.closest<HTMLElement>('.envoy-card-open');
		const message = card ? messageOf.get(card) : undefined;
		return card && message ? { card, message } : null;
	};
	results.addEventListener('click', (evt) => {
		const hit = cardOf(evt);
		if (!hit) return;
		// A reader selecting words to copy should not be sent away from the view.
		const selection = doc.getSelection();
		if (selection && selection.type === 'Range' && hit.card.contains(selection.anchorNode)) return;
		handlers.onOpen(hit.message, evt.ctrlKey || evt.metaKey);
	});
	results.addEventListener('auxclick', (evt) => {
		const hit = cardOf(evt);
		if (hit && evt.button === 1) handlers.onOpen(hit.message, true);
	});
	results.addEventListener('keydown', (evt) => {
		if (evt.key !== 'Enter' && evt.key !== ' ') return;
		const hit = cardOf(evt);
		if (!hit || evt.target !== hit.card) return;
		evt.preventDefault(); // Space would scroll the pane.
		handlers.onOpen(hit.message, evt.ctrlKey || evt.metaKey);
	});

	drawResults();
	restoreFocus(container, focus);
	container.scrollTop = scrollTop;
}

function renderEmpty(doc: Dom, capitals: number): HTMLElement {
	const empty = el(doc, 'div', 'envoy-messages-empty');
	empty.appendChild(el(doc, 'p', 'envoy-messages-empty-title', 'No messages to capitals yet'));
	empty.appendChild(
		el(
			doc,
			'p',
			undefined,
			capitals === 0
				? 'Import articles and link entities: once capitals have notes, every passage that addresses one appears here.'
				: 'Import articles and link entities: passages that address one of your capitals will appear here.',
		),
	);
	return empty;
}

function labelled(doc: Dom, text: string, control: HTMLElement, cls: string): HTMLLabelElement {
	const label = el(doc, 'label', `envoy-field ${cls}`);
	label.appendChild(el(doc, 'span', 'envoy-field-label', text));
	label.appendChild(control);
	return label;
}

function select(doc: Dom, key: string, options: [string, string][], value: string): HTMLSelectElement {
	const s = el(doc, 'select', 'dropdown envoy-select');
	s.setAttribute(KEY_ATTR, key);
	// Keep a value that the model no longer has visible, so the filter stays explainable and clearable.
	if (value !== '' && !options.some(([v]) => v === value)) options = [...options, [value, senderLabel(value)]];
	for (const [v, label] of options) {
		const o = el(doc, 'option', undefined, label);
		o.value = v;
		s.appendChild(o);
	}
	s.value = value;
	return s;
}

function renderToolbar(
	doc: Dom,
	model: MessagesModel,
	current: () => ViewState,
	handlers: MessagesHandlers,
	rerenderAll: (s: ViewState) => void,
	rerenderResults: (s: ViewState) => void,
): HTMLElement {
	// The toolbar survives result redraws (so the text field keeps focus and caret while typing);
	// it always reads the latest state, which other controls may have changed meanwhile.
	const state = current();
	const change = (next: ViewState): void => {
		rerenderResults(next);
		clear.disabled = !hasActiveFilters(next.filters);
	};
	const setFilter = (patch: Partial<ViewState['filters']>): void => change({ ...current(), filters: { ...current().filters, ...patch } });

	const bar = el(doc, 'div', 'envoy-messages-toolbar');
	bar.setAttribute('role', 'search');

	const text = el(doc, 'input', 'envoy-input envoy-filter-text');
	text.type = 'search';
	text.placeholder = 'Filter messages…';
	text.setAttribute('aria-label', 'Filter messages by text');
	text.setAttribute(KEY_ATTR, 'filter:text');
	text.value = state.filters.text;
	text.addEventListener('input', () => setFilter({ text: text.value }));
	bar.appendChild(text);

	const opts = filterOptions(model, state.showAllMentions);
	const row = el(doc, 'div', 'envoy-toolbar-row');
	const senderOptions: [string, string][] = [['', 'All senders']];
	if (opts.hasUnknownSender) senderOptions.push([UNKNOWN_SENDER, 'Unknown sender']);
	for (const s of opts.senders) senderOptions.push([s, s]);
	const sender = select(doc, 'filter:sender', senderOptions, state.filters.sender);
	sender.addEventListener('change', () => setFilter({ sender: sender.value }));
	row.appendChild(labelled(doc, 'Sender', sender, 'envoy-field-sender'));

	const outlet = select(doc, 'filter:outlet', [['', 'All outlets'], ...opts.outlets.map((o): [string, string] => [o, o])], state.filters.outlet);
	outlet.addEventListener('change', () => setFilter({ outlet: outlet.value }));
	row.appendChild(labelled(doc, 'Outlet', outlet, 'envoy-field-outlet'));

	const sort = select(
		doc,
		'sort',
		(Object.keys(SORT_LABELS) as SortKey[]).map((k): [string, string] => [k, SORT_LABELS[k]]),
		state.sort,
	);
	sort.addEventListener('change', () => change({ ...current(), sort: sort.value as SortKey }));
	row.appendChild(labelled(doc, 'Sort by', sort, 'envoy-field-sort'));
	bar.appendChild(row);

	const dates = el(doc, 'div', 'envoy-toolbar-row');
	for (const [key, label] of [
		['dateFrom', 'From'],
		['dateTo', 'To'],
	] as const) {
		const input = el(doc, 'input', 'envoy-input envoy-filter-date');
		input.type = 'date';
		input.value = state.filters[key];
		input.setAttribute(KEY_ATTR, `filter:${key}`);
		input.addEventListener('change', () => setFilter({ [key]: input.value }));
		dates.appendChild(labelled(doc, label, input, `envoy-field-${key}`));
	}
	bar.appendChild(dates);

	const actions = el(doc, 'div', 'envoy-toolbar-row envoy-toolbar-actions');
	const all = el(doc, 'input', 'envoy-checkbox');
	all.type = 'checkbox';
	all.checked = state.showAllMentions;
	all.setAttribute(KEY_ATTR, 'show-all');
	// A full redraw: the sender and outlet menus depend on which passages are on show.
	all.addEventListener('change', () => rerenderAll({ ...current(), showAllMentions: all.checked }));
	const allLabel = el(doc, 'label', 'envoy-toggle');
	allLabel.appendChild(all);
	allLabel.appendChild(el(doc, 'span', undefined, 'Show all mentions'));
	actions.appendChild(allLabel);

	const clear = el(doc, 'button', 'envoy-button envoy-clear-filters', 'Clear filters');
	clear.type = 'button';
	clear.disabled = !hasActiveFilters(state.filters);
	clear.setAttribute(KEY_ATTR, 'clear');
	clear.addEventListener('click', () => rerenderAll({ ...current(), filters: emptyFilters() }));
	actions.appendChild(clear);

	if (handlers.onExport) {
		const exp = el(doc, 'button', 'envoy-button envoy-export', 'Export to note');
		exp.type = 'button';
		exp.setAttribute(KEY_ATTR, 'export');
		exp.addEventListener('click', () => handlers.onExport?.());
		actions.appendChild(exp);
	}
	bar.appendChild(actions);
	return bar;
}

function renderNoMatch(doc: Dom, state: ViewState, rerenderAll: (s: ViewState) => void): HTMLElement {
	const none = el(doc, 'div', 'envoy-messages-empty');
	const button = el(doc, 'button', 'envoy-button');
	button.type = 'button';
	button.setAttribute(KEY_ATTR, 'empty:action');
	if (hasActiveFilters(state.filters)) {
		none.appendChild(el(doc, 'p', undefined, 'No messages match these filters.'));
		button.textContent = 'Clear filters';
		button.addEventListener('click', () => rerenderAll({ ...state, filters: emptyFilters() }));
	} else {
		// Nothing filtered out, yet nothing shown: the model only holds plain mentions.
		none.appendChild(el(doc, 'p', undefined, 'Capitals are mentioned, but no passage addresses one yet.'));
		button.textContent = 'Show all mentions';
		button.addEventListener('click', () => rerenderAll({ ...state, showAllMentions: true }));
	}
	none.appendChild(button);
	return none;
}

function drawSummary(
	doc: Dom,
	summary: HTMLElement,
	status: HTMLElement,
	sections: VisibleSection[],
	state: ViewState,
	rerenderAll: (s: ViewState) => void,
): void {
	const shown = sections.reduce((n, s) => n + s.messages.length, 0);
	const total = sections.reduce((n, s) => n + s.total, 0);
	const capitals = plural(sections.length, 'capital', 'capitals');
	const text = hasActiveFilters(state.filters)
		? `${shown.toLocaleString()} matching ${shown === 1 ? 'message' : 'messages'} to ${capitals}`
		: `${plural(total, 'message', 'messages')} to ${capitals}`;
	// Only touched when it changes, so collapsing a section is not announced as news.
	if (status.textContent !== text) status.textContent = text;
	summary.querySelector('.envoy-chip')?.remove();
	if (state.filters.recipient !== '') {
		const chip = el(doc, 'button', 'envoy-chip');
		chip.type = 'button';
		chip.setAttribute(KEY_ATTR, 'chip:recipient');
		chip.setAttribute('aria-label', `Remove filter: only ${state.filters.recipient}`);
		chip.appendChild(el(doc, 'span', undefined, `Only ${state.filters.recipient}`));
		chip.appendChild(el(doc, 'span', 'envoy-chip-x', '×')).setAttribute('aria-hidden', 'true');
		chip.addEventListener('click', () => rerenderAll({ ...state, filters: { ...state.filters, recipient: '' } }));
		summary.appendChild(chip);
	}
}

function renderMatrix(
	doc: Dom,
	model: MessagesModel,
	state: ViewState,
	rerenderAll: (s: ViewState) => void,
	rerenderResults: (s: ViewState) => void,
): HTMLElement | null {
	const matrix = senderRecipientMatrix(matrixModel(model, state));
	if (matrix.senders.length === 0) return null;
	const box = el(doc, 'section', 'envoy-matrix');
	const bodyId = nextId('matrix');
	const toggle = el(doc, 'button', 'envoy-disclosure envoy-matrix-toggle');
	toggle.type = 'button';
	toggle.setAttribute('aria-expanded', String(state.matrixOpen));
	toggle.setAttribute(KEY_ATTR, 'matrix:toggle');
	toggle.appendChild(el(doc, 'span', 'envoy-chevron')).setAttribute('aria-hidden', 'true');
	toggle.appendChild(el(doc, 'span', undefined, 'Senders and capitals'));
	toggle.addEventListener('click', () => rerenderResults({ ...state, matrixOpen: !state.matrixOpen }));
	box.appendChild(toggle);
	if (!state.matrixOpen) return box;
	toggle.setAttribute('aria-controls', bodyId);

	const scroll = el(doc, 'div', 'envoy-matrix-scroll');
	scroll.id = bodyId;
	const table = el(doc, 'table', 'envoy-matrix-table');
	table.appendChild(el(doc, 'caption', 'envoy-sr-only', 'Messages per sender and capital; choose a count to show only those messages'));
	const headRow = table.appendChild(el(doc, 'thead')).appendChild(el(doc, 'tr'));
	headRow.appendChild(el(doc, 'th', 'envoy-matrix-corner', 'Sender')).setAttribute('scope', 'col');
	for (const r of matrix.recipients) headRow.appendChild(el(doc, 'th', undefined, r)).setAttribute('scope', 'col');
	const body = table.appendChild(el(doc, 'tbody'));
	matrix.senders.forEach((s, i) => {
		const tr = body.appendChild(el(doc, 'tr'));
		tr.appendChild(el(doc, 'th', undefined, senderLabel(s))).setAttribute('scope', 'row');
		matrix.recipients.forEach((r, j) => {
			const n = matrix.counts[i][j];
			const td = tr.appendChild(el(doc, 'td'));
			if (n === 0) {
				td.appendChild(el(doc, 'span', 'envoy-matrix-zero', '0'));
				return;
			}
			const active = state.filters.sender === s && state.filters.recipient === r;
			const cell = el(doc, 'button', 'envoy-matrix-cell', String(n));
			cell.type = 'button';
			cell.setAttribute('aria-pressed', String(active));
			cell.setAttribute('aria-label', `${plural(n, 'message', 'messages')} from ${senderLabel(s)} to ${r}`);
			cell.setAttribute(KEY_ATTR, `matrix:${s}\u0001${r}`);
			cell.dataset.sender = s;
			cell.dataset.recipient = r;
			// A second click on the active cell lifts the filter again.
			cell.addEventListener('click', () =>
				rerenderAll({ ...state, filters: { ...state.filters, sender: active ? '' : s, recipient: active ? '' : r } }),
			);
			td.appendChild(cell);
		});
	});
	scroll.appendChild(table);
	box.appendChild(scroll);
	return box;
}

function renderSection(
	doc: Dom,
	section: VisibleSection,
	state: ViewState,
	handlers: MessagesHandlers,
	messageOf: WeakMap<Element, CapitalMessage>,
	rerenderResults: (s: ViewState) => void,
	container: HTMLElement,
	/** Set when the capital is past the card budget: its cards wait behind a button (or until scrolled to). */
	deferred: ((focus: boolean) => void) | null,
): HTMLElement {
	const collapsed = state.collapsed.includes(section.note);
	const box = el(doc, 'section', 'envoy-capital');
	box.dataset.capital = section.capital;
	box.dataset.note = section.note;
	const heading = box.appendChild(el(doc, 'h3', 'envoy-capital-heading'));
	const toggle = heading.appendChild(el(doc, 'button', 'envoy-disclosure envoy-capital-toggle'));
	toggle.type = 'button';
	toggle.setAttribute('aria-expanded', String(!collapsed));
	toggle.setAttribute(KEY_ATTR, `toggle:${section.note}`);
	toggle.appendChild(el(doc, 'span', 'envoy-chevron')).setAttribute('aria-hidden', 'true');
	toggle.appendChild(el(doc, 'span', 'envoy-capital-name', section.capital));
	if (section.country) toggle.appendChild(el(doc, 'span', 'envoy-capital-country', section.country));
	const count = toggle.appendChild(el(doc, 'span', 'envoy-count'));
	count.appendChild(
		el(doc, 'span', undefined, section.messages.length === section.total ? String(section.total) : `${section.messages.length} of ${section.total}`),
	);
	count.appendChild(el(doc, 'span', 'envoy-sr-only', section.total === 1 ? ' message' : ' messages'));
	toggle.addEventListener('click', () =>
		rerenderResults({
			...state,
			collapsed: collapsed ? state.collapsed.filter((n) => n !== section.note) : [...state.collapsed, section.note],
		}),
	);
	if (collapsed) return box;

	const bodyId = nextId('capital');
	toggle.setAttribute('aria-controls', bodyId);
	const body = box.appendChild(el(doc, 'div', 'envoy-capital-body'));
	body.id = bodyId;
	if (deferred) {
		const shownLater = visibleCount(state, section.note, section.messages.length);
		const show = body.appendChild(el(doc, 'button', 'envoy-button envoy-show-deferred'));
		show.type = 'button';
		show.setAttribute(KEY_ATTR, `deferred:${section.note}`);
		show.textContent = shownLater === section.messages.length ? `Show ${plural(shownLater, 'message', 'messages')}` : `Show ${shownLater.toLocaleString()} of ${plural(section.messages.length, 'message', 'messages')}`;
		show.addEventListener('click', () => deferred(true));
		return box;
	}
	const list = body.appendChild(el(doc, 'ol', 'envoy-cards'));
	const shown = visibleCount(state, section.note, section.messages.length);
	for (let i = 0; i < shown; i++) list.appendChild(renderCard(doc, section, section.messages[i], i, handlers, messageOf));

	const rest = section.messages.length - shown;
	if (rest > 0) {
		const more = body.appendChild(el(doc, 'button', 'envoy-button envoy-show-more'));
		more.type = 'button';
		more.setAttribute(KEY_ATTR, `more:${section.note}`);
		more.textContent = `Show ${Math.min(rest, state.pageSize).toLocaleString()} more (${rest.toLocaleString()} not shown)`;
		more.addEventListener('click', () => {
			const pages = Math.max(1, state.pages[section.note] ?? 1) + 1;
			rerenderResults({ ...state, pages: { ...state.pages, [section.note]: pages } });
			// When the last page is out the button is gone: continue with the first card it revealed.
			if (!findByKey(container, `more:${section.note}`)) findByKey(container, `card:${section.note}#${shown}`)?.focus();
		});
	}
	return box;
}

function renderCard(
	doc: Dom,
	section: VisibleSection,
	m: CapitalMessage,
	index: number,
	handlers: MessagesHandlers,
	messageOf: WeakMap<Element, CapitalMessage>,
): HTMLElement {
	const item = el(doc, 'li', 'envoy-card');
	item.dataset.origin = m.origin;
	const open = item.appendChild(el(doc, 'div', 'envoy-card-open'));
	// A div with button semantics rather than a <button>: the passage is long, selectable text.
	open.setAttribute('role', 'button');
	open.tabIndex = 0;
	open.setAttribute(KEY_ATTR, `card:${section.note}#${index}`);
	messageOf.set(open, m);

	const route = open.appendChild(el(doc, 'div', 'envoy-card-route'));
	route.appendChild(el(doc, 'span', m.sender === null ? 'envoy-sender envoy-sender-unknown' : 'envoy-sender', senderLabel(m.sender)));
	route.appendChild(el(doc, 'span', 'envoy-arrow', '→')).setAttribute('aria-hidden', 'true');
	route.appendChild(el(doc, 'span', 'envoy-sr-only', ' to '));
	route.appendChild(el(doc, 'span', 'envoy-recipient', m.recipient));
	const flags = flagsOf(m);
	const badge = flags.dismissed
		? 'Dismissed'
		: flags.mention || m.cue.trim() === ''
			? 'Mention only'
			: (ORIGIN_LABELS[m.origin] ?? (flags.continued ? 'Continues a message' : null));
	if (badge) route.appendChild(el(doc, 'span', 'envoy-badge', badge));
	if (isAside(m)) item.classList.add('envoy-card-aside');

	const passage = open.appendChild(el(doc, 'p', 'envoy-passage'));
	for (const piece of splitHighlights(m.text, m.highlights)) {
		if (piece.kind === null) passage.appendChild(doc.createTextNode(piece.text));
		else passage.appendChild(el(doc, 'mark', `envoy-mark envoy-mark-${piece.kind}`, piece.text));
	}

	const source = open.appendChild(el(doc, 'div', 'envoy-source'));
	source.appendChild(el(doc, 'span', 'envoy-source-title', m.title));
	if (m.outlet) source.appendChild(el(doc, 'span', 'envoy-source-outlet', m.outlet));
	if (m.published) {
		const time = source.appendChild(el(doc, 'time', 'envoy-source-date', m.published));
		time.dateTime = m.published;
	}
	const copies = flags.alsoIn?.length ?? 0;
	if (copies > 0) source.appendChild(el(doc, 'span', 'envoy-source-copies', copies === 1 ? 'Also in 1 other note' : `Also in ${copies} other notes`));

	// The detector's guesses ask for a verdict: a mention can be promoted, a message confirmed or dismissed.
	// What the reader already decided (confirmed, marked, dismissed) can only be taken back.
	const choices: (readonly [MarkAction, string, string])[] =
		flags.dismissed || m.origin !== 'detected'
			? [['clear', 'Undo', flags.dismissed ? 'Undo dismissal' : m.origin === 'marked' ? 'Remove your mark' : 'Undo confirmation']]
			: isAside(m)
				? [['confirm', 'Mark as message', 'Mark as message']]
				: [
						['confirm', 'Confirm', 'Confirm'],
						['dismiss', 'Dismiss', 'Dismiss'],
					];
	if (handlers.onMark && choices.length > 0) {
		const actions = item.appendChild(el(doc, 'div', 'envoy-card-actions'));
		for (const [action, label, spoken] of choices) {
			const b = actions.appendChild(el(doc, 'button', `envoy-button envoy-action-${action}`, label));
			b.type = 'button';
			b.setAttribute('aria-label', `${spoken}: ${senderLabel(m.sender)} to ${m.recipient}`);
			b.addEventListener('click', () => handlers.onMark?.(m, action));
		}
	}
	return item;
}
