// Places Envoy knows without reading anything: countries and capitals from countries-list, demonyms from
// world-countries, and short hand-written lists for what no package carries (government metonyms, common display
// names, a few major cities and regions).
import { continents, countries } from 'countries-list';
import worldCountries from 'world-countries';
import type { EntityType } from '../types';

export interface Place {
	name: string;
	type: Extract<EntityType, 'country' | 'capital' | 'place' | 'organisation'>;
	aliases: string[];
	/** Adjectives for the place ("Russian", "North Korean"): "Russian troops" links to Russia. */
	demonyms: string[];
	/**
	 * Nouns for its people ("Russians", "North Koreans", "a Briton"): the people are not the country, so these never
	 * link to it; they are peoples, like "Kurds", and get no note of their own.
	 */
	peoples: string[];
	country?: string;
	metonyms?: string[];
}

// Display names people use rather than the package's official ones.
const COUNTRY_DISPLAY: Record<string, string> = { TR: 'Turkey', CZ: 'Czech Republic', CV: 'Cape Verde', VA: 'Vatican' };
const COUNTRY_EXTRA_ALIASES: Record<string, string[]> = {
	US: ['U.S.', 'U.S.A.', 'United States of America'],
	GB: ['U.K.', 'Great Britain'],
	KR: ['ROK', 'S. Korea'],
	KP: ["Democratic People's Republic of Korea", 'N. Korea'],
	CN: ["People's Republic of China", 'PRC'],
	RU: ['Russian Federation'],
	TR: ['Türkiye', 'Turkiye'],
	CZ: ['Czechia'],
	AE: ['U.A.E.'],
	CI: ["Côte d'Ivoire"],
};
const CAPITAL_DISPLAY: Record<string, { name: string; aliases: string[] }> = {
	US: { name: 'Washington', aliases: ['Washington, D.C.', 'Washington D.C.', 'Washington DC'] },
	UA: { name: 'Kyiv', aliases: ['Kiev'] },
	CN: { name: 'Beijing', aliases: ['Peking'] },
	MN: { name: 'Ulaanbaatar', aliases: ['Ulan Bator'] },
	MM: { name: 'Naypyidaw', aliases: ['Nay Pyi Taw'] },
	IN: { name: 'New Delhi', aliases: ['Delhi'] },
	MD: { name: 'Chisinau', aliases: ['Chișinău'] },
};
// The seat of government that speaks for a capital in diplomatic prose.
const METONYMS: Record<string, string[]> = {
	RU: ['Kremlin'],
	US: ['White House', 'Pentagon', 'Capitol Hill', 'Foggy Bottom'],
	KR: ['Blue House', 'Cheong Wa Dae'],
	CN: ['Zhongnanhai'],
	JP: ['Kasumigaseki', 'Nagatacho'],
	GB: ['Downing Street', 'Whitehall'],
	FR: ['Élysée', 'Elysee', 'Élysée Palace', "Quai d'Orsay"],
	DE: ['Chancellery'],
	UA: ['Bankova'],
	IN: ['South Block', 'Raisina Hill'],
	IT: ['Palazzo Chigi'],
	ES: ['Moncloa'],
	CA: ['Parliament Hill'],
	BE: ['Berlaymont'],
};
// Places without a package: a region list and major non-capital cities (country code after the colon).
const REGIONS = `Middle East; Near East; Far East; East Asia; Northeast Asia; Southeast Asia; Central Asia; South Asia;
Eastern Europe; Western Europe; Central Europe; Balkans; Caucasus; Baltics; Scandinavia; Siberia; Crimea; Donbas; Kashmir;
Chechnya; Tibet; Xinjiang; Kurdistan; West Bank; Gaza Strip; Golan Heights; Sinai; Arctic; Pacific; Atlantic;
Mediterranean; Black Sea; Baltic Sea; South China Sea; East China Sea; Persian Gulf; Gulf; Korean Peninsula;
Latin America; Caribbean; Sahel; Horn of Africa; Strait of Hormuz; Taiwan Strait; Indian Ocean; Asia-Pacific;
Indo-Pacific; Eurasia; Transnistria; Abkhazia; South Ossetia; Kosovo; Northern Ireland; England; Scotland; Wales`;
const CITIES = `New York:US; Los Angeles:US; Chicago:US; Houston:US; San Francisco:US; Boston:US; Miami:US; Seattle:US;
Detroit:US; Atlanta:US; Philadelphia:US; Dallas:US; Las Vegas:US; New Orleans:US; Toronto:CA; Montreal:CA; Vancouver:CA;
Sydney:AU; Melbourne:AU; Brisbane:AU; Perth:AU; Auckland:NZ; Shanghai:CN; Guangzhou:CN; Shenzhen:CN; Chongqing:CN;
Wuhan:CN; Osaka:JP; Kyoto:JP; Yokohama:JP; Hiroshima:JP; Nagasaki:JP; Okinawa:JP; Busan:KR; Incheon:KR; Kaesong:KP;
Vladivostok:RU; St Petersburg:RU; Saint Petersburg:RU; Novosibirsk:RU; Yekaterinburg:RU; Grozny:RU; Istanbul:TR;
Dubai:AE; Jeddah:SA; Mecca:SA; Karachi:PK; Lahore:PK; Mumbai:IN; Bombay:IN; Kolkata:IN; Calcutta:IN; Chennai:IN;
Bangalore:IN; Johannesburg:ZA; Cape Town:ZA; Durban:ZA; Lagos:NG; Alexandria:EG; Casablanca:MA; Rio de Janeiro:BR;
Sao Paulo:BR; São Paulo:BR; Geneva:CH; Zurich:CH; Frankfurt:DE; Munich:DE; Hamburg:DE; Bonn:DE; Milan:IT; Naples:IT;
Barcelona:ES; Manchester:GB; Liverpool:GB; Birmingham:GB; Glasgow:GB; Edinburgh:GB; Marseille:FR; Lyon:FR;
Rotterdam:NL; The Hague:NL; Antwerp:BE; Gdansk:PL; Krakow:PL; Odesa:UA; Odessa:UA; Kharkiv:UA; Donetsk:UA; Luhansk:UA;
Sevastopol:UA; Aleppo:SY; Mosul:IQ; Basra:IQ; Benghazi:LY; Kandahar:AF; Herat:AF`;
// US states (Washington and Georgia left to the capital and the country) and Canadian provinces.
const STATES = `Alabama:US; Alaska:US; Arizona:US; Arkansas:US; California:US; Colorado:US; Connecticut:US; Delaware:US; Florida:US;
Hawaii:US; Idaho:US; Illinois:US; Indiana:US; Iowa:US; Kansas:US; Kentucky:US; Louisiana:US; Maine:US; Maryland:US;
Massachusetts:US; Michigan:US; Minnesota:US; Mississippi:US; Missouri:US; Montana:US; Nebraska:US; Nevada:US;
New Hampshire:US; New Jersey:US; New Mexico:US; North Carolina:US; North Dakota:US; Ohio:US; Oklahoma:US; Oregon:US;
Pennsylvania:US; Rhode Island:US; South Carolina:US; South Dakota:US; Tennessee:US; Texas:US; Utah:US; Vermont:US;
Virginia:US; West Virginia:US; Wisconsin:US; Wyoming:US; Ontario:CA; Quebec:CA; Alberta:CA; British Columbia:CA; Manitoba:CA`;
// Names whose people-words no package lists, mapped to the place they come from: adjectives, then people.
const EXTRA_DEMONYMS: Record<string, [string[], string[]]> = {
	'Soviet Union': [['Soviet'], ['Soviets']],
	Europe: [['European'], ['Europeans']],
	Asia: [['Asian'], ['Asians']],
	Africa: [['African'], ['Africans']],
	'United Kingdom': [[], ['Briton', 'Britons']],
	England: [['English'], []],
	Scotland: [['Scottish'], ['Scot', 'Scots']],
	Wales: [['Welsh'], []],
	Korea: [['Korean'], ['Koreans']],
	'Latin America': [['Latin American'], ['Latin Americans']],
};
const HISTORICAL: Place[] = [
	{ name: 'Soviet Union', type: 'place', aliases: ['USSR', 'U.S.S.R.'], demonyms: [], peoples: [] },
	{ name: 'Korea', type: 'place', aliases: [], demonyms: [], peoples: [] },
];
// International organisations that foreign-policy news names every day ("name: aliases").
const ORGANISATIONS = `United Nations: UN, U.N. | NATO: North Atlantic Treaty Organization, Nato | European Union: EU, E.U. |
International Monetary Fund: IMF | World Bank | World Trade Organization: WTO | OPEC | Federal Reserve: Fed |
International Atomic Energy Agency: IAEA | Red Cross: International Committee of the Red Cross, ICRC |
Organization for Security and Co-operation in Europe: OSCE, Organisation for Security and Cooperation in Europe |
Association of Southeast Asian Nations: ASEAN | African Union | Shanghai Cooperation Organisation: SCO |
UN Security Council: Security Council, U.N. Security Council | World Health Organization: WHO | Interpol |
Hamas | Hezbollah: Hizbollah | Taliban | Al-Qaeda: al-Qaeda, al Qaeda, al-Qaida | Islamic State: ISIS, ISIL |
Group of Seven: G7, G-7 | Group of 20: G20, G-20 | European Commission | Arab League`;

function plural(demonym: string): string | null {
	if (/(ese|ish|ch|ss)$/.test(demonym)) return null;
	return demonym + 's';
}

let cached: Place[] | null = null;

/** Every built-in place, built once. */
export function builtinPlaces(): Place[] {
	if (cached) return cached;
	const demonymsByCode = new Map<string, string[]>();
	const peoplesByCode = new Map<string, string[]>();
	// UN members first, so "American" names the United States and not a territory that shares the word.
	const ordered = [...worldCountries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
	const taken = new Set<string>();
	for (const c of ordered) {
		const eng = c.demonyms?.eng;
		if (!eng) continue;
		const forms = new Set<string>();
		const peoples = new Set<string>();
		// Some entries list two words in one string ("Bosnian, Herzegovinian").
		for (const d of [eng.m, eng.f].flatMap((x) => (x ? x.split(/,| or /).map((y) => y.trim()) : []))) {
			if (!d || taken.has(d)) continue;
			taken.add(d);
			forms.add(d);
			const p = plural(d);
			if (p) peoples.add(p);
		}
		demonymsByCode.set(c.cca2, [...forms]);
		peoplesByCode.set(c.cca2, [...peoples]);
	}
	const places: Place[] = [];
	const countryName = new Map<string, string>();
	for (const [code, c] of Object.entries(countries)) {
		const name = COUNTRY_DISPLAY[code] ?? c.name;
		countryName.set(code, name);
		const aliases = new Set([...(c.name !== name ? [c.name] : []), ...((c as { alias?: string[] }).alias ?? []), ...(COUNTRY_EXTRA_ALIASES[code] ?? [])]);
		aliases.delete(name);
		places.push({ name, type: 'country', aliases: [...aliases], demonyms: demonymsByCode.get(code) ?? [], peoples: peoplesByCode.get(code) ?? [] });
		const display = CAPITAL_DISPLAY[code];
		const capital = display?.name ?? c.capital;
		// City-states and territories whose capital is named like the country stay countries only.
		if (!capital || capital === name || capital === c.name || capital.startsWith('City of ')) continue;
		const capAliases = new Set([...(display?.aliases ?? []), ...(c.capital !== capital ? [c.capital] : [])]);
		capAliases.delete(capital);
		places.push({ name: capital, type: 'capital', aliases: [...capAliases], demonyms: [], peoples: [], country: name, metonyms: METONYMS[code] ?? [] });
	}
	for (const name of Object.values(continents)) places.push({ name, type: 'place', aliases: [], demonyms: [], peoples: [] });
	for (const name of REGIONS.split(';')) places.push({ name: name.trim(), type: 'place', aliases: [], demonyms: [], peoples: [] });
	for (const item of [...CITIES.split(';'), ...STATES.split(';')]) {
		const [name, code] = item.trim().split(':');
		places.push({ name, type: 'place', aliases: [], demonyms: [], peoples: [], country: countryName.get(code) });
	}
	places.push(...HISTORICAL.map((p) => ({ ...p })));
	for (const item of ORGANISATIONS.split('|')) {
		const [name, aliases] = item.split(':');
		places.push({ name: name.trim(), type: 'organisation', aliases: (aliases ?? '').split(',').map((a) => a.trim()).filter(Boolean), demonyms: [], peoples: [] });
	}
	for (const p of places) {
		const extra = EXTRA_DEMONYMS[p.name];
		if (!extra) continue;
		p.demonyms = [...p.demonyms, ...extra[0]];
		p.peoples = [...p.peoples, ...extra[1]];
	}
	cached = places;
	return places;
}

export interface PlaceHit {
	place: Place;
	form: 'name' | 'alias' | 'demonym' | 'metonym';
}

let index: Map<string, PlaceHit> | null = null;

/** Built-in places by name key; the first place to claim a key keeps it (countries come first). */
export function placeIndex(keyOf: (name: string) => string): Map<string, PlaceHit> {
	if (index) return index;
	const map = new Map<string, PlaceHit>();
	const add = (form: string, hit: PlaceHit) => {
		const key = keyOf(form);
		if (key && !map.has(key)) map.set(key, hit);
	};
	const places = builtinPlaces();
	for (const place of places) add(place.name, { place, form: 'name' });
	for (const place of places) {
		for (const a of place.aliases) add(a, { place, form: 'alias' });
		for (const d of place.demonyms) add(d, { place, form: 'demonym' });
		for (const m of place.metonyms ?? []) add(m, { place, form: 'metonym' });
	}
	index = map;
	return map;
}

let demonymKeys: Set<string> | null = null;
let peopleKeys: Set<string> | null = null;

/** Whether a surface is a people-word of a built-in place, adjective or noun ("Russian", "North Koreans"). */
export function isDemonymForm(surface: string, keyOf: (name: string) => string = defaultKey): boolean {
	if (!demonymKeys) {
		demonymKeys = new Set();
		for (const p of builtinPlaces()) for (const d of [...p.demonyms, ...p.peoples]) demonymKeys.add(keyOf(d));
	}
	return demonymKeys.has(keyOf(surface));
}

let adjectiveKeys: Set<string> | null = null;

/** Whether a name key is an adjective for a place ("russian", "north korean"). */
export function isDemonymKey(key: string, keyOf: (name: string) => string): boolean {
	if (!adjectiveKeys) {
		adjectiveKeys = new Set();
		for (const p of builtinPlaces()) for (const d of p.demonyms) adjectiveKeys.add(keyOf(d));
	}
	return adjectiveKeys.has(key);
}

let tails: Set<string> | null = null;

/** The last words of the peoples named in several words ("koreans" of "north koreans"). */
export function peopleTails(keyOf: (name: string) => string): Set<string> {
	if (!tails) {
		tails = new Set();
		for (const p of builtinPlaces()) for (const d of p.peoples) {
			const key = keyOf(d);
			if (key.includes(' ')) tails.add(key.slice(key.lastIndexOf(' ') + 1));
		}
	}
	return tails;
}

/** Whether a name key is a noun for a people ("koreans", "north koreans", "briton"). */
export function isPeopleKey(key: string, keyOf: (name: string) => string): boolean {
	if (!peopleKeys) {
		peopleKeys = new Set();
		for (const p of builtinPlaces()) for (const d of p.peoples) peopleKeys.add(keyOf(d));
		// An adjective is no noun for the people, whatever another country's plural makes of it.
		for (const p of builtinPlaces()) for (const d of p.demonyms) peopleKeys.delete(keyOf(d));
	}
	return peopleKeys.has(key);
}

function defaultKey(name: string): string {
	return name.toLowerCase().replace(/\./g, '').replace(/[\s-]+/g, ' ').trim();
}
