// Body selection cases found on real dumps, rebuilt from invented text in the genre.
import { describe, expect, it } from 'vitest';
import { extractArticle, findSharedLines } from '../../../src/core/extract';
import type { Article } from '../../../src/core/types';
import { PROSE, page } from './fixtures';

const texts = (a: Article) => a.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text));

/** Long paragraphs of another invented article, for pages that need more prose than PROSE. */
const LONG = [
	'The foreign ministry confirmed on Thursday that the two delegations would meet again in the capital before the end of the month, after a first round of talks that both sides described as frank and useful, though neither would say what had been agreed on the question of the border crossings.',
	'Diplomats familiar with the talks said the main obstacle remained the sequence of steps: one side wants the sanctions eased before it opens its ports to inspectors, while the other insists that the inspectors must be at work for several months before any measure is lifted or even suspended.',
	'Analysts in the region warned that the window for an agreement was narrowing, because elections next spring could bring to power a coalition that has promised to end the talks altogether and to return to the harder line of the previous government on trade, fishing rights and the disputed islands.',
	'The envoy, who has led the delegation since the talks began two years ago, told reporters that patience was the only realistic policy and that the alternative, a return to the standoff of the past decade, would cost both countries far more than the concessions now on the table would.',
];

describe('body: comment cues', () => {
	it('a "Comments" link in the page header does not turn the whole article into a comment thread', () => {
		const text = ['• Home', '• World', 'Comments', '', 'Talks on the Border Crossings Resume', '', LONG[0], '', LONG[1], '', LONG[2], '', 'Share this article', 'Subscribe now', '', LONG[3], '', PROSE[0], '', PROSE[1], ''].join('\n');
		expect(texts(extractArticle(text))).toEqual([...LONG, PROSE[0], PROSE[1]]);
	});

	it('a comment thread after the article is still left out', () => {
		const comment = 'I have followed these talks for years and I think the envoy is far too optimistic about what the other side will accept, frankly.';
		const text = ['Talks on the Border Crossings Resume', '', ...LONG.flatMap((p) => [p, '']), '2 Comments', '', 'Ada Wren says:', comment, ''].join('\n');
		const body = texts(extractArticle(text));
		expect(body).toEqual(LONG);
	});
});

describe('body: captions', () => {
	it.each([
		'In this Dec. 12, 2006, file photo, made available by the ministry, the two envoys shake hands in front of the harbour office after the first round of talks, which ended without an agreement on the crossings but with a promise to meet again in the spring of the following year, as both sides later confirmed.',
		'The two envoys shake hands in front of the harbour office after the first round of talks, which ended without an agreement on the crossings but with a promise to meet again in the spring, as both governments said in statements released the same evening. (AP Photo/Ada Wren)',
		'The two envoys shake hands in front of the harbour office after the first round of talks, which ended without an agreement on the crossings but with a promise to meet again in the spring, as both governments said in statements released the same evening. (Ministry via AP)',
	])('drops a long agency caption: %s', (caption) => {
		const text = ['Talks on the Border Crossings Resume', '', caption, '', ...LONG.flatMap((p) => [p, ''])].join('\n');
		const body = texts(extractArticle(text));
		expect(body).toEqual(LONG);
	});

	it('keeps a paragraph that merely mentions a photo', () => {
		const para = 'In this town the old photo studio on the square has become a symbol of the talks, because the two envoys were photographed there together in the spring, long before anyone expected the negotiations to last as long as they have.';
		const text = ['Talks on the Border Crossings Resume', '', ...LONG.slice(0, 2).flatMap((p) => [p, '']), para, '', ...LONG.slice(2).flatMap((p) => [p, ''])].join('\n');
		expect(texts(extractArticle(text))).toContain(para);
	});
});

describe('findSharedLines: long lines across files', () => {
	const about = 'Northwind Analytics is a research firm that advises governments and companies on maritime trade, port security and the regulation of fisheries, with offices in four capitals and a staff of about two hundred analysts.';
	const release = (paras: string[]) => ['Northwind Analytics opens a new office', '', ...paras.flatMap((p) => [p, '']), 'About Northwind Analytics', '', about, ''].join('\n');

	it('marks a closing company paragraph shared by two different articles as furniture', () => {
		const a = release(LONG.slice(0, 2));
		const b = release([PROSE[0], PROSE[1], PROSE[2]]);
		const shared = findSharedLines([a, b]);
		expect(texts(extractArticle(a, { sharedLines: shared }))).not.toContain(about);
		expect(texts(extractArticle(b, { sharedLines: shared }))).not.toContain(about);
		expect(texts(extractArticle(a, { sharedLines: shared }))).toEqual(expect.arrayContaining(LONG.slice(0, 2)));
	});

	it('keeps the prose of a republished copy, which shares most of its long lines with the original', () => {
		const a = release(LONG);
		const b = ['Republished: Northwind Analytics opens a new office', '', ...LONG.flatMap((p) => [p, '']), about, '', 'This article first appeared in the Coastal Gazette.', ''].join('\n');
		const shared = findSharedLines([a, b]);
		for (const p of [...LONG, about]) expect(shared.has(p.toLowerCase())).toBe(false);
		expect(texts(extractArticle(b, { sharedLines: shared }))).toEqual(expect.arrayContaining(LONG));
	});

	it('compares wrapped files by their rejoined paragraphs', () => {
		const wrap = (t: string) => t.replace(/(.{1,78})(?: |$)/gmu, '$1\n').replace(/\n\n+/g, '\n\n');
		const a = wrap(release(LONG.slice(0, 2)));
		const b = wrap(release([PROSE[0], PROSE[1], PROSE[2]]));
		const shared = findSharedLines([a, b]);
		expect(texts(extractArticle(a, { sharedLines: shared })).join(' ')).not.toContain('regulation of fisheries');
	});
});

describe('JSON blobs in CRLF files', () => {
	it('finds a blob whose opening bracket stands alone on a CRLF line', () => {
		const a = extractArticle(page({ json: true }).replace(/\n/g, '\r\n'));
		expect(a.regions).toEqual(['Northern Europe', 'Baltic Sea']);
		expect(texts(a).join('\n')).not.toContain('"authors"');
	});

	it('a broken blob in a CRLF file ends at the next blank line, not at the end of the file', () => {
		const broken = '{\r\n  "authors": ["Ada Wren"],\r\n  "topics": [\r\n';
		const a = extractArticle(`${broken}\r\n\r\nA Headline About the Arctic Council\r\n\r\n${PROSE.join('\r\n\r\n')}\r\n`);
		expect(a.authors).toEqual(['Ada Wren']);
		expect(texts(a)).toEqual(PROSE);
	});
});

describe('body: interruptions inside the article', () => {
	it('goes on past a boxed related-links list when full paragraphs follow', () => {
		const text = ['Talks on the Border Crossings Resume', '', 'By Ada Wren', 'May 5, 2021', '', LONG[0], '', LONG[1], '', 'Related Links', '• The ministry website', '', LONG[2], '', '• Home', '• Contact', '• Privacy', '• Terms', ''].join('\n');
		expect(texts(extractArticle(text))).toEqual(LONG.slice(0, 3));
	});

	it('keeps the opening paragraphs cut off from the rest by a photo gallery', () => {
		const gallery = ['Story continues below gallery', '1 of 4', '[photo-1]', 'Ada Wren Submitted photo', '[photo-2]', 'Bo Lund Submitted photo', '[photo-3]', 'Cy Marr Submitted photo'];
		const rest = [...PROSE, ...LONG.slice(1)];
		const text = ['Talks on the Border Crossings Resume', '', 'By Staff Reports', '', LONG[0], '', ...gallery, '', ...rest.flatMap((p) => [p, ''])].join('\n');
		expect(texts(extractArticle(text))).toEqual([LONG[0], ...rest]);
	});

	it('still cuts off a teaser list of title, name, date and summary', () => {
		const summaries = [
			'Voters on the outer islands will decide next month whether the ferry should be run by the council or by a private company, after a long and bitter campaign.',
			'The fishing fleet returned early this week after storms closed the harbour for three days, and the market reopened with prices far above the usual level.',
		];
		const teaser = (n: number) => ['', 'Islands vote on the ferry', 'Bo Lund', 'Wednesday November 20, 2019', summaries[n]];
		const article = [...LONG, ...PROSE.slice(0, 4)];
		const text = ['Talks on the Border Crossings Resume', '', ...article.flatMap((p) => [p, '']), 'Islands', '', 'Harbour', '', 'Council', '', 'Weather', ...teaser(0), ...teaser(1), ''].join('\n');
		expect(texts(extractArticle(text))).toEqual(article);
	});

	it('keeps a table of dated rows introduced by a line ending in a colon', () => {
		const rows = ['June 9 -- Harbour Hall, Northport', 'June 12 -- Civic Arena, Eastmouth', 'June 15 -- The Old Market, Westhaven', 'June 19 -- Riverside Stage, Southby'];
		const text = ['The Ferry Band Announces a Summer Tour', '', ...LONG.slice(0, 2).flatMap((p) => [p, '']), 'The tour dates are as follows:', ...rows, '', '• Home', '• Contact', ''].join('\n');
		expect(texts(extractArticle(text))).toEqual([...LONG.slice(0, 2), 'The tour dates are as follows:', ...rows]);
	});
});

describe('body: picture furniture', () => {
	it('drops a caption printed twice, bare and with its credit', () => {
		const caption = 'The two envoys in front of the harbour office after the first round of talks';
		for (const credited of [`${caption}Credit: Getty - Contributor`, `${caption}. (Image credit: Ministry of Transport)`]) {
			const text = ['Talks on the Border Crossings Resume', '', LONG[0], '', caption, '6', credited, '', LONG[1], '', LONG[2], ''].join('\n');
			expect(texts(extractArticle(text))).toEqual(LONG.slice(0, 3));
		}
	});

	it('drops image file names and "Name/Agency" credits', () => {
		const text = ['Talks on the Border Crossings Resume', '', LONG[0], '', 'harbour-talks-2.jpgharbour-talks-2.jpg', 'Ada Wren/Northern Ledger', '', LONG[1], '', LONG[2], ''].join('\n');
		expect(texts(extractArticle(text))).toEqual(LONG.slice(0, 3));
	});

	it('drops "Related: …" teaser links inside the article', () => {
		const text = ['Talks on the Border Crossings Resume', '', LONG[0], '', 'Related: Ten Years of Talks About the Islands in Pictures', '', LONG[1], '', LONG[2], ''].join('\n');
		expect(texts(extractArticle(text))).toEqual(LONG.slice(0, 3));
	});
});

describe('body: inline promotions and agency credits', () => {
	it('drops promotional lines in capitals but keeps a subheading asked as a question', () => {
		const text = ['Talks on the Border Crossings Resume', '', LONG[0], '', 'GET THE LEDGER APP ON THE GO BY CLICKING HERE', '', LONG[1], '', 'WHAT DOES THE ENVOY WANT?', '', LONG[2], ''].join('\n');
		expect(texts(extractArticle(text))).toEqual([LONG[0], LONG[1], 'WHAT DOES THE ENVOY WANT?', LONG[2]]);
	});

	it.each([
		`${LONG[3].slice(0, -1)} (AP Photo/Ada Wren) Photo: Ada Wren / Northern Ledger`,
		`FILE PHOTO: ${LONG[3]}`,
		`${LONG[3]} REUTERS/Ada Wren`,
	])('drops a long caption with an agency credit: %s', (caption) => {
		const text = ['Talks on the Border Crossings Resume', '', LONG[0], '', caption, '', LONG[1], '', LONG[2], ''].join('\n');
		expect(texts(extractArticle(text))).toEqual(LONG.slice(0, 3));
	});
});

describe('body: tables laid out by the text browser', () => {
	const ports = ['Northport', 'Eastmouth', 'Westhaven', 'Southby', 'Old Quay', 'Mill Bay', 'Greyness', 'Saltcote', 'Fairhaven', 'Lowmoor', 'Kirkwall Sound', 'Brinnick'];
	const rows = ['Pos.  Port              Ferries   Passengers', ...ports.map((p, i) => `${String(i + 1).padEnd(6)}${p.padEnd(18)}${String(12 - i).padEnd(10)}${40210 - i * 3100}`)];

	it('keeps a table of figures under a short introduction, though its rows are short', () => {
		const text = ['• Home', '• Ports', '', 'Ferry Traffic This Summer', '', 'The harbour authority published the season’s figures on Monday.', 'Passenger numbers by port:', '', ...rows, '', '• Contact', '• Privacy', '', 'Ada Wren writes a weekly column about the islands and the people who live there, with photographs and interviews.', ''].join('\n');
		const body = texts(extractArticle(text));
		for (const row of rows) expect(body).toContain(row);
	});

	it('does not take a grid of footer links for a table', () => {
		const grid = ['About us      Contact      Careers', 'Privacy       Terms        Cookies', 'Advertise     Newsletters  Archive'];
		const text = ['Talks on the Border Crossings Resume', '', ...LONG.flatMap((p) => [p, '']), ...grid, ''].join('\n');
		expect(texts(extractArticle(text))).toEqual(LONG);
	});
});

describe('body: more picture, embed and small-print furniture', () => {
	const page = (...inner: string[]) => ['Talks on the Border Crossings Resume', '', LONG[0], '', ...inner.flatMap((l) => [l, '']), LONG[1], '', LONG[2], ''].join('\n');

	it.each([
		['alt text printed twice', 'The two envoys at the harbour officeThe two envoys at the harbour office'],
		['alt text twice around a sign', 'The two envoys at the harbour office© The two envoys at the harbour office'],
		['a long caption ending with its credit', `${LONG[3]} Credit: Ministry of Transport`],
		['the alt text of an embedded post', `Twitter post by @adawren: ${LONG[3]}`],
		['a subscription offer', 'Get unlimited access to the Northern Ledger for $1 a week. Subscribe today'],
		['legal small print', 'These statements have not been evaluated by the Food and Drug Administration and are for informational purposes only.'],
	])('drops %s', (_, line) => {
		expect(texts(extractArticle(page(line)))).toEqual(LONG.slice(0, 3));
	});

	it('drops a byline or a "Published …" stamp that sits inside the region', () => {
		expect(texts(extractArticle(page('By Ada Wren , Bo Lund on Monday, November 18th, 2019 at 11:08 a.m.', 'Updated November 19, 2019 at 9:15 a.m.')))).toEqual(LONG.slice(0, 3));
	});

	it('keeps a paragraph that states a date', () => {
		const para = 'On March 4, 2021, the council voted to fund the crossing.';
		expect(texts(extractArticle(page(para)))).toContain(para);
	});
});

describe('body: indentation', () => {
	it('prefers the text at the page margin to a side column the text browser indented', () => {
		const side = [
			'The harbour festival returns this weekend with music on the quay, boat trips to the lighthouse and a market of local crafts that organisers say will be the largest the town has ever held, weather permitting, with stalls along the whole of the seafront.',
			'A new bakery on the square has become the talk of the islands, with queues forming before dawn for its rye bread and cinnamon rolls, and the owners say they are already looking for a second site on the far side of the harbour for next year.',
			'The lifeboat crew was called out three times last week, twice to help yachts in trouble off the headland and once to search for a swimmer who was later found safe on the beach, and the station is appealing for new volunteers to join the crew.',
			'Tickets for the winter concert series go on sale on Monday at the harbour office and online, and the town council has promised that the hall will finally be heated this year after complaints from audiences and musicians alike in the last two seasons.',
		];
		const text = ['Talks on the Border Crossings Resume', '', ...LONG.slice(0, 3).flatMap((p) => [p, '']), '• Home', '• Ports', '• Weather', '• Contact', '', '      Around the harbour', '', ...side.flatMap((p) => [`      ${p}`, '']), ''].join('\n');
		expect(texts(extractArticle(text))).toEqual(LONG.slice(0, 3));
	});
});

describe('findSharedLines: republished copies', () => {
	it('keeps the prose of a copy whose paragraphs were re-broken and lightly edited', () => {
		const original = ['Talks on the Border Crossings Resume', '', ...LONG.flatMap((p) => [p, '']), ...PROSE.flatMap((p) => [p, ''])].join('\n');
		// Two paragraphs merged, one split, a word changed: few lines match exactly, most wording does.
		const copy = ['Republished: Talks on the Border Crossings Resume', '', `${LONG[0]} ${LONG[1]}`, '', LONG[2].replace('narrowing', 'closing'), '', ...LONG[3].split(', ').flatMap((p) => [p, '']), PROSE[0], '', `${PROSE[1]} ${PROSE[2]}`, '', PROSE[3], '', PROSE[4], ''].join('\n');
		const shared = findSharedLines([original, copy]);
		expect(texts(extractArticle(original, { sharedLines: shared }))).toEqual([...LONG, ...PROSE]);
		expect(texts(extractArticle(copy, { sharedLines: shared })).join(' ')).toContain(PROSE[3]);
	});

	it('gives a page that is only furniture no title', () => {
		const a = extractArticle(['• Home', '• World', '', 'Subscribe to our newsletter', '', 'Comments are closed.', '', 'Back to top', ''].join('\n'));
		expect(a.blocks).toEqual([]);
		expect(a.title).toBe('');
	});
});
