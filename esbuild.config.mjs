// Builds the plugin bundle (main.js, for desktop and mobile) and the CLI (dist/cli.mjs, for Node).
import esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

const production = process.argv[2] === 'production';
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
};

const cli = {
	entryPoints: ['src/cli/main.ts'],
	bundle: true,
	outfile: 'dist/cli.mjs',
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	define: { ENVOY_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
	sourcemap: 'linked',
	logLevel: 'info',
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
