// Extraction benchmark on real pages with human gold bodies (../shared/bench/extraction).
// usage: npx tsx bench/extraction.ts [--split test|dev] [--wrapped] [--no-shared]
// Prints P/R/F1 with the per-page spread for plain and 80-column-wrapped input, two baselines
// measured in the same run, throughput, and silver title/author/date accuracy from meta.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractArticle, findSharedLines } from '../src/core/extract';
import type { Article } from '../src/core/types';

const BENCH = process.env.ENVOY_EXTRACTION_BENCH ?? join(import.meta.dirname, '..', '..', 'shared', 'bench', 'extraction');
const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'test';
const onlyWrapped = args.includes('--wrapped');
const useShared = !args.includes('--no-shared');

if (!existsSync(BENCH)) {
	console.log(`extraction bench: ${BENCH} not found, skipped`);
	process.exit(0);
}

interface Meta {
	id: string;
	og_title: string | null;
	html_title: string | null;
	silver_defuddle: { title: string | null; author: string | null; published: string | null; site: string | null } | null;
}

const ids = readFileSync(join(BENCH, `${split}.txt`), 'utf8').split('\n').filter(Boolean);
const raws = new Map(ids.map((id) => [id, readFileSync(join(BENCH, 'raw', `${id}.txt`), 'utf8')]));
const metas = new Map((JSON.parse(readFileSync(join(BENCH, 'meta.json'), 'utf8')) as Meta[]).map((m) => [m.id, m]));

/** Wraps each line at `width` columns on word boundaries, as w3m -cols 80 would; continuations keep the indent. */
function wrap(text: string, width = 80): string {
	const out: string[] = [];
	for (const line of text.split('\n')) {
		if (line.length <= width) {
			out.push(line);
			continue;
		}
		const indent = /^\s*/.exec(line)?.[0] ?? '';
		let cur = '';
		for (const word of line.trim().split(/\s+/)) {
			const candidate = cur ? `${cur} ${word}` : indent + word;
			if (cur && candidate.length > width) {
				out.push(cur);
				cur = indent + word;
			} else cur = candidate;
		}
		if (cur) out.push(cur);
	}
	return out.join('\n');
}

function bodyText(a: Article): string {
	return a.blocks.map((b) => (b.kind === 'list' ? b.items.join('\n') : b.text)).join('\n\n');
}

interface Score {
	P: number;
	R: number;
	F1: number;
	per: { id: string; P: number; R: number }[];
}

function score(preds: Map<string, string>): Score {
	const dir = mkdtempSync(join(tmpdir(), 'envoy-extract-'));
	try {
		for (const [id, text] of preds) writeFileSync(join(dir, `${id}.txt`), text);
		const out = execFileSync('node', [join(BENCH, 'score.mjs'), dir, '--split', split, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
		const parsed = JSON.parse(out) as { P: number; R: number; F1: number; per_doc: { id: string; P: number; R: number }[] };
		return { P: parsed.P, R: parsed.R, F1: parsed.F1, per: parsed.per_doc };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function spread(s: Score): string {
	const f = s.per.map((d) => (d.P + d.R ? (2 * d.P * d.R) / (d.P + d.R) : 0)).sort((a, b) => a - b);
	const q = (p: number) => f[Math.min(f.length - 1, Math.floor(p * (f.length - 1)))].toFixed(2);
	return `page F1 q1/median/q3 ${q(0.25)}/${q(0.5)}/${q(0.75)}, ${f.filter((x) => x < 0.5).length} pages < 0.5`;
}

const fmt = (s: Score) => `P=${s.P.toFixed(3)} R=${s.R.toFixed(3)} F1=${s.F1.toFixed(3)}`;

const REPS = Number(process.env.ENVOY_BENCH_REPS ?? 7);

/**
 * Best of REPS passes, wall and CPU seconds: the machine is shared, and the best pass is the one
 * least disturbed by other work. CPU time counts every thread of the process (GC helpers too).
 */
function timed(pass: () => void): { wall: number; cpu: number } {
	pass(); // JIT warm-up, untimed
	let wall = Infinity;
	let cpu = Infinity;
	for (let r = 0; r < REPS; r++) {
		const c0 = process.cpuUsage();
		const t0 = performance.now();
		pass();
		wall = Math.min(wall, (performance.now() - t0) / 1000);
		const c = process.cpuUsage(c0);
		cpu = Math.min(cpu, (c.user + c.system) / 1e6);
	}
	return { wall, cpu };
}

const mbps = (bytes: number, secs: number) => (bytes / 1e6 / secs).toFixed(1);

function run(label: string, transform: (t: string) => string): { score: Score; articles: Map<string, Article> } {
	const inputs = new Map([...raws].map(([id, t]) => [id, transform(t)]));
	const texts = [...inputs.values()];
	const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
	const shared = useShared ? findSharedLines(texts) : undefined;
	const articles = new Map<string, Article>();
	for (const [id, text] of inputs) articles.set(id, extractArticle(text, { sharedLines: shared }));
	const s = score(new Map([...articles].map(([id, a]) => [id, bodyText(a)])));
	console.log(`${label.padEnd(22)} ${fmt(s)}  (${spread(s)})`);
	// Speed, against a floor measured in the same run: splitting the same pages into trimmed lines.
	let sink = 0;
	const floor = timed(() => {
		for (const t of texts) for (const l of t.split('\n')) sink += l.trim().length;
	});
	const extract = timed(() => {
		for (const t of texts) sink += extractArticle(t, { sharedLines: shared }).blocks.length;
	});
	const sharing = timed(() => {
		sink += findSharedLines(texts).size;
	});
	console.log(
		`${''.padEnd(22)} speed, best of ${REPS}: extractArticle ${mbps(bytes, extract.wall)} MB/s wall, ${mbps(bytes, extract.cpu)} MB/s CPU (${(extract.wall / floor.wall).toFixed(1)}× a line split); ` +
			`findSharedLines ${mbps(bytes, sharing.wall)} MB/s wall; both ${mbps(bytes, extract.wall + sharing.wall)} MB/s${sink < 0 ? '' : ''}`,
	);
	return { score: s, articles };
}

console.log(`extraction bench, split=${split}, ${ids.length} pages, sharedLines ${useShared ? 'on' : 'off'}`);
const whole = score(raws);
const long = score(new Map([...raws].map(([id, t]) => [id, t.split('\n').filter((l) => l.trim().split(/\s+/).length >= 15).join('\n')])));
console.log(`${'baseline whole dump'.padEnd(22)} ${fmt(whole)}`);
console.log(`${'baseline lines>=15w'.padEnd(22)} ${fmt(long)}`);
let plain: ReturnType<typeof run> | undefined;
if (!onlyWrapped) plain = run('envoy plain', (t) => t);
const wrapped = run('envoy wrapped 80 col', (t) => wrap(t));
if (plain) {
	console.log(`ratios: F1 / whole-dump ${(plain.score.F1 / whole.F1).toFixed(3)}, F1 / lines>=15w ${(plain.score.F1 / long.F1).toFixed(3)}, wrapped / plain ${(wrapped.score.F1 / plain.score.F1).toFixed(3)}`);
	const worst = [...plain.score.per].sort((a, b) => a.P + a.R - (b.P + b.R)).slice(0, 8);
	console.log(`worst pages: ${worst.map((d) => `${d.id} P=${d.P.toFixed(2)} R=${d.R.toFixed(2)}`).join(', ')}`);
}

// Silver metadata checks: the page's own meta tags via defuddle, not human gold.
const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const articles = (plain ?? wrapped).articles;
let titleOk = 0;
let titleN = 0;
let authorOk = 0;
let authorN = 0;
let authorGiven = 0;
let dateOk = 0;
let dateN = 0;
let dateGiven = 0;
let siteOk = 0;
let siteN = 0;
for (const [id, a] of articles) {
	const m = metas.get(id);
	if (!m) continue;
	const refs = [m.og_title, m.silver_defuddle?.title, m.html_title].filter((x): x is string => !!x).map(norm);
	if (refs.length) {
		titleN++;
		const t = norm(a.title);
		if (t && refs.some((r) => r === t || (t.length >= 12 && r.includes(t)) || (r.length >= 15 && t.startsWith(r)))) titleOk++;
	}
	const author = m.silver_defuddle?.author;
	if (author) {
		authorN++;
		if (a.authors.length) authorGiven++;
		if (a.authors.some((x) => norm(author).includes(norm(x)) || norm(x).includes(norm(author)))) authorOk++;
	}
	const site = m.silver_defuddle?.site;
	if (site) {
		siteN++;
		const p = norm(a.publisher ?? '');
		if (p && (norm(site).includes(p) || p.includes(norm(site)))) siteOk++;
	}
	const date = m.silver_defuddle?.published?.slice(0, 10);
	if (date && /^\d{4}-\d\d-\d\d$/.test(date)) {
		dateN++;
		if (a.published) dateGiven++;
		if (a.published === date) dateOk++;
	}
}
const pct = (a: number, b: number) => `${a}/${b} (${b ? ((100 * a) / b).toFixed(0) : '–'}%)`;
console.log(`silver title match ${pct(titleOk, titleN)}; author match ${pct(authorOk, authorN)} (given ${authorGiven}); date match ${pct(dateOk, dateN)} (given ${dateGiven}); publisher match ${pct(siteOk, siteN)}`);
if (args.includes('--show-meta')) {
	for (const [id, a] of articles) {
		const m = metas.get(id);
		console.log(`${id} | ${a.title.slice(0, 70)} | og: ${(m?.og_title ?? m?.html_title ?? '').slice(0, 70)} | ${a.authors.join('; ')} / ${m?.silver_defuddle?.author ?? ''} | ${a.published ?? ''} / ${m?.silver_defuddle?.published?.slice(0, 10) ?? ''}`);
	}
}
