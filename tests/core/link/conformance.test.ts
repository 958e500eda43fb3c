// Regression table of the ways auto-linkers break notes, plus Envoy's own edge cases.
import { describe, expect, it } from 'vitest';
import { LinkIndex, affectedBy, linkNote, mayContainAny, unlinkNote, type LinkOptions, type LinkTarget } from '../../../src/core/link/index';

const TARGETS: LinkTarget[] = [
	{ note: 'Moscow', names: ['Moscow'] },
	{ note: 'Korea', names: ['Korea'] },
	{ note: 'United States', names: ['United States', 'US', 'U.S.'] },
	{ note: 'Kim Jong Un', names: ['Kim Jong Un', 'Un'] },
	{ note: 'Vladimir Putin', names: ['Vladimir Putin', 'Putin'] },
	{ note: 'Beijing', names: ['Beijing'] },
	{ note: 'Pyongyang', names: ['Pyongyang'] },
	{ note: 'sanctions', names: ['sanctions'] },
	{ note: 'European Union', names: ['European Union', 'EU'] },
	{ note: 'Theresa May', names: ['Theresa May', 'May'] },
	{ note: 'Georgia (country)', names: ['Georgia'] },
	{ note: 'Georgia (US state)', names: ['Georgia'] },
	{ note: 'São Paulo', names: ['São Paulo'] },
	{ note: 'Six-Party Talks', names: ['Six-Party Talks'] },
];
const index = new LinkIndex(TARGETS);
const every: Partial<LinkOptions> = { scope: 'every' };

// [what, input, expected, options]
const CASES: Array<[string, string, string, Partial<LinkOptions>?]> = [
	['"us" is not "US"; acronyms are case-sensitive', 'Let us ask the US envoy.', 'Let us ask the [[United States|US]] envoy.'],
	['dotted acronym keeps its dot', 'The U.S. said so.', 'The [[United States|U.S.]] said so.'],
	['no match inside a longer word', 'Koreans and Korea.', 'Koreans and [[Korea]].'],
	['Unicode word boundaries', 'São Paulo and São Paulozinho.', '[[São Paulo]] and São Paulozinho.', every],
	['URL with scheme', 'See https://moscow.ru/Moscow now.', 'See https://moscow.ru/Moscow now.'],
	['URL without scheme', 'See www.moscow.com/Putin and moscow.org/Korea here.', 'See www.moscow.com/Putin and moscow.org/Korea here.'],
	['autolink', 'See <https://x.org/Moscow> here.', 'See <https://x.org/Moscow> here.'],
	['e-mail address', 'Write to putin@Moscow.ru today.', 'Write to putin@Moscow.ru today.'],
	['tag', 'Filed under #Moscow and #Korea/Seoul.', 'Filed under #Moscow and #Korea/Seoul.'],
	['block id', 'A paragraph. ^Moscow', 'A paragraph. ^Moscow'],
	['name inside a wikilink alias, and the link counts as the mention', 'In [[Moscow|x]] and Moscow.', 'In [[Moscow|x]] and Moscow.'],
	['wikilink target and embed', '[[Moscow]] ![[Korea.png]] ![[Putin]]', '[[Moscow]] ![[Korea.png]] ![[Putin]]'],
	['Markdown link text and target', '[Putin spoke](https://x.org/Moscow) today.', '[Putin spoke](https://x.org/Moscow) today.'],
	['image alt', '![Moscow skyline](moscow.png)', '![Moscow skyline](moscow.png)'],
	['inline code', 'Run `Moscow` then Korea.', 'Run `Moscow` then [[Korea]].'],
	['double-backtick code', 'Run ``Moscow ` Korea`` now.', 'Run ``Moscow ` Korea`` now.'],
	['fenced code', '```\nMoscow\n```\n\nMoscow', '```\nMoscow\n```\n\n[[Moscow]]'],
	['tilde fence', '~~~\nMoscow\n~~~', '~~~\nMoscow\n~~~'],
	['indented code', 'Text.\n\n    Moscow code\n\nMoscow', 'Text.\n\n    Moscow code\n\n[[Moscow]]'],
	['inline math', 'Let $Moscow + Korea$ be.', 'Let $Moscow + Korea$ be.'],
	['display math over lines', '$$\nMoscow\n$$\n\nKorea', '$$\nMoscow\n$$\n\n[[Korea]]'],
	['comment', 'Hidden %%Moscow%% and %%\nKorea\n%% Beijing.', 'Hidden %%Moscow%% and %%\nKorea\n%% [[Beijing]].'],
	['inline HTML element', 'A <span class="x">Moscow</span> b <br> Korea.', 'A <span class="x">Moscow</span> b <br> [[Korea]].'],
	['HTML block', '<div>\nMoscow\n</div>\n\nKorea', '<div>\nMoscow\n</div>\n\n[[Korea]]'],
	['HTML comment', '<!-- Moscow -->\n\nText <!-- Korea --> here.', '<!-- Moscow -->\n\nText <!-- Korea --> here.'],
	['frontmatter', '---\ntitle: Moscow\n---\nMoscow', '---\ntitle: Moscow\n---\n[[Moscow]]'],
	['frontmatter after a byte-order mark', '\ufeff---\ntitle: Moscow\n\nsummary: Moscow\n---\nMoscow', '\ufeff---\ntitle: Moscow\n\nsummary: Moscow\n---\n[[Moscow]]'],
	['callout type and metadata', '> [!note|Moscow talks]- Moscow\n> Putin spoke.', '> [!note|Moscow talks]- [[Moscow]]\n> [[Vladimir Putin|Putin]] spoke.'],
	['Templater commands, inline and over lines', 'A <% tp.file.title %> Moscow <%* Moscow\n\nKorea %> Beijing', 'A <% tp.file.title %> [[Moscow]] <%* Moscow\n\nKorea %> [[Beijing]]'],
	['footnote reference and definition label', 'Said[^Moscow].\n\n[^Moscow]: Korea said.', 'Said[^Moscow].\n\n[^Moscow]: [[Korea]] said.'],
	['reference link and its definition', 'See [Moscow][m].\n\n[m]: https://moscow.ru', 'See [Moscow][m].\n\n[m]: https://moscow.ru'],
	['escaped characters', 'A \\*Moscow\\* b.', 'A \\*[[Moscow]]\\* b.'],
	['heading off by default', '# Moscow talks\n\nMoscow', '# Moscow talks\n\n[[Moscow]]'],
	['heading on request', '# Moscow talks', '# [[Moscow]] talks', { linkHeadings: true }],
	['setext heading off by default', 'Moscow talks\n===', 'Moscow talks\n==='],
	['table cell alias is escaped', '| who | where |\n|---|---|\n| Putin | Moscow |', '| who | where |\n|---|---|\n| [[Vladimir Putin\\|Putin]] | [[Moscow]] |'],
	['a delimiter row left of a list item ends the list, and the indented line after it is code', '- Putin\n  - | Putin\n---\n\n    Moscow\n', '- [[Vladimir Putin|Putin]]\n  - | Putin\n---\n\n    Moscow\n'],
	['an empty quote left of a list item ends the list, and the indented line after it is code', '- Putin\n  - Putin\n\n>\n\n\tMoscow\n', '- [[Vladimir Putin|Putin]]\n  - [[Vladimir Putin|Putin]]\n\n>\n\n\tMoscow\n'],
	['a rule inside a protected HTML guess ends the list, and the indented line after it is code', '1. <b>x</b> `Putin` Putin\nPutin\n---\n\n\tMoscow\n', '1. <b>x</b> `Putin` Putin\nPutin\n---\n\n\tMoscow\n'],
	['a dash line under a table makes it a heading to remark (headings are not linked), and the indented line after it code', '| Putin | x |\n|---|---|\n -\n    Moscow\n', '| Putin | x |\n|---|---|\n -\n    Moscow\n'],
	['an indented quote after a guessed HTML line stays out of reach: remark may read it as a quote in the item', '- <br> x\n\t- y\n`z`\n     > Moscow\n', '- <br> x\n\t- y\n`z`\n     > Moscow\n'],
	['an indented line under a table is left alone: a row to GFM, code to remark', '| Putin |\n|---|\n    Moscow\n', '| [[Vladimir Putin\\|Putin]] |\n|---|\n    Moscow\n'],
	['a bare dash line under a pipe row is a heading underline, not a table', '| Putin\n---\n[ref]: https://moscow.ru "Moscow"\n', '| Putin\n---\n[ref]: https://moscow.ru "Moscow"\n'],
	['rows after paragraph text with a backtick are not a table: a code span may run on into them', 'Putin ` x\n| Moscow | y |\n|---|---|\n| z ` | Moscow |\n', '[[Vladimir Putin|Putin]] ` x\n| Moscow | y |\n|---|---|\n| z ` | [[Moscow]] |\n'],
	['pipe rows right under a definition are left alone: to remark a code span may run through them', '[ref]: https://moscow.ru "x"\n[^1]: ` y\n| Moscow | x |\n|---|---|\n| y ` | z |\n', '[ref]: https://moscow.ru "x"\n[^1]: ` y\n| Moscow | x |\n|---|---|\n| y ` | z |\n'],
	['a quote after a lazy definition line ends the list, and the indented line after it is code', '- Putin\n[ref]: https://moscow.ru "x"\n> y\n\n\tMoscow\n', '- [[Vladimir Putin|Putin]]\n[ref]: https://moscow.ru "x"\n> y\n\n\tMoscow\n'],
	['a table inside a list item', '- | who |\n  |---|\n  | Moscow |\n', '- | who |\n  |---|\n  | [[Moscow]] |\n'],
	['name split by a line break', 'Talks with Kim\nJong Un ended.', 'Talks with [[Kim Jong Un]] ended.'],
	['name split by a line break inside a list item', '- Talks with Kim\n  Jong Un ended.', '- Talks with [[Kim Jong Un]] ended.'],
	['no match across a blank line', 'Kim\n\nJong Un.\n\n> Kim\n>\n> Jong Un', 'Kim\n\nJong Un.\n\n> Kim\n>\n> Jong Un'],
	['name split by a line break inside a quote or callout', '> [!note] Talks\n> with Kim\n> Jong Un ended.', '> [!note] Talks\n> with [[Kim Jong Un]] ended.'],
	['name split by a line break inside a nested quote', '> > Talks with Kim\n> > Jong Un ended.', '> > Talks with [[Kim Jong Un]] ended.'],
	['name split by a line break inside a list in a quote', '> - Talks with Kim\n>   Jong Un ended.', '> - Talks with [[Kim Jong Un]] ended.'],
	['a quote marker that opens a deeper quote ends the paragraph', '> Kim\n> > Jong Un', '> Kim\n> > Jong Un'],
	['a literal ">" on a continuation line is not a quote marker', 'Talks with Kim\n    > Jong Un.', 'Talks with Kim\n    > Jong Un.'],
	['hyphenated name split after its hyphen', 'The Six-\nParty Talks and the Six-\n> Party Talks.', 'The [[Six-Party Talks]] and the Six-\n> Party Talks.'],
	['hyphenated name split after its hyphen inside a quote', '> The Six-\n> Party Talks resumed.', '> The [[Six-Party Talks]] resumed.'],
	['a hyphen then a space is not a line-broken compound', 'The Six- Party Talks.', 'The Six- Party Talks.'],
	['name split by several spaces', 'Talks with Kim  Jong   Un ended.', 'Talks with [[Kim Jong Un|Kim  Jong   Un]] ended.'],
	['possessive', "Putin's plan and Putin’s aide.", "[[Vladimir Putin|Putin]]'s plan and [[Vladimir Putin|Putin]]’s aide.", every],
	['hyphenated compound links each part', 'The Moscow-Beijing-Pyongyang axis.', 'The [[Moscow]]-[[Beijing]]-[[Pyongyang]] axis.'],
	['leftmost-longest', 'Vladimir Putin met Putin.', '[[Vladimir Putin]] met Putin.'],
	['concept, sentence-initial capital', 'Sanctions were imposed. New sanctions followed.', '[[sanctions|Sanctions]] were imposed. New sanctions followed.'],
	['concept, capital mid-sentence is not the concept', 'The Sanctions Committee met.', 'The Sanctions Committee met.'],
	['proper names are case-sensitive', 'moscow and MOSCOW.', 'moscow and MOSCOW.'],
	['all-caps headline is left alone (a case choice)', 'MOSCOW — Putin said.', 'MOSCOW — [[Vladimir Putin|Putin]] said.'],
	['self-link', 'Moscow is big. Korea too.', 'Moscow is big. [[Korea]] too.', { selfNote: 'Moscow' }],
	['short alias refused ("Un")', 'The Un said.', 'The Un said.'],
	['stop-word alias refused ("May")', 'It May rain. Theresa May spoke.', 'It May rain. [[Theresa May]] spoke.'],
	['two-letter acronym accepted', 'The EU met.', 'The [[European Union|EU]] met.'],
	['ambiguous surface is left alone', 'Georgia voted.', 'Georgia voted.'],
	['embed guard: no link right after "!"', 'Wow!Moscow', 'Wow!Moscow'],
	['intraword emphasis is not broken', 'x*Moscow*y and *Korea*.', 'x*Moscow*y and *[[Korea]]*.'],
	['scope paragraph: first mention per paragraph', 'Moscow, Moscow.\n\nMoscow.', '[[Moscow]], Moscow.\n\n[[Moscow]].'],
	['scope note: first mention per note', 'Moscow, Moscow.\n\nMoscow.', '[[Moscow]], Moscow.\n\nMoscow.', { scope: 'note' }],
	['scope note: an existing link anywhere counts', 'Moscow.\n\nSee [[Moscow]].', 'Moscow.\n\nSee [[Moscow]].', { scope: 'note' }],
	['scope every', 'Moscow, Moscow.', '[[Moscow]], [[Moscow]].', every],
	['existing Markdown link to the note counts', 'See [the city](Moscow.md) and Moscow.', 'See [the city](Moscow.md) and Moscow.'],
	['markdown format', 'Kim Jong Un and Moscow.', '[Kim Jong Un](Kim%20Jong%20Un.md) and [Moscow](Moscow.md).', { format: 'markdown' }],
	['a quote marker inside a fence is content, not the fence\'s end', '```\n> ```\nMoscow\n```', '```\n> ```\nMoscow\n```'],
	['a quote marker inside an HTML block does not end it', '<div>\n>\nMoscow\n</div>', '<div>\n>\nMoscow\n</div>'],
	['a fence inside a quote inside a list item', '1. a\n   > Party\n    ```\n    Moscow\n    ```', '1. a\n   > Party\n    ```\n    Moscow\n    ```'],
	['a fence opened under an inline-HTML line runs past the blank line', '<br> Moscow\n```js\n\nMoscow\n```', '<br> Moscow\n```js\n\nMoscow\n```'],
	['after a guessed HTML block, both readings of what follows are protected', '<div>\n`x`\n</div>\n~~~~\n\n> Korea\n```\n~~~~\n\nMoscow', '<div>\n`x`\n</div>\n~~~~\n\n> Korea\n```\n~~~~\n\nMoscow'],
	['a quote opening inside a list item', '- > Moscow', '- > [[Moscow]]'],
	['list items and quotes are prose', '- Moscow\n> Korea', '- [[Moscow]]\n> [[Korea]]'],
	['CRLF line endings', 'Moscow\r\n\r\nKorea\r\n', '[[Moscow]]\r\n\r\n[[Korea]]\r\n'],
];

describe('conformance table', () => {
	for (const [what, input, expected, opts] of CASES) {
		it(what, () => {
			const once = linkNote(input, index, opts ?? {});
			expect(once.text).toBe(expected);
			expect(linkNote(once.text, index, opts ?? {}).added).toBe(0);
			expect(unlinkNote(once.text, once.records).text).toBe(input);
		});
	}
});

describe('unlink', () => {
	it('removes only Envoy links, after the user edited other parts, and reports what it could not find', () => {
		const md = 'Putin met Kim Jong Un.\n\nLater, Moscow replied.\n';
		const { text, records } = linkNote(md, index, {});
		const edited = 'New intro about [[Moscow]].\n\n' + text.replace('Later,', 'Much later,').replace('[[Kim Jong Un]]', 'Kim');
		const back = unlinkNote(edited, JSON.parse(JSON.stringify(records)));
		expect(back.text).toBe('New intro about [[Moscow]].\n\nPutin met Kim.\n\nMuch later, Moscow replied.\n');
		expect(back.removed).toBe(2);
		expect(back.remaining.map((r) => r.note)).toEqual(['Kim Jong Un']);
	});

	it('restores a name that was split by a line break', () => {
		const md = 'Kim\nJong Un spoke.';
		const once = linkNote(md, index, {});
		expect(unlinkNote(once.text, once.records).text).toBe(md);
	});

	it('records are small and serialisable', () => {
		const { records } = linkNote('Putin met Kim Jong Un in Moscow.', index, {});
		expect(records).toHaveLength(3);
		for (const r of records) expect(JSON.stringify(r).length).toBeLessThan(160);
	});
});

describe('incremental index', () => {
	it('set and remove change matching without a rebuild', () => {
		const ix = new LinkIndex([{ note: 'Moscow', names: ['Moscow'] }]);
		expect(linkNote('Moscow and Seoul.', ix, {}).text).toBe('[[Moscow]] and Seoul.');
		ix.set({ note: 'Seoul', names: ['Seoul'] });
		expect(linkNote('Moscow and Seoul.', ix, {}).text).toBe('[[Moscow]] and [[Seoul]].');
		ix.set({ note: 'Moscow', names: ['Moskva'] });
		expect(linkNote('Moscow and Moskva.', ix, {}).text).toBe('Moscow and [[Moscow|Moskva]].');
		ix.remove('Seoul');
		expect(linkNote('Seoul.', ix, {}).added).toBe(0);
		expect(ix.size).toBe(1);
	});

	it('names whose words share a hash stay apart through set and remove', () => {
		// "Aa" and "BB" have the same 31-multiplier hash, so these words land in one bucket.
		const ix = new LinkIndex([
			{ note: 'Aalto', names: ['Aalto'] },
			{ note: 'BBlto', names: ['BBlto'] },
			{ note: 'Kim Aalto', names: ['Kim Aalto', 'Kim BBlto'] },
		]);
		const md = 'Aalto, BBlto, Kim Aalto and Kim BBlto.';
		expect(linkNote(md, ix, every).text).toBe('[[Aalto]], [[BBlto]], [[Kim Aalto]] and [[Kim Aalto|Kim BBlto]].');
		ix.remove('Aalto');
		expect(linkNote(md, ix, every).text).toBe('Aalto, [[BBlto]], [[Kim Aalto]] and [[Kim Aalto|Kim BBlto]].');
		ix.set({ note: 'Kim Aalto', names: ['Kim BBlto'] });
		expect(linkNote(md, ix, every).text).toBe('Aalto, [[BBlto]], Kim Aalto and [[Kim Aalto|Kim BBlto]].');
		ix.remove('BBlto');
		ix.remove('Kim Aalto');
		expect(linkNote(md, ix, every).added).toBe(0);
	});

	it('an all-caps alias is an acronym whatever kind its target has', () => {
		// The pipeline gives every target a kind (proper or concept); "US" must not be judged as a proper name.
		const ix = new LinkIndex([
			{ note: 'United States', names: ['United States', 'US', 'U.S.'], kind: 'proper' },
			{ note: 'weapons of mass destruction', names: ['weapons of mass destruction', 'WMD'], kind: 'concept' },
			{ note: 'Information Technology', names: ['IT'], kind: 'proper' },
		]);
		expect(linkNote('The US, the U.S. and us; WMD and wmd; IT and it.', ix, every).text).toBe(
			'The [[United States|US]], the [[United States|U.S.]] and us; [[weapons of mass destruction|WMD]] and wmd; IT and it.',
		);
	});

	it('affectedBy filters notes that cannot change', () => {
		const pred = affectedBy(['Kim Jong Un', 'sanctions']);
		expect(pred('Talks with Kim went on.')).toBe(true);
		expect(pred('Sanctions were imposed.')).toBe(true);
		expect(pred('Nothing relevant here.')).toBe(false);
		expect(mayContainAny('x Moscow y', ['Moscow'])).toBe(true);
		const many = affectedBy(Array.from({ length: 40 }, (_, i) => `Name${i}`));
		expect(many('a Name39 b')).toBe(true);
		expect(many('a Name40 b')).toBe(false);
	});
});

describe('pathological notes', () => {
	// Each used to cost time quadratic in the note's length (a 250 KB note took from 3 to 30 seconds).
	const cases: Array<[string, string]> = [
		['link text then an unclosed destination', 'Moscow [a](b '],
		['inline HTML elements never closed', 'Moscow <i>x '],
		['Templater openers never closed', 'Moscow <%x '],
		['wikilink openers never closed, one per paragraph', 'Moscow [[x\n\n'],
		['HTML comments never closed, one per paragraph', 'Moscow <!-- x\n\n'],
		['tags never closed, one per paragraph', 'Moscow <b x\n\n'],
		['inline math never closed, one per paragraph', 'Moscow $x\n\n'],
	];
	for (const [what, unit] of cases) {
		it(`${what}: 250 KB in well under a second`, () => {
			const md = unit.repeat(Math.ceil(250_000 / unit.length));
			const t0 = performance.now();
			const once = linkNote(md, index, every);
			expect(performance.now() - t0).toBeLessThan(1500);
			expect(once.added).toBeGreaterThan(0);
		});
	}
});
