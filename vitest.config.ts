import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	resolve: {
		// `obsidian` ships typings only; adapters run against a small typed stand-in.
		alias: { obsidian: fileURLToPath(new URL('./tests/shims/obsidian.ts', import.meta.url)) },
	},
	test: {
		include: ['tests/**/*.test.ts'],
		setupFiles: ['tests/setup/fast-check.ts'],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'threads',
	},
});
