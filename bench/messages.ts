// Messages-to-capitals model: parse + build over a generated 10,000-note vault, then one-note updates.
// Baselines in the same run: a full rebuild after each change, `sentence-splitter` against our splitter,
// remark against our line parser. Run: npx tsx bench/messages.ts [--notes 10000] [--runs 5]
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { split as splitterSplit } from 'sentence-splitter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { MessagesIndex, parseSourceNote, splitSentences, type CapitalInfo, type SourceNote } from '../src/core/messages';

const arg = (name: string, fallback: number): number => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const NOTES = arg('notes', 10_000);
const RUNS = Math.max(1, arg('runs', 5));
const LINKS_PER_NOTE = 5;

// Deterministic PRNG so every run measures the same vault.
let seed = 42;
const rand = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const CAPITALS: CapitalInfo[] = Array.from({ length: 60 }, (_, i) => ({
	note: `Capital${i}`,
	path: `Entities/Capital${i}.md`,
	country: `Country${i}`,
	metonyms: i % 3 === 0 ? [`the Palace${i}`] : [],
	aliases: [`Cap${i}`],
}));

const CUES = [
	(a: string, b: string) => `${a} is sending messages to ${b} and the wider region.`,
	(a: string, b: string) => `The message to ${b} is different, and ${a} knows it.`,
	(a: string, b: string) => `Clearly, ${a} expects ${b} to stay away from the sanctions drive.`,
	(a: string, b: string) => `To ${b}, ${a} can be a friend, but not a follower.`,
	(a: string, b: string) => `Talks were held in ${b} last week, with envoys from ${a}.`,
	(a: string, b: string) => `Officials in ${a} said trade with ${b} grew by four percent.`,
	(a: string, b: string) => `${b} needs to decide where it stands, say analysts close to ${a}.`,
];
const PROSE = [
	'The window for resolving the long-running dispute has closed, and few expect it to reopen soon.',
	'Economic ties remain strong, though the figures hide a more complicated picture of investment.',
	'Even though most observers continue to see the region as stable, the confrontation promises to be long.',
	'Energy projects, such as the proposed pipeline and the rail link, are back on the table.',
	'None of this is new; what is new is the tone of the statements issued this month.',
];

function link(i: number): string {
	return rand() < 0.15 ? `[[Country${i}]]` : rand() < 0.1 && i % 3 === 0 ? `[[Palace${i}|the Palace${i}]]` : `[[Capital${i}]]`;
}

function makeNote(n: number): string {
	const paragraphs: string[] = [];
	let links = 0;
	while (links < LINKS_PER_NOTE) {
		paragraphs.push(pick(PROSE) + ' ' + pick(PROSE));
		const a = Math.floor(rand() * CAPITALS.length);
		const b = Math.floor(rand() * CAPITALS.length);
		// A dispatch number keeps sentences distinct, so republication folding does not shrink the model.
		paragraphs.push(pick(CUES)(link(a), link(b)).replace(/\.$/, ` (dispatch ${n}.${paragraphs.length}).`) + ' ' + pick(PROSE));
		links += 2;
		if (rand() < 0.5) {
			paragraphs.push(`${pick(PROSE)} The ministry in ${link(b)} declined to comment on dispatch ${n}.${paragraphs.length}.`);
			links += 1;
		}
	}
	const body = paragraphs.map((p, i) => `${p} ^p${n}x${i}`).join('\n\n');
	return `---\ntitle: "Article ${n}"\npublisher: Outlet ${n % 17}\nauthors: ["[[Author ${n % 97}]]"]\npublished: 20${10 + (n % 15)}-0${1 + (n % 9)}-1${n % 10}\n---\n${body}\n`;
}

// The bench machines are shared (load averages far above the core count are common), so besides wall time
// the process CPU time is recorded: it is what the code costs, whatever the neighbours do.
let lastCpu = 0;
const time = <T>(f: () => T): [T, number] => {
	const c = process.cpuUsage();
	const t = performance.now();
	const r = f();
	const used = process.cpuUsage(c);
	lastCpu = (used.user + used.system) / 1000;
	return [r, performance.now() - t];
};
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const files = Array.from({ length: NOTES }, (_, n) => [`Articles/Article ${n}.md`, makeNote(n)] as const);
const linkCount = files.reduce((s, [, md]) => s + (md.match(/\[\[(?:Capital|Country|Palace)\d+/g)?.length ?? 0), 0);
console.log(`vault: ${NOTES} notes, ${linkCount} links to capitals, ${(files.reduce((s, [, md]) => s + md.length, 0) / 1e6).toFixed(1)} MB, ${CAPITALS.length} capitals`);

// Warm-up on a slice, so the first build is not all JIT compilation.
{
	const w = new MessagesIndex();
	w.setCapitals(CAPITALS);
	for (const [p, md] of files.slice(0, 500)) w.upsert(parseSourceNote(p, md));
	w.model();
}

const build = (ns: SourceNote[]): MessagesIndex => {
	const index = new MessagesIndex();
	index.setCapitals(CAPITALS);
	for (const n of ns) index.upsert(n);
	return index;
};
// Complete builds (parse, detect + index, model); the first is cold, the best is what the code costs.
const runs: { parse: number[]; index: number[]; model: number[] }[] = [];
let index = new MessagesIndex();
let model = index.model();
for (let r = 0; r < RUNS; r++) {
	// Each build starts with nothing in memory, as on the plugin's first load: the last build's index and model
	// are let go first, so they do not double the heap this build's collector works through.
	index = new MessagesIndex();
	model = index.model();
	const [notes, parseMs] = time(() => files.map(([p, md]) => parseSourceNote(p, md)));
	const parseCpu = lastCpu;
	const [built, indexMs] = time(() => build(notes));
	const indexCpu = lastCpu;
	const [m, modelMs] = time(() => built.model());
	runs.push({ parse: [parseMs, parseCpu], index: [indexMs, indexCpu], model: [modelMs, lastCpu] });
	index = built;
	model = m;
}
const found = model.capitals.reduce((s, c) => s + c.messages.length, 0);
const totalOf = (r: (typeof runs)[number], k: 0 | 1): number => r.parse[k] + r.index[k] + r.model[k];
const best = runs.reduce((a, b) => (totalOf(b, 0) < totalOf(a, 0) ? b : a));
const bestCpu = runs.reduce((a, b) => (totalOf(b, 1) < totalOf(a, 1) ? b : a));
console.log(`load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; figures are wall / process CPU of the build with the best wall time, of ${runs.length} builds`);
console.log(`parse all notes:       ${ms(best.parse[0])} / ${ms(best.parse[1])}`);
console.log(`detect + index:        ${ms(best.index[0])} / ${ms(best.index[1])}`);
console.log(`model():               ${ms(best.model[0])} / ${ms(best.model[1])}  (${found} messages in ${model.capitals.filter((c) => c.messages.length).length} sections)`);
const total = totalOf(best, 0);
const totalCpu = Math.min(totalOf(best, 1), totalOf(bestCpu, 1));
console.log(`full build:            ${ms(total)} / ${ms(totalOf(best, 1))}, best CPU of any build ${ms(totalCpu)}  (cold first build ${ms(totalOf(runs[0], 0))} / ${ms(totalOf(runs[0], 1))})  target ≤ 1000 ms: ${total <= 1000 ? 'met' : totalCpu <= 1000 ? 'met in CPU time, not in wall time' : 'MISSED'}`);
const [, cachedMs] = time(() => index.model());
console.log(`model() again, cached: ${ms(cachedMs)}`);

// One note changes: re-parse it, upsert, and read the model, as the plugin does on a vault 'modify' event.
const updates: number[] = [];
for (let i = 0; i < 300; i++) {
	const n = Math.floor(rand() * NOTES);
	const md = makeNote(NOTES + i);
	const [, t] = time(() => {
		index.upsert(parseSourceNote(files[n][0], md));
		index.model();
	});
	updates.push(t);
}
const median = pct(updates, 0.5);
console.log(`update after one note: median ${ms(median)}, p95 ${ms(pct(updates, 0.95))}, max ${ms(Math.max(...updates))}  target ≤ 20 ms: ${pct(updates, 0.95) <= 20 ? 'met' : 'MISSED'}`);

// The same with "show all mentions" on: those sections are re-assembled rather than patched.
const updatesAll: number[] = [];
index.model({ showAllMentions: true });
for (let i = 0; i < 100; i++) {
	const n = Math.floor(rand() * NOTES);
	const md = makeNote(NOTES + 1000 + i);
	updatesAll.push(time(() => {
		index.upsert(parseSourceNote(files[n][0], md));
		index.model({ showAllMentions: true });
	})[1]);
}
console.log(`  … with all mentions:  median ${ms(pct(updatesAll, 0.5))}, p95 ${ms(pct(updatesAll, 0.95))}, max ${ms(Math.max(...updatesAll))}`);

// Baseline: what a non-incremental model costs per change (parse everything again, rebuild, assemble).
const naive: number[] = [];
for (let i = 0; i < 3; i++) naive.push(time(() => build(files.map(([p, md]) => parseSourceNote(p, md))).model())[1]);
const naiveMedian = pct(naive, 0.5);
console.log(`baseline full rebuild per change: ${ms(naiveMedian)}  → incremental is ${(naiveMedian / median).toFixed(0)}× faster`);

// Sentence splitting: ours against sentence-splitter, over the paragraphs the detector actually splits.
const paragraphs = files.slice(0, 2000).map(([p, md]) => parseSourceNote(p, md)).flatMap((n) => n.paragraphs.filter((p) => p.links.length > 0).map((p) => p.text));
const [, oursSplit] = time(() => paragraphs.forEach((t) => splitSentences(t)));
const [, theirsSplit] = time(() => paragraphs.forEach((t) => splitterSplit(t)));
console.log(`sentence split, ${paragraphs.length} paragraphs: ours ${ms(oursSplit)}, sentence-splitter ${ms(theirsSplit)}  (${(theirsSplit / oursSplit).toFixed(0)}×)`);

// Note parsing: our line parser against a remark parse (AST only, no link extraction) on the same notes.
const sample = files.slice(0, 1000);
const [, oursParse] = time(() => sample.forEach(([p, md]) => parseSourceNote(p, md)));
const remark = unified().use(remarkParse);
const [, remarkParse1] = time(() => sample.forEach(([, md]) => remark.parse(md)));
console.log(`note parse, ${sample.length} notes: ours ${ms(oursParse)}, remark ${ms(remarkParse1)}  (${(remarkParse1 / oursParse).toFixed(0)}×)`);
