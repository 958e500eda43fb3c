// Generates raw pages of the genre (menu, banner, headline, byline, prose, bio, footer) from our own
// vocabulary, deterministically, for throughput benchmarks. No third-party text.
//
// The prose has the lexical spread of real writing (function words, then a Zipf-distributed vocabulary of
// invented words, and a long tail of names), so two distinct articles share about as few five-word runs as
// two real ones do. A small fixed vocabulary would make every article a near-copy of every other and turn
// duplicate detection, entity discovery and linking into a different (and unrealistic) problem.

const CAPITALS = ['Seoul', 'Tokyo', 'Washington', 'Beijing', 'Pyongyang', 'Moscow', 'Brussels', 'Kyiv', 'Tehran', 'Delhi', 'Ankara', 'Canberra', 'Hanoi', 'Manila', 'Jakarta'];
const ACTORS = ['the Kremlin', 'the White House', 'Vladimir Putin', 'Kim Jong Un', 'Xi Jinping', 'the European Union', 'NATO', 'the United Nations'];
const CONCEPTS = ['sanctions', 'denuclearization', 'the Six-Party Talks', 'the ABM Treaty', 'missile defence', 'deterrence', 'energy security'];
const FUNCTION_WORDS = 'the of and to in a that is for on as with by it was its at from this be has are which have but not an or their more than will been would also its they who into after over such these there about can'.split(' ');
const SYLLABLES = 'ka ri to mu sen da vo li ne pra gor tem shi lu bar min zo fe rak tul des ori an ven kor mal si pe nu gra hol tis ev'.split(' ');
const SITES = ['The Observatory', 'Harbor Review', 'Pacific Desk', 'Eastern Ledger', 'Policy Wire', 'North Quarterly', 'Crosswind Daily', 'Meridian Notes'];

export function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function inventWord(r: () => number, syllables: number): string {
	let w = '';
	for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
	return w;
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Vocabulary shared by every page (so words recur as in a real corpus), built once. */
const VOCABULARY = (() => {
	const r = rng(7);
	const words = new Set<string>();
	while (words.size < 20000) words.add(inventWord(r, 2 + Math.floor(r() * 3)));
	const people = Array.from({ length: 600 }, () => `${capitalise(inventWord(r, 2))} ${capitalise(inventWord(r, 2 + Math.floor(r() * 2)))}`);
	return { words: [...words], people };
})();

/** Cumulative Zipf weights (exponent ~1, as in English) for sampling a rank. */
function zipfTable(size: number): Float64Array {
	const cumulative = new Float64Array(size);
	let sum = 0;
	for (let i = 0; i < size; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, 1.05);
	for (let i = 0; i < size; i++) cumulative[i] /= sum;
	return cumulative;
}
const WORD_RANKS = zipfTable(VOCABULARY.words.length);
const PERSON_RANKS = zipfTable(VOCABULARY.people.length);

function sampleRank(table: Float64Array, x: number): number {
	let lo = 0;
	let hi = table.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (table[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The body paragraphs of article `n`; a republished copy passes the original's `n`. */
function articleBody(n: number): { headline: string; author: string; paragraphs: string[] } {
	const r = rng(n * 2 + 1);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
	const word = () => (r() < 0.45 ? pick(FUNCTION_WORDS) : VOCABULARY.words[sampleRank(WORD_RANKS, r())]);
	const person = () => VOCABULARY.people[sampleRank(PERSON_RANKS, r())];
	const name = () => {
		const x = r();
		return x < 0.4 ? pick(CAPITALS) : x < 0.6 ? pick(ACTORS) : x < 0.8 ? pick(CONCEPTS) : person();
	};
	const sentence = () => {
		const length = 12 + Math.floor(r() * 18);
		const parts: string[] = [];
		for (let i = 0; i < length; i++) {
			parts.push(r() < 0.08 ? name() : word());
			if (i > 3 && i < length - 3 && r() < 0.06) parts[parts.length - 1] += ',';
		}
		return `${capitalise(parts.join(' '))}.`;
	};
	const paragraphs = Array.from({ length: 7 + Math.floor(r() * 5) }, () => Array.from({ length: 2 + Math.floor(r() * 3) }, sentence).join(' '));
	const headline = capitalise(`${pick(ACTORS)} and ${pick(CAPITALS)}: ${word()} ${VOCABULARY.words[sampleRank(WORD_RANKS, r())]} ${word()} ${VOCABULARY.words[sampleRank(WORD_RANKS, r())]}`);
	return { headline, author: person(), paragraphs };
}

/** Share of pages that republish an earlier page's article under another outlet's furniture. */
const REPUBLISHED_EVERY = 50;

export function generatePage(n: number): string {
	const republished = n >= REPUBLISHED_EVERY && n % REPUBLISHED_EVERY === 0;
	const { headline, author, paragraphs } = articleBody(republished ? n - 17 : n);
	const site = SITES[n % SITES.length];
	const r = rng(n + 1000003);
	return [
		'• Home',
		'• World',
		'• Analysis',
		'• Subscribe',
		'',
		`Support ${site} – go ad-free!`,
		'',
		headline,
		'',
		`By ${author}`,
		`Published on March ${1 + (n % 28)}, 2024`,
		'',
		...paragraphs.flatMap((p) => [p, '']),
		'About the author',
		'',
		`${author} writes about ${CONCEPTS[Math.floor(r() * CONCEPTS.length)]} for ${site}.`,
		'',
		'Related articles',
		'• Another view',
		'• More analysis',
		'',
		`© 2024 ${site}. All rights reserved.`,
		'',
	].join('\n');
}
