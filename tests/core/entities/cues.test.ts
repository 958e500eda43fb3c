// What capitals, hyphens and people-words do and do not say, on invented text.
import { describe, expect, it } from 'vitest';
import { discoverEntities, EntityDictionary, findMentions } from '../../../src/core/entities';
import type { Mention } from '../../../src/core/types';

const docsOf = (...texts: string[]) => texts.map((text, i) => ({ id: `d${i}`, text }));
const names = (texts: string[]) => discoverEntities(docsOf(...texts), { includeSingletons: true }).entities.map((e) => e.name);
const surfaces = (mentions: Mention[]) => mentions.map((m) => `${m.surface}→${m.entity}`);

describe('title-case lines', () => {
	it('yield no names from their capitals alone', () => {
		const found = names(['Lisbon and Oslo Renew Their Pact, With Both Eyes on Brussels and the Rest on Ankara\n\nOfficials in Lisbon said the pact would hold.']);
		expect(found).toEqual(expect.arrayContaining(['Lisbon', 'Oslo', 'Brussels', 'Ankara']));
		for (const noise of ['Renew Their Pact', 'With Both Eyes', 'Rest', 'Oslo Renew Their Pact']) expect(found).not.toContain(noise);
	});

	it('still name what the rest of the corpus capitalises, or what a pattern names', () => {
		const { entities, mentions } = discoverEntities(
			docsOf('Varholm Wins Another Round Over Tariffs\n\nThe minister, Lena Varholm, said on Monday that the Harbour Workers Union had agreed.', 'Harbour Pact Talks Resume at Last\n\nLena Varholm attended.'),
			{ includeSingletons: true },
		);
		expect(surfaces(mentions.get('d0') ?? [])[0]).toBe('Varholm→Lena Varholm');
		expect(entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Lena Varholm', 'Harbour Pact Talks']));
		for (const noise of ['Varholm Wins Another Round Over Tariffs', 'Another Round', 'Resume']) expect(entities.map((e) => e.name)).not.toContain(noise);
	});

	it('keep a byline, whose capitals are names', () => {
		expect(names(['By Anna Berg and Jon Halvorsen\n\nThe talks ended.'])).toEqual(expect.arrayContaining(['Anna Berg', 'Jon Halvorsen']));
	});
});

describe('hyphenated names', () => {
	it('keep a hyphenated given name whole, even when its tail looks like a month', () => {
		const found = names(['By Anna Berg and Seo Min-jun\n\nSeo Min-jun reported from Busan.']);
		expect(found).toContain('Seo Min-jun');
		expect(found).not.toContain('Seo Min');
	});

	it('never match part of a hyphenated name, nor a shorter form inside it', () => {
		const dict = EntityDictionary.from([{ name: 'Seo Min', type: 'person', aliases: [] }]);
		expect(findMentions('Seo Min-jun wrote it; Seo Min did not.', dict).map((m) => m.surface)).toEqual(['Seo Min']);
		expect(findMentions('Seo Min-jun wrote it; Seo Min did not.', dict)[0].start).toBe(22);
	});

	it('still split compounds of places', () => {
		const dict = EntityDictionary.from([{ name: 'Oslo', type: 'capital', aliases: [] }]);
		expect(findMentions('The Oslo-based fund', dict).map((m) => m.surface)).toEqual(['Oslo']);
	});
});

describe('people-words', () => {
	it('link an adjective to its country, but never the people to it', () => {
		const { mentions } = discoverEntities(docsOf('Koreans forced to work for Japanese companies sued. Many Russians and North Koreans watched a Russian ship.', 'Japan and Russia and Korea.'));
		const d0 = surfaces(mentions.get('d0') ?? []);
		expect(d0).toEqual(expect.arrayContaining(['Japanese→Japan', 'Russian→Russia']));
		for (const m of mentions.get('d0') ?? []) expect(['Koreans', 'Russians', 'North Koreans']).not.toContain(m.surface);
	});

	it('keep a people out of its country’s aliases', () => {
		const { entities } = discoverEntities(docsOf('Russians voted. Russia counted.', 'Russians again, and Russia, and a Russian.'));
		const russia = entities.find((e) => e.name === 'Russia');
		expect(russia?.aliases).toContain('Russian');
		expect(russia?.aliases).not.toContain('Russians');
		expect(entities.map((e) => e.name)).not.toContain('Russians');
	});

	it('drop a sentence opener in front of a people’s adjective', () => {
		expect(names(['Joint Russian and Chinese patrols flew.'])).not.toContain('Joint Russian');
	});
});

describe('institutions and people', () => {
	it('split a person from the firm after "of", and a place after "in" from an institute', () => {
		const found = names(['"It helps," said Mark Olsen of Varholm Partners & Co. A fellow at the Lindqvist Institute for Arctic Studies in Oslo agreed.']);
		expect(found).toEqual(expect.arrayContaining(['Mark Olsen', 'Varholm Partners & Co', 'Lindqvist Institute for Arctic Studies', 'Oslo']));
		expect(found).not.toContain('Lindqvist Institute for Arctic Studies in Oslo');
	});

	it('matches a name with "for", "and" or "&" inside it', () => {
		const dict = EntityDictionary.from([
			{ name: 'Lindqvist Institute for Arctic and Alpine Studies', type: 'organisation', aliases: [] },
			{ name: 'Varholm Partners & Co', type: 'organisation', aliases: [] },
		]);
		expect(surfaces(findMentions('The Lindqvist Institute for Arctic and Alpine Studies hired Varholm Partners & Co.', dict))).toEqual([
			'Lindqvist Institute for Arctic and Alpine Studies→Lindqvist Institute for Arctic and Alpine Studies',
			'Varholm Partners & Co→Varholm Partners & Co',
		]);
	});

	it('types a leader by "administration" and leaves time zones alone', () => {
		const { entities } = discoverEntities(docsOf('The Halvorsen administration met at 08:40 KST, said officials.'), { includeSingletons: true });
		expect(entities.find((e) => e.name === 'Halvorsen')?.type).toBe('person');
		expect(entities.map((e) => e.name)).not.toContain('KST');
	});

	it('reads "St." as part of a place, a legal form before "of" as the end of a firm, and "al-" as part of a name', () => {
		const found = names(['Shares of Varholm Pharmaceuticals Inc of St. Petersburg rose. Pilgrims walked to al-Qadim and Mt. Halvor.']);
		expect(found).toEqual(expect.arrayContaining(['Varholm Pharmaceuticals Inc', 'St Petersburg', 'al-Qadim', 'Mt. Halvor']));
		expect(found.filter((n) => n.includes(' of '))).toEqual([]);
	});

	it('drops a title modifier with no title from the name after it, and reads a spaced dash as a new start', () => {
		const found = names(['Former U.S. envoys met. 1993 - Six former republics signed. Six went home.']);
		expect(found).not.toContain('Former U.S.');
		expect(found).toContain('United States');
		expect(found).not.toContain('Six');
	});

	it('splits a cued person from the firm after "of", and reads a body\'s remit after "on"', () => {
		const { entities, mentions } = discoverEntities(docsOf('"Slow," said economist Lena Orvik of Halvard Banks Inc. The Commission on Coastal Fisheries met.'), { includeSingletons: true });
		expect(entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Lena Orvik', 'Halvard Banks Inc', 'Commission on Coastal Fisheries']));
		expect((mentions.get('d0') ?? []).map((m) => m.surface)).toContain('Commission on Coastal Fisheries');
	});
});

