import { defineConfig } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default defineConfig([
	{ ignores: ['main.js', 'dist/**', 'node_modules/**', 'tests/**', 'bench/**', 'scripts/**', 'demo-vault/**', 'bin/**'] },
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: { projectService: { allowDefaultProject: ['eslint.config.mjs', 'esbuild.config.mjs', 'vitest.config.ts'] } },
		},
	},
	{
		// The core is shared by the plugin and the CLI: no Obsidian, no Node.
		files: ['src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': ['error', { paths: ['obsidian', ...nodeBuiltins], patterns: ['**/obsidian/**', '**/ui/**', '**/cli/**'] }],
		},
	},
	{
		// Plugin code runs on mobile: no Node built-ins.
		files: ['src/main.ts', 'src/obsidian/**/*.ts', 'src/ui/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { paths: nodeBuiltins, patterns: ['**/cli/**'] }] },
	},
	{
		// The CLI runs on Node and must not reach into Obsidian.
		files: ['src/cli/**/*.ts'],
		languageOptions: { globals: { process: 'readonly', NodeJS: 'readonly' } },
		rules: {
			// Outside Obsidian there is no Vault#configDir: the CLI takes --config-dir and defaults to Obsidian's own default.
			'obsidianmd/hardcoded-config-path': 'off',
			'no-restricted-imports': ['error', { paths: ['obsidian'], patterns: ['**/obsidian/**', '**/ui/**'] }],
			'obsidianmd/no-nodejs-modules': 'off',
		},
	},
]);
