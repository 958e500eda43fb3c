// Entity bench on AIDA CoNLL-YAGO (see ../shared/bench/entities/PROVENANCE.md): mention finding, typing and
// recurring-entity grouping, scored by the bench's own scorer, against a capitalised n-gram baseline run here.
// usage: npx tsx bench/entities.ts [--split dev|test] [--genre general|sports]
// The Reuters text is research-only: it is read from ../shared at run time and never stored in the project.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverEntities, EntityDictionary, findMentions, nerClass } from '../src/core/entities/index';
import { isDemonymForm } from '../src/core/entities/gazetteer';

const BENCH = join(import.meta.dirname, '../../shared/bench/entities');
const args = process.argv.slice(2);
const opt = (name: string, fallback: string | null) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const split = opt('--split', 'dev') as string;
const genre = opt('--genre', null);
const goldPath = join(BENCH, `${split}.jsonl`);
if (!existsSync(goldPath)) {
	console.log(`bench data not found at ${goldPath}: skipped`);
	process.exit(0);
}

interface Doc { id: string; genre: string; text: string }
interface Pred { start: number; end: number; type: string; entity: string }
const docs: Doc[] = readFileSync(goldPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Doc).filter((d) => !genre || d.genre === genre);
const chars = docs.reduce((n, d) => n + d.text.length, 0);

// Baseline: every run of capitalised words is a mention; two or more words a person, a lone acronym an organisation,
// anything else a place; the note is the lower-cased surface.
function baseline(text: string): Pred[] {
	const out: Pred[] = [];
	for (const m of text.matchAll(/\b[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)*/g)) {
		const surface = m[0];
		const words = surface.split(/\s+/).length;
		const type = words > 1 ? 'PER' : /^[A-Z]{2,}$/.test(surface) ? 'ORG' : 'LOC';
		out.push({ start: m.index, end: m.index + surface.length, type, entity: surface.toLowerCase() });
	}
	return out;
}

// The bench counts every gold mention, recurring or not, so discovery runs with includeSingletons (the CLI's dry-run
// view); the plugin's default keeps only recurring and pattern-named entities. Nothing else differs.
const inputs = docs.map((d) => ({ id: d.id, text: d.text }));
const discover = () => discoverEntities(inputs, { includeSingletons: true });
// Only discovery is timed; turning its mentions into the scorer's records is the bench's own business.
function predictions(mentions: ReturnType<typeof discover>['mentions']): Map<string, Pred[]> {
	const out = new Map<string, Pred[]>();
	for (const d of docs) {
		// A demonym links to its country's note, but CoNLL calls the word itself MISC.
		out.set(d.id, (mentions.get(d.id) ?? []).map((m) => ({ start: m.start, end: m.end, type: isDemonymForm(m.surface) ? 'MISC' : nerClass(m.type), entity: m.entity })));
	}
	return out;
}

// CPU time of this process (the machine may be shared, so wall time says little), after warm-up runs that let
// the JIT settle, as it has in a plugin that runs all day. V8 optimises a function once it has run often enough,
// whatever the clock says, and its background compiles count in this process's CPU time: on this corpus the last of
// discovery's functions are optimised around the tenth run, so five warm-up runs left half the timed ones paying
// for compilation. Twenty leave settled code; fifteen timed runs give a steadier median.
// The machine is shared with other jobs, so the best of the runs is reported beside the median.
function timed<T>(fn: () => T, reps = 15, warmup = 20): { value: T; secs: number; best: number } {
	const times: number[] = [];
	let value: T = fn();
	for (let w = 1; w < warmup; w++) value = fn();
	for (let r = 0; r < reps; r++) {
		const t0 = process.cpuUsage();
		value = fn();
		const used = process.cpuUsage(t0);
		times.push((used.user + used.system) / 1e6);
	}
	times.sort((a, b) => a - b);
	return { value, secs: times[Math.floor(reps / 2)], best: times[0] };
}

interface Score {
	[k: string]: unknown;
	recurring: { B3: { F1: number } };
}
const dir = mkdtempSync(join(tmpdir(), 'envoy-entities-'));
function score(name: string, preds: Map<string, Pred[]>): Score {
	const path = join(dir, `${name}.jsonl`);
	writeFileSync(path, docs.map((d) => JSON.stringify({ id: d.id, mentions: preds.get(d.id) ?? [] })).join('\n') + '\n');
	const out = execFileSync('node', [join(BENCH, 'score.cjs'), goldPath, path, ...(genre ? ['--genre', genre] : [])], { encoding: 'utf8' });
	return JSON.parse(out) as Score;
}

const base = timed(() => new Map(docs.map((d) => [d.id, baseline(d.text)])));
const mine = timed(discover);
const results = { 'capitalised n-grams': { s: score('baseline', base.value), secs: base.secs }, envoy: { s: score('envoy', predictions(mine.value.mentions)), secs: mine.secs } };
const f1 = (s: Score, k: string) => ((s[k] as { F1: number } | undefined)?.F1 ?? 0);
const rows = ['exact/PER', 'exact/LOC', 'exact/ORG', 'exact/PER+LOC+ORG', 'untyped-exact/ALL4', 'untyped-overlap/ALL4'];
console.log(`entities bench: ${split}${genre ? ` / ${genre}` : ''}, ${docs.length} docs, ${(chars / 1e6).toFixed(3)} MB (predictions in ${dir})`);
console.log('metric'.padEnd(26) + Object.keys(results).map((k) => k.padStart(22)).join('') + '   ratio');
const line = (label: string, get: (s: Score) => number) => {
	const [b, e] = [get(results['capitalised n-grams'].s), get(results.envoy.s)];
	console.log(label.padEnd(26) + [b, e].map((v) => v.toFixed(1).padStart(22)).join('') + `   ${b ? (e / b).toFixed(2) : '-'}x`);
};
for (const r of rows) line(r + ' F1', (s) => f1(s, r));
line('recurring B-cubed F1', (s) => s.recurring.B3.F1);
line('recurring pairwise F1', (s) => (s.recurring as unknown as { pairwise: { F1: number } }).pairwise.F1);
line('doc-entity links F1', (s) => (s.recurring as unknown as { docEntityLinks: { F1: number } }).docEntityLinks.F1);
line('speed MB/s (CPU, median)', (s) => chars / 1e6 / (s === results.envoy.s ? mine.secs : base.secs));
line('speed MB/s (CPU, best)', (s) => chars / 1e6 / (s === results.envoy.s ? mine.best : base.best));
// Linking speed: findMentions over every doc with the dictionary discovery built (the per-note hot path).
const dictionary = EntityDictionary.from(mine.value.entities);
const linking = timed(() => docs.map((d) => findMentions(d.text, dictionary).length));
console.log(`findMentions alone: ${(chars / 1e6 / linking.secs).toFixed(1)} MB/s median, ${(chars / 1e6 / linking.best).toFixed(1)} best (CPU time), dictionary of ${dictionary.entities.length} entities`);
if (args.includes('--json')) console.log(JSON.stringify({ baseline: results['capitalised n-grams'].s, envoy: results.envoy.s }));
