// Generates raw pages of the genre (menu, banner, headline, byline, prose, bio, footer) from our own
// vocabulary, deterministically, for throughput benchmarks. No third-party text.

const CAPITALS = ['Seoul', 'Tokyo', 'Washington', 'Beijing', 'Pyongyang', 'Moscow', 'Brussels', 'Kyiv', 'Tehran', 'Delhi'];
const ACTORS = ['the Kremlin', 'the White House', 'Vladimir Putin', 'Kim Jong Un', 'Xi Jinping', 'the European Union', 'NATO', 'the United Nations'];
const CONCEPTS = ['sanctions', 'denuclearization', 'the Six-Party Talks', 'the ABM Treaty', 'missile defence', 'deterrence', 'energy security'];
const VERBS = ['signals', 'warns', 'reassures', 'pressures', 'courts', 'tests', 'reminds', 'urges'];
const FILLER = ['carefully', 'again', 'quietly', 'openly', 'at last', 'for now', 'once more', 'in public'];
const NOUNS = ['policy', 'strategy', 'position', 'offer', 'ultimatum', 'overture', 'gambit', 'approach'];

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

export function generatePage(n: number): string {
	const r = rng(n + 1);
	const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
	const sentence = () =>
		`${pick(ACTORS)} ${pick(VERBS)} ${pick(CAPITALS)} ${pick(FILLER)} over ${pick(CONCEPTS)}, and its ${pick(NOUNS)} toward ${pick(CAPITALS)} reflects ${pick(CONCEPTS)} in article ${n}.`.replace(/^./, (c) => c.toUpperCase());
	const paragraphs = Array.from({ length: 6 + Math.floor(r() * 6) }, () => Array.from({ length: 3 + Math.floor(r() * 3) }, sentence).join(' '));
	return [
		'• Home',
		'• World',
		'• Analysis',
		'• Subscribe',
		'',
		'Support the Observatory – go ad-free!',
		'',
		`${pick(ACTORS)} and ${pick(CAPITALS)}: a new ${pick(NOUNS)} (${n})`.replace(/^./, (c) => c.toUpperCase()),
		'',
		`By Analyst ${n % 97}`,
		`Published on March ${1 + (n % 28)}, 2024`,
		'',
		...paragraphs.flatMap((p) => [p, '']),
		'About the author',
		'',
		`Analyst ${n % 97} writes about ${pick(CONCEPTS)}.`,
		'',
		'Related articles',
		'• Another view',
		'• More analysis',
		'',
		'© 2024 The Observatory. All rights reserved.',
		'',
	].join('\n');
}
