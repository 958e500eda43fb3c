// Duplicate-finder bench: MinHash + LSH on generated articles with planted near-copies, against a
// naive all-pairs comparison measured in the same run on the smaller size.
// usage: npx tsx bench/import-dedupe.ts [--sizes 1000,10000] [--reps 3]
// Prints time per size, the growth ratio (10× the articles should cost about 10× the time), the
// speed-up over all-pairs, and precision/recall on the planted copies. No third-party text is used.
import { DuplicateFinder, shingleSet, similarity } from '../src/core/import/duplicates';

const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '1000,10000').split(',').map(Number);
// Best of several runs: the machine may be shared, and the minimum is the least disturbed figure.
const reps = Number(args.includes('--reps') ? args[args.indexOf('--reps') + 1] : '3');

/** Deterministic PRNG (mulberry32), so every run times the same corpus. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Corpus {
	texts: string[];
	/** For planted copies: index of the original. */
	copyOf: (number | null)[];
}

/** Articles of 250-600 words over a Zipf-like vocabulary; about 5% are edited copies of an earlier one. */
function generate(n: number, seed = 42): Corpus {
	const rand = rng(seed);
	const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'da', 'pe', 'shi', 'an', 'or', 'el', 'ist', 'ung'];
	const vocab = Array.from({ length: 20000 }, () => {
		const len = 1 + Math.floor(rand() * 3);
		return Array.from({ length: len }, () => syllables[Math.floor(rand() * syllables.length)]).join('');
	});
	// Frequent function words make distinct articles share short phrases, as real prose does.
	const word = () => vocab[Math.floor(Math.pow(rand(), 2.5) * vocab.length)];
	const texts: string[] = [];
	const copyOf: (number | null)[] = [];
	for (let i = 0; i < n; i++) {
		if (i > 10 && rand() < 0.05) {
			const original = Math.floor(rand() * i);
			const words = texts[original].split(/\s+/);
			// Edit ~3% of the words, drop the last tenth, add other boilerplate at both ends.
			for (let k = 0; k < words.length * 0.03; k++) words[Math.floor(rand() * words.length)] = word();
			const kept = words.slice(0, Math.floor(words.length * 0.9));
			texts.push(`Republished with permission from our partners.\n${kept.join(' ')}\nSubscribe for more stories like this.`);
			copyOf.push(copyOf[original] ?? original);
			continue;
		}
		const length = 250 + Math.floor(rand() * 350);
		texts.push(Array.from({ length }, word).join(' '));
		copyOf.push(null);
	}
	return { texts, copyOf };
}

function runFinder(corpus: Corpus): { ms: number; found: (number | null)[] } {
	const started = performance.now();
	const finder = new DuplicateFinder();
	const found = corpus.texts.map((t, i) => {
		const m = finder.add(String(i), t);
		return m.duplicateOf === null ? null : Number(m.duplicateOf);
	});
	return { ms: performance.now() - started, found };
}

/** The obvious approach: compare every text with every earlier one, same verification rule. */
function runNaive(corpus: Corpus): { ms: number; found: (number | null)[] } {
	const started = performance.now();
	const sets: Uint32Array[] = [];
	const root: number[] = [];
	const found = corpus.texts.map((t, i) => {
		const s = shingleSet(t);
		let best = -1;
		let bestScore = 0;
		for (let j = 0; j < sets.length; j++) {
			const sim = similarity(s, sets[j]);
			const dup = Math.min(s.length, sets[j].length) >= 20 && (sim.jaccard >= 0.5 || sim.containment >= 0.85);
			if (dup && sim.jaccard + sim.containment > bestScore) {
				best = j;
				bestScore = sim.jaccard + sim.containment;
			}
		}
		sets.push(s);
		root.push(best < 0 ? i : root[best]);
		return best < 0 ? null : root[best];
	});
	return { ms: performance.now() - started, found };
}

function score(corpus: Corpus, found: (number | null)[]): { precision: number; recall: number; planted: number } {
	let tp = 0;
	let fp = 0;
	let planted = 0;
	corpus.copyOf.forEach((truth, i) => {
		if (truth !== null) planted++;
		if (found[i] === null) return;
		if (truth !== null && found[i] === truth) tp++;
		else fp++;
	});
	return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: planted === 0 ? 1 : tp / planted, planted };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const results: { n: number; ms: number }[] = [];
let naiveSmall: { n: number; ms: number } | null = null;

// Warm up the JIT so the first size is not charged for compilation.
runFinder(generate(300, 7));

for (const n of sizes) {
	const corpus = generate(n);
	let lsh = runFinder(corpus);
	for (let r = 1; r < reps; r++) {
		const again = runFinder(corpus);
		if (again.ms < lsh.ms) lsh = again;
	}
	const s = score(corpus, lsh.found);
	results.push({ n, ms: lsh.ms });
	console.log(`MinHash+LSH  n=${n}: best of ${reps} ${fmt(lsh.ms)} (${(lsh.ms / n).toFixed(2)} ms/article), planted copies ${s.planted}, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
	if (n === Math.min(...sizes)) {
		const naive = runNaive(corpus);
		const ns = score(corpus, naive.found);
		naiveSmall = { n, ms: naive.ms };
		console.log(`all-pairs    n=${n}: ${fmt(naive.ms)}, precision ${ns.precision.toFixed(3)}, recall ${ns.recall.toFixed(3)}`);
		console.log(`  speed-up of LSH over all-pairs at n=${n}: ${(naive.ms / lsh.ms).toFixed(1)}×`);
	}
}

if (results.length > 1) {
	const [a, b] = [results[0], results[results.length - 1]];
	const growth = b.n / a.n;
	console.log(`growth: ${growth}× the articles took ${(b.ms / a.ms).toFixed(1)}× the time with LSH (linear = ${growth}×, all-pairs = ${growth * growth}×)`);
	if (naiveSmall) {
		const projected = naiveSmall.ms * growth * growth;
		console.log(`all-pairs projected to n=${b.n} (quadratic from the measured n=${naiveSmall.n}): ${fmt(projected)}, ${(projected / b.ms).toFixed(0)}× the LSH time`);
	}
}
