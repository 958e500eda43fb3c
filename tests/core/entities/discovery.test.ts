// Grouping and typing rules on invented sentences.
import { describe, expect, it } from 'vitest';
import { discoverEntities, EntityDictionary, findMentions } from '../../../src/core/entities';
import type { Entity, Mention } from '../../../src/core/types';

const docsOf = (...texts: string[]) => texts.map((text, i) => ({ id: `d${i}`, text }));
const entity = (entities: Entity[], name: string) => entities.find((e) => e.name === name);
const surfaces = (mentions: Mention[]) => mentions.map((m) => `${m.surface}→${m.entity}`);

describe('discoverEntities', () => {
	it('groups full and short names of a person within and across articles', () => {
		const { entities, mentions } = discoverEntities(
			docsOf('Prime Minister Lena Varholm met farmers in Oslo on Monday. Varholm promised lower fuel taxes.', 'Critics said Varholm had no plan for the north of the country, and Lena Varholm did not reply.'),
		);
		const lena = entity(entities, 'Lena Varholm');
		expect(lena?.type).toBe('person');
		expect(lena?.aliases).toContain('Varholm');
		expect(surfaces(mentions.get('d1') ?? [])).toEqual(['Varholm→Lena Varholm', 'Lena Varholm→Lena Varholm']);
	});

	it('resolves an ambiguous short name to the person named in the same article', () => {
		const { mentions } = discoverEntities(
			docsOf(
				'President Park Min-ho arrived late. Park said the talks would resume. Park Min-ho left at noon.',
				'Former president Park Sung-ja wrote a memoir. Park described the years in office, and Park Sung-ja signed copies.',
				'Everyone waited for Park. Nobody knew which one.',
			),
			{ includeSingletons: true },
		);
		expect(surfaces(mentions.get('d0') ?? []).filter((s) => s.startsWith('Park→'))).toEqual(['Park→Park Min-ho']);
		expect(surfaces(mentions.get('d1') ?? []).filter((s) => s.startsWith('Park→'))).toEqual(['Park→Park Sung-ja']);
		expect(surfaces(mentions.get('d2') ?? []).filter((s) => s.startsWith('Park'))).toEqual([]);
	});

	it('merges hyphenation and one-letter spelling variants, keeps different people apart', () => {
		const { entities } = discoverEntities(
			docsOf('Leader Kim Jong-un inspected a dam. His father Kim Jong Il had built it.', 'Kim Jong Un praised the workers. Analyst Dmitri Orlov disagreed.', 'Dmitry Orlov wrote again, and Kim Jong Un replied.'),
			{ includeSingletons: true },
		);
		const kju = entity(entities, 'Kim Jong Un');
		expect(kju?.aliases).toContain('Kim Jong-un');
		expect(entity(entities, 'Kim Jong Il')?.type).toBe('person');
		const orlovs = entities.filter((e) => e.name.endsWith('Orlov'));
		expect(orlovs).toHaveLength(1);
		expect([orlovs[0].name, ...orlovs[0].aliases].sort()).toEqual(['Dmitri Orlov', 'Dmitry Orlov']);
	});

	it('links acronyms and spellings of a country to one note, and keeps a capital apart from its country', () => {
		const { entities, mentions } = discoverEntities(
			docsOf('The U.S. and Russia disagree in Moscow. Washington wants the United States to lead.', 'The US envoy left Moscow for Russia. America, said the Kremlin, is far away. Ties with the USA are cold.'),
		);
		const us = entity(entities, 'United States');
		expect(us?.type).toBe('country');
		expect(us?.aliases).toEqual(expect.arrayContaining(['U.S.', 'US', 'America', 'USA']));
		expect(entity(entities, 'Moscow')?.country).toBe('Russia');
		expect(entity(entities, 'Russia')?.type).toBe('country');
		const d1 = surfaces(mentions.get('d1') ?? []);
		expect(d1).toContain('Kremlin→Moscow');
		expect(d1).not.toContain('us→United States');
	});

	it('excludes possessives (straight and curly) from mention spans', () => {
		const text = 'Moscow’s offer and Beijing\'s reply reached Seoul.';
		const { mentions } = discoverEntities(docsOf(text, 'Moscow and Beijing and Seoul again.'));
		const found = mentions.get('d0') ?? [];
		expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Moscow', 'Beijing', 'Seoul']);
	});

	it('splits hyphenated compounds of known names', () => {
		const text = 'The Moscow-Beijing-Pyongyang axis worried Russian-North Korean observers and Soviet-U.S. historians.';
		const { mentions } = discoverEntities(docsOf(text, 'Moscow, Beijing, Pyongyang, Russia, North Korea, the Soviet Union and the U.S. again.'));
		expect(surfaces(mentions.get('d0') ?? [])).toEqual([
			'Moscow→Moscow',
			'Beijing→Beijing',
			'Pyongyang→Pyongyang',
			'Russian→Russia',
			'North Korean→North Korea',
			'Soviet→Soviet Union',
			'U.S.→United States',
		]);
	});

	it('reads headline capitals and datelines', () => {
		const { mentions } = discoverEntities(docsOf('GRAIN BOARD CUTS FORECAST FOR SEOUL\nSEOUL 2024-03-01\nThe grain board in Seoul cut its forecast.', 'Seoul again.'));
		const d0 = mentions.get('d0') ?? [];
		expect(d0.filter((m) => m.entity === 'Seoul').map((m) => m.surface)).toEqual(['SEOUL', 'SEOUL', 'Seoul']);
	});

	it('does not make entities of capitalised sentence openers', () => {
		const { entities } = discoverEntities(
			docsOf('Evidently the plan failed. Nevertheless the ministers met in Paris.', 'Evidently nobody cared. Meanwhile Paris waited.'),
			{ includeSingletons: true },
		);
		expect(entities.map((e) => e.name)).toEqual(['Paris']);
	});

	it('names concepts by pattern even once, and recurring lower-case concepts', () => {
		const { entities } = discoverEntities(
			docsOf('Both sides left the 1972 ABM treaty and revived the Four-Nation talks. New sanctions followed, and denuclearization.', 'The sanction regime hurt, and denuclearisation stalled while denuclearization talks were planned.'),
		);
		expect(entity(entities, 'ABM Treaty')?.type).toBe('concept');
		expect(entity(entities, 'Four-Nation Talks')?.type).toBe('concept');
		expect(entity(entities, 'sanctions')?.aliases).toContain('sanction');
		expect(entity(entities, 'denuclearization')).toBeDefined();
	});

	it('types names by their cues', () => {
		const { entities } = discoverEntities(
			docsOf(
				'The Green Harvest Party won seats, said Mr Olek Danvers, and the Ministry of Water Affairs agreed.',
				'Olek Danvers left the Green Harvest Party, angering the Ministry of Water Affairs.',
			),
		);
		expect(entity(entities, 'Olek Danvers')?.type).toBe('person');
		expect(entity(entities, 'Green Harvest Party')?.type).toBe('organisation');
		expect(entity(entities, 'Ministry of Water Affairs')?.type).toBe('organisation');
	});

	it('keeps names seen once out unless asked', () => {
		const docs = docsOf('Jorun Maddox visited Lima.', 'Nothing else here.');
		expect(discoverEntities(docs).entities.map((e) => e.name)).not.toContain('Jorun Maddox');
		expect(discoverEntities(docs, { includeSingletons: true }).entities.map((e) => e.name)).toContain('Jorun Maddox');
	});
});

describe('findMentions', () => {
	const dict = EntityDictionary.from([
		{ name: 'Vladimir Putin', type: 'person', aliases: [] },
		{ name: 'Moscow', type: 'capital', aliases: [], country: 'Russia', metonyms: ['Kremlin'] },
		{ name: 'United States', type: 'country', aliases: ['US'] },
		{ name: 'sanctions', type: 'concept', aliases: [] },
	]);

	it('finds full names, metonyms, acronyms, concepts and resolves a surname only where the full name appears', () => {
		const text = 'Vladimir Putin said the Kremlin would answer US sanctions. Putin left; tell us.';
		expect(surfaces(findMentions(text, dict))).toEqual(['Vladimir Putin→Vladimir Putin', 'Kremlin→Moscow', 'US→United States', 'sanctions→sanctions', 'Putin→Vladimir Putin']);
		expect(findMentions('Putin left.', dict)).toEqual([]);
	});

	it('matches headline capitals and spelling variants of concepts', () => {
		expect(surfaces(findMentions('MOSCOW REJECTS SANCTION', dict))).toEqual(['MOSCOW→Moscow', 'SANCTION→sanctions']);
	});

	it('honours an ignore list', () => {
		const quiet = EntityDictionary.from([{ name: 'Moscow', type: 'capital', aliases: ['Moskva'] }], ['moskva']);
		expect(surfaces(findMentions('Moskva and Moscow', quiet))).toEqual(['Moscow→Moscow']);
	});
});

describe('shared short names', () => {
	it('does not make a given name shared by two people an alias of either', () => {
		const { entities, mentions } = discoverEntities(
			[
				{ id: 'a', text: 'Leader Kim Jong Un spoke. Kim smiled, and Kim Jong Un left.' },
				{ id: 'b', text: 'His father Kim Jong Il ruled before. Kim died in 2011, said Kim Jong Un.' },
			],
			{ includeSingletons: true },
		);
		for (const e of entities) expect(e.aliases).not.toContain('Kim');
		expect((mentions.get('a') ?? []).filter((m) => m.surface === 'Kim').map((m) => m.entity)).toEqual(['Kim Jong Un']);
		expect((mentions.get('b') ?? []).filter((m) => m.surface === 'Kim').map((m) => m.entity)).toEqual(['Kim Jong Il']);
	});
});
