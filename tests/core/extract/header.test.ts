// The article's head: headline, dek, byline and date, whatever order the page prints them in.
import { describe, expect, it } from 'vitest';
import { extractArticle, findSharedLines } from '../../../src/core/extract';
import type { Article } from '../../../src/core/types';
import { PROSE, hardWrap } from './fixtures';

const texts = (a: Article) => a.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text));
const body = PROSE.join('\n\n');

describe('header above the lead', () => {
	// A news page: subscription banner, menu, kicker, photo credit and caption, headline, dek, byline, dates.
	const news = [
		'Get unlimited access to The Harbour Courier for $2 a month. Subscribe today ›',
		'',
		'Home | World | Ports | Opinion | Business',
		'',
		'PORTS',
		'',
		'Photo: Ada Wren/Getty',
		'Dock workers unload the first ferry of the season at the northern quay.',
		'',
		'Ferry Route to the Islands Will Reopen After Twelve Years',
		'',
		'The harbour authority says the crossing is viable again. The council is less sure, and the vote is close.',
		'',
		'By Mara Quill and Tomas Reyd',
		'2021-03-04',
		'Updated 2021-03-05 08:40 CET',
		'',
		body,
		'',
		'© 2021 The Harbour Courier. About | Contact | Privacy',
	].join('\n');

	it('takes the headline, not the banner, and the dek, byline and date out of the body', () => {
		const a = extractArticle(news);
		expect(a.title).toBe('Ferry Route to the Islands Will Reopen After Twelve Years');
		expect(a.subtitle).toMatch(/^The harbour authority says/);
		expect(a.authors).toEqual(['Mara Quill', 'Tomas Reyd']);
		expect(a.published).toBe('2021-03-04');
		expect(a.publisher).toBe('The Harbour Courier');
		expect(texts(a)).toEqual(PROSE);
		expect(a.blocks.some((b) => b.kind === 'heading')).toBe(false);
	});

	it('does the same on the hard-wrapped copy', () => {
		const a = extractArticle(hardWrap(news, 78));
		expect(a.title).toBe('Ferry Route to the Islands Will Reopen After Twelve Years');
		expect(a.subtitle).toMatch(/^The harbour authority says/);
		expect(texts(a)).toEqual(PROSE);
	});

	it('reads a commentary whose standfirst comes before the byline', () => {
		const page = ['Harbour Policy Institute — Commentary', '', 'What the Ferry Vote Says About the Islands', '', 'A small crossing has become a test of how far the council will go for its outer villages, and of who pays.', '', 'By Ada Wren', 'June 17, 2025', '', body, ''].join('\n');
		const a = extractArticle(hardWrap(page, 78));
		expect(a.title).toBe('What the Ferry Vote Says About the Islands');
		expect(a.subtitle).toMatch(/^A small crossing has become a test/);
		expect(a.authors).toEqual(['Ada Wren']);
		expect(a.published).toBe('2025-06-17');
		expect(texts(a)).toEqual(PROSE);
	});

	it('never takes the outlet’s name for the headline', () => {
		const page = ['Northbridge Notes', 'Briefs | Data | Maps | About', '', body, '', '© 2026 Northbridge Notes'].join('\n');
		const a = extractArticle(page);
		expect(a.titleDerived).toBe(true);
		expect(a.title).not.toBe('Northbridge Notes');
		expect(a.publisher).toBe('Northbridge Notes');
	});

	it('keeps a headline that other pages of the batch list as a teaser', () => {
		const headline = 'Ferry Route to the Islands Will Reopen After Twelve Years';
		const page = ['• Home', '• World', '', headline, '', 'By Mara Quill', '', body, ''].join('\n');
		const other = ['• Home', '• World', '', 'Council Splits Over the Coastal Road', '', 'Critics on the council argued again on Monday about the road, the floods and the villages that are cut off every winter.', '', 'Related', headline, ''].join('\n');
		const a = extractArticle(page, { sharedLines: findSharedLines([page, other]) });
		expect(a.title).toBe(headline);
	});

	it('does not take the outlet line printed under the byline for the headline', () => {
		const page = ['The Weekly Ledger', '', 'Ferry Route to the Islands Will Reopen After Twelve Years', '', 'By', 'Mara Quill', 'The Weekly Ledger', '', body, ''].join('\n');
		const a = extractArticle(page);
		expect(a.title).toBe('Ferry Route to the Islands Will Reopen After Twelve Years');
		expect(a.authors).toEqual(['Mara Quill']);
	});
});

describe('bylines as pages print them', () => {
	const at = (line: string, extra = '') => extractArticle(`Ferry Route to the Islands Will Reopen\n\n${line}\n${extra}\n${body}\n`);
	it.each([
		['Mara Quill | March 11, 2026 | 4 min read', ['Mara Quill'], '2026-03-11'],
		['Mara Quill - Nov 19, 2019, 10:31 pm CST', ['Mara Quill'], '2019-11-19'],
		['[photo] Northern Press November 19, 2019, 9:02 AM', ['Northern Press'], '2019-11-19'],
		['February 1, 2019 | BY: Mara Quill, MS, RDN', ['Mara Quill'], '2019-02-01'],
		['5:45 AM PST 11/19/2019 by Mara Quill', ['Mara Quill'], '2019-11-19'],
		['By Mara Quill, Harbour Business', ['Mara Quill'], undefined],
		['By MARA QUILL, Senior Ports Writer', ['MARA QUILL'], undefined],
		['Von Mara Quill publiziert am 25. September 2018', ['Mara Quill'], '2018-09-25'],
		['By Mara Quill mquill@example.org (555) 459-5382', ['Mara Quill'], undefined],
	])('%s', (line, authors, date) => {
		const a = at(line);
		expect(a.authors).toEqual(authors);
		if (date) expect(a.published).toBe(date);
		expect(texts(a)).toEqual(PROSE);
	});

	it('reads "By" alone on its line with the name on the next', () => {
		expect(at('By\nMara Quill').authors).toEqual(['Mara Quill']);
	});

	it('reads a bare name printed next to the date line', () => {
		expect(at('Mara Quill\nNovember 20, 2019').authors).toEqual(['Mara Quill']);
	});

	it('does not read prose mentioning "by" as a byline', () => {
		const a = extractArticle(`Ferry Route to the Islands Will Reopen\n\n${body}\n\nThe route was first proposed in 1998 by Tomas Reyd, then the harbour master, who argued for it at every council meeting for a decade.\n`);
		expect(a.authors).toEqual([]);
	});
});

describe('dates as pages print them', () => {
	it.each([
		['Published Wed, Nov 20 20194:29 AM EST', '2019-11-20'],
		['Nov 15, 20195:45 AM', '2019-11-15'],
		['Updated 0339 GMT (1139 HKT) November 19, 2019', '2019-11-19'],
		['sexta-feira, 22 de outubro de 2010 às 20:13', '2010-10-22'],
		['21:17 18.11.2019', '2019-11-18'],
	])('%s', (line, iso) => {
		expect(extractArticle(`Ferry Route to the Islands Will Reopen\n\n${line}\n\n${body}\n`).published).toBe(iso);
	});

	it('does not take the date of a post embedded in the article', () => {
		const post = '— Ada Wren (@adawren) November 18, 2019';
		const a = extractArticle(`Ferry Route to the Islands Will Reopen\n\n${PROSE[0]}\n\n${post}\n\n${PROSE.slice(1).join('\n\n')}\n\nPublished November 20, 2019\n`);
		expect(a.published).toBe('2019-11-20');
	});
});

describe('headline labels and derived titles', () => {
	it('moves a genre label printed before the headline into the tags', () => {
		const a = extractArticle(`Opinion: The Ferry Is a Test of the Council\n\nBy Ada Wren\n\n${body}\n`);
		expect(a.title).toBe('The Ferry Is a Test of the Council');
		expect(a.tags).toContain('opinion');
	});

	it('keeps a colon that is part of the headline', () => {
		const a = extractArticle(`Ferries: The Long Way Back to the Islands\n\nBy Ada Wren\n\n${body}\n`);
		expect(a.title).toBe('Ferries: The Long Way Back to the Islands');
		expect(a.tags).toEqual([]);
	});

	it('derives a title from the main clause when the text opens with an introductory phrase', () => {
		const text = 'At the end of the long winter of storms, the harbour authority of the northern port decided to reopen the old ferry route to the islands for good. It said so on Tuesday.';
		const a = extractArticle(`${text}\n\n${PROSE.slice(1).join('\n\n')}\n`);
		expect(a.titleDerived).toBe(true);
		expect(a.title).toMatch(/^The harbour authority of the northern port/);
		expect(a.title.split(/\s+/).length).toBeLessThanOrEqual(12);
		expect(a.title).not.toMatch(/\b(?:the|of|to|on)…$/u);
	});
});

describe('outlet and filing from the page text', () => {
	it.each([
		['Follow The Harbour Courier', 'The Harbour Courier'],
		['Get Harbour Weekly delivered to your inbox', 'Harbour Weekly'],
		['Sign Up To The Harbour Courier', 'The Harbour Courier'],
	])('names the outlet from "%s"', (line, outlet) => {
		const a = extractArticle(`Ferry Route to the Islands Will Reopen\n\n${body}\n\n${line}\n\n© 2019 Harbour Holdings Group. All rights reserved.\n`);
		expect(a.publisher).toBe(outlet);
	});

	it('reads the holder of a copyright line written in several ways', () => {
		for (const line of ['© Copyright 2011-2019 Harbour Weekly.', 'Copyright © 2019 Harbour Weekly, Inc. All rights reserved.', '© All Rights Reserved Harbour Weekly 2019']) {
			expect(extractArticle(`Ferry Route to the Islands Will Reopen\n\n${body}\n\n${line}\n`).publisher, line).toBe('Harbour Weekly');
		}
	});

	it('takes the masthead of the first line when the page names the outlet again', () => {
		const a = extractArticle(`Harbour Policy Institute — Commentary\n\nFerry Route to the Islands Will Reopen\n\n${body}\n\nSubscribe to keep reading Harbour Policy Institute commentary.\n`);
		expect(a.publisher).toBe('Harbour Policy Institute');
	});

	it('reads "Tags:" and "Filed under:" lines into tags and topics, and leaves them out of the body', () => {
		const a = extractArticle(`Ferry Route to the Islands Will Reopen\n\n${body}\n\nTags: ferries, North Sea, harbours\nFiled under: Transport, Islands\n`);
		expect(a.tags).toEqual(['ferries', 'North Sea', 'harbours']);
		expect(a.topics).toEqual(['Transport', 'Islands']);
		expect(texts(a)).toEqual(PROSE);
	});
});

describe('a sentence with a date is no dateline', () => {
	it('keeps the first paragraph when a dated sentence follows it, and takes no date from the body', () => {
		const dated = 'On March 4, 2021, the council voted to fund the crossing.';
		const a = extractArticle(['Ferry Route to the Islands Will Reopen', '', PROSE[0], '', dated, '', ...PROSE.slice(1).flatMap((p) => [p, ''])].join('\n'));
		expect(texts(a)).toEqual([PROSE[0], dated, ...PROSE.slice(1)]);
		expect(a.published).toBeUndefined();
	});
});
