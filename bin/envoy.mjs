#!/usr/bin/env node
// Thin launcher: the CLI itself is bundled by `npm run build` (also run by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
	process.stderr.write('envoy: the CLI is not built yet; run `npm run build` in the Envoy folder.\n');
	process.exit(2);
}
// `envoy entities … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
