// Builds the plugin bundle (main.js, for desktop and mobile) and the CLI (dist/cli.mjs, for Node).
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const production = process.argv[2] === 'production';

// world-countries ships 700 KB of JSON (translations, borders, flags); the gazetteer reads three fields of
// it. Bundle just those, so main.js stays small and the CLI does not need the package at run time.
// The data is ODbL 1.0 (attribution in the README).
const trimWorldCountries = {
	name: 'trim-world-countries',
	setup(build) {
		build.onResolve({ filter: /^world-countries$/ }, () => ({ path: 'world-countries', namespace: 'trimmed' }));
		build.onLoad({ filter: /.*/, namespace: 'trimmed' }, () => {
			const all = JSON.parse(readFileSync('node_modules/world-countries/countries.json', 'utf8'));
			const kept = all.map((c) => ({ cca2: c.cca2, unMember: c.unMember, demonyms: c.demonyms?.eng ? { eng: c.demonyms.eng } : undefined }));
			return { contents: `export default ${JSON.stringify(kept)};`, loader: 'js' };
		});
	},
};
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const plugin = {
	entryPoints: ['src/main.ts'],
	bundle: true,
	outfile: 'main.js',
	format: 'cjs',
	// 'browser' makes esbuild refuse any Node built-in: the bundle must run on mobile.
	platform: 'browser',
	target: 'es2021',
	external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*'],
	minify: production,
	sourcemap: production ? false : 'inline',
	treeShaking: true,
	logLevel: 'info',
	metafile: true,
	plugins: [trimWorldCountries],
};

const cli = {
	// The import's worker threads run prepare-worker.mjs beside cli.mjs.
	entryPoints: { cli: 'src/cli/main.ts', 'prepare-worker': 'src/cli/prepare-worker.ts' },
	bundle: true,
	outdir: 'dist',
	outExtension: { '.js': '.mjs' },
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	define: { ENVOY_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
	sourcemap: 'linked',
	logLevel: 'info',
	plugins: [trimWorldCountries],
};

if (production) {
	const result = await esbuild.build(plugin);
	const forbidden = Object.keys(result.metafile.inputs).filter((p) => nodeBuiltins.includes(p));
	if (forbidden.length) throw new Error(`Node built-ins in main.js: ${forbidden.join(', ')}`);
	await esbuild.build(cli);
} else {
	const ctx = await esbuild.context(plugin);
	await esbuild.build(cli);
	await ctx.watch();
}
