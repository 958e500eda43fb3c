import { describe, expect, it } from 'vitest';
import {
	UNKNOWN_SENDER,
	applyFilters,
	defaultViewState,
	filterOptions,
	isAside,
	matrixModel,
	parseViewState,
	senderRecipientMatrix,
	splitHighlights,
	visibleCount,
	type ViewState,
} from '../../src/ui/messages/state';
import { bigModel, message, sampleModel, section } from '../browser/fixtures';

function withFilters(patch: Partial<ViewState['filters']>, rest: Partial<ViewState> = {}): ViewState {
	const s = defaultViewState();
	return { ...s, ...rest, filters: { ...s.filters, ...patch } };
}

const names = (state: ViewState) => applyFilters(sampleModel(), state).map((s) => `${s.capital}:${s.messages.length}/${s.total}`);

describe('applyFilters', () => {
	it('keeps only passages with a cue and capitals that have some by default', () => {
		expect(names(defaultViewState())).toEqual(['Seoul:3/3', 'Beijing:2/2', 'Moscow:1/1']);
	});

	it('shows mere mentions, dismissed passages and empty capitals with show all mentions', () => {
		expect(names({ ...defaultViewState(), showAllMentions: true })).toEqual(['Seoul:3/3', 'Beijing:3/3', 'Moscow:2/2', 'Pyongyang:0/0']);
	});

	it('treats flagged mentions and dismissals as asides whatever their cue', () => {
		const base = message({ text: 'Oslo told Stockholm things.', cue: 'told', recipient: 'Stockholm' });
		expect(isAside(base)).toBe(false);
		expect(isAside({ ...base, dismissed: true } as typeof base)).toBe(true);
		expect(isAside({ ...base, mention: true } as typeof base)).toBe(true);
		expect(isAside({ ...base, cue: '' })).toBe(true);
	});

	it('matches every word of the text filter, case-insensitively, across passage, title and sender', () => {
		expect(names(withFilters({ text: 'WASHINGTON trade' }))).toEqual(['Seoul:1/3']);
		expect(names(withFilters({ text: 'pipeline' }))).toEqual(['Beijing:1/2']);
		expect(names(withFilters({ text: 'harbour' }))).toEqual(['Seoul:1/3', 'Beijing:1/2']);
		expect(names(withFilters({ text: 'nothing-like-this' }))).toEqual([]);
	});

	it('filters by sender, including the unknown sender', () => {
		expect(names(withFilters({ sender: 'Washington' }))).toEqual(['Seoul:1/3', 'Beijing:1/2']);
		expect(names(withFilters({ sender: UNKNOWN_SENDER }))).toEqual(['Seoul:1/3']);
	});

	it('filters by outlet and by capital', () => {
		expect(names(withFilters({ outlet: 'Northern Ledger' }))).toEqual(['Seoul:1/3', 'Beijing:1/2']);
		expect(names(withFilters({ recipient: 'Moscow' }))).toEqual(['Moscow:1/1']);
	});

	it('applies an inclusive date range and drops undated messages once a bound is set', () => {
		expect(names(withFilters({ dateFrom: '2024-01-05' }))).toEqual(['Seoul:1/3', 'Beijing:2/2']);
		expect(names(withFilters({ dateTo: '2023-11-15' }))).toEqual(['Seoul:1/3', 'Moscow:1/1']);
		expect(names(withFilters({ dateFrom: '2024-01-01', dateTo: '2024-02-20' }))).toEqual(['Beijing:2/2']);
	});

	it('sorts by date either way, by outlet and by sender, unknowns last', () => {
		const seoul = (sort: ViewState['sort']) =>
			applyFilters(sampleModel(), { ...defaultViewState(), sort })[0].messages.map((m) => m.published ?? '-');
		expect(seoul('newest')).toEqual(['2024-03-02', '2023-11-15', '-']);
		expect(seoul('oldest')).toEqual(['2023-11-15', '2024-03-02', '-']);
		const by = (sort: ViewState['sort'], key: 'outlet' | 'sender') =>
			applyFilters(sampleModel(), { ...defaultViewState(), sort })[0].messages.map((m) => m[key]);
		expect(by('outlet', 'outlet')).toEqual(['Northern Ledger', 'The Harbour Review', null]);
		expect(by('sender', 'sender')).toEqual(['Tokyo', 'Washington', null]);
	});

	it('does not mutate the model', () => {
		const model = sampleModel();
		const before = JSON.stringify(model);
		applyFilters(model, { ...defaultViewState(), sort: 'oldest' });
		expect(JSON.stringify(model)).toBe(before);
	});
});

describe('senderRecipientMatrix', () => {
	it('counts messages per sender and capital, busiest first', () => {
		// Counts whatever the model holds, the plain mention in Beijing included: the view passes it matrixModel().
		const m = senderRecipientMatrix(sampleModel());
		expect(m.total).toBe(8);
		expect(m.senders[0]).toBe('Washington');
		expect(m.recipients).toEqual(['Beijing', 'Seoul', 'Moscow']);
		const cell = (s: string, r: string) => m.counts[m.senders.indexOf(s)][m.recipients.indexOf(r)];
		expect(cell('Washington', 'Seoul')).toBe(1);
		expect(cell('Washington', 'Beijing')).toBe(1);
		expect(cell(UNKNOWN_SENDER, 'Beijing')).toBe(1);
		expect(cell(UNKNOWN_SENDER, 'Seoul')).toBe(1);
		expect(cell('Kyiv', 'Moscow')).toBe(1);
		expect(cell('Kyiv', 'Seoul')).toBe(0);
	});

	it('limits rows and columns but keeps the total', () => {
		const m = senderRecipientMatrix(sampleModel(), 2);
		expect(m.senders).toHaveLength(2);
		expect(m.recipients).toHaveLength(2);
		expect(m.total).toBe(8);
	});

	it('is computed on the filtered model without the sender filter, so other cells stay reachable', () => {
		const m = senderRecipientMatrix(matrixModel(sampleModel(), withFilters({ sender: 'Kyiv', outlet: 'The Harbour Review' })));
		expect(m.senders).toEqual(['Washington']);
		expect(m.total).toBe(2);
	});
});

describe('parseViewState', () => {
	it('falls back to defaults for anything malformed', () => {
		expect(parseViewState(undefined)).toEqual(defaultViewState());
		expect(parseViewState('nonsense')).toEqual(defaultViewState());
		const parsed = parseViewState({
			filters: { text: 5, sender: 'Tokyo', dateFrom: 'yesterday', dateTo: '2024-01-01' },
			sort: 'random',
			collapsed: ['Capitals/Seoul.md', 3],
			showAllMentions: 'yes',
			pageSize: 1e9,
			pages: { 'Capitals/Seoul.md': 3, bad: -1, worse: 'x' },
		});
		expect(parsed.filters).toEqual({ text: '', sender: 'Tokyo', outlet: '', recipient: '', dateFrom: '', dateTo: '2024-01-01' });
		expect(parsed.sort).toBe('newest');
		expect(parsed.collapsed).toEqual(['Capitals/Seoul.md']);
		expect(parsed.showAllMentions).toBe(false);
		expect(parsed.pageSize).toBe(500);
		expect(parsed.pages).toEqual({ 'Capitals/Seoul.md': 3 });
	});

	it('round-trips a state through JSON, as the workspace file does', () => {
		const state: ViewState = {
			...withFilters({ text: 'grain', outlet: 'Example Wire', dateFrom: '2023-01-01' }),
			sort: 'sender',
			collapsed: ['Capitals/Beijing.md'],
			showAllMentions: true,
			pageSize: 20,
			pages: { 'Capitals/Seoul.md': 2 },
			matrixOpen: true,
		};
		expect(parseViewState(JSON.parse(JSON.stringify(state)))).toEqual(state);
	});
});

describe('splitHighlights', () => {
	it('cuts the text into plain and marked pieces that join back to the text', () => {
		const m = sampleModel().capitals[0].messages[0];
		const pieces = splitHighlights(m.text, m.highlights);
		expect(pieces.map((p) => p.text).join('')).toBe(m.text);
		expect(pieces.filter((p) => p.kind !== null).map((p) => `${p.kind}:${p.text}`)).toEqual([
			'sender:Washington',
			'cue:message to',
			'recipient:Seoul',
		]);
	});

	it('survives overlapping, unordered and out-of-range ranges', () => {
		const text = 'abcdefghij';
		const pieces = splitHighlights(text, [
			{ start: 6, end: 99, kind: 'recipient' },
			{ start: 1, end: 4, kind: 'cue' },
			{ start: 2, end: 5, kind: 'sender' },
			{ start: -5, end: 0, kind: 'sender' },
			{ start: 8, end: 8, kind: 'cue' },
		]);
		expect(pieces.map((p) => p.text).join('')).toBe(text);
		expect(pieces).toEqual([
			{ text: 'a', kind: null },
			{ text: 'bcd', kind: 'cue' },
			{ text: 'ef', kind: null },
			{ text: 'ghij', kind: 'recipient' },
		]);
	});

	it('handles surrogate pairs by UTF-16 offsets', () => {
		const text = '😀 to Seoul';
		const m = message({ text, cue: 'to', recipient: 'Seoul' });
		expect(splitHighlights(text, m.highlights).find((p) => p.kind === 'recipient')?.text).toBe('Seoul');
	});
});

describe('paging and options', () => {
	it('shows one page per capital unless more were asked for', () => {
		const state = defaultViewState();
		expect(visibleCount(state, 'Capitals/Seoul.md', 1000)).toBe(50);
		expect(visibleCount({ ...state, pages: { 'Capitals/Seoul.md': 3 } }, 'Capitals/Seoul.md', 1000)).toBe(150);
		expect(visibleCount(state, 'Capitals/Seoul.md', 7)).toBe(7);
	});

	it('lists senders and outlets for the menus', () => {
		const o = filterOptions(sampleModel());
		expect(o.senders).toEqual(['Kyiv', 'Minsk', 'Moscow', 'Tokyo', 'Washington']);
		expect(o.outlets).toEqual(['Example Wire', 'Northern Ledger', 'The Harbour Review']);
		expect(o.hasUnknownSender).toBe(true);
		// Without asides, the dismissed passage's sender is not offered.
		expect(filterOptions(sampleModel(), false).senders).toEqual(['Kyiv', 'Moscow', 'Tokyo', 'Washington']);
		expect(filterOptions({ capitals: [section('Oslo', 'Norway', [])] }).senders).toEqual([]);
	});

	it('filters a thousand messages quickly', () => {
		const model = bigModel(1000);
		const t0 = performance.now();
		const out = applyFilters(model, withFilters({ text: 'seoul item', sender: 'Tokyo' }, { sort: 'outlet' }));
		const ms = performance.now() - t0;
		expect(out[0].messages).toHaveLength(200);
		expect(ms).toBeLessThan(500);
	});
});
