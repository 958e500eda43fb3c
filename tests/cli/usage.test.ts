import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { envoy } from './helpers';

const COMMANDS = ['import', 'link', 'unlink', 'entities', 'messages'];

describe('envoy usage', () => {
	it('lists every command in --help', async () => {
		const { code, out } = await envoy('--help');
		expect(code).toBe(0);
		for (const command of COMMANDS) expect(out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
	});

	it.each(COMMANDS)('%s has its own --help with an example', async (command) => {
		const { code, out } = await envoy(command, '--help');
		expect(code).toBe(0);
		expect(out).toContain(`Usage: envoy ${command}`);
		expect(out).toContain('Example:');
	});

	it('exits 2 on usage errors, with the reason on stderr', async () => {
		expect((await envoy('frobnicate')).code).toBe(2);
		const missingVault = await envoy('import', 'x.txt');
		expect(missingVault.code).toBe(2);
		expect(missingVault.err).toContain('--vault');
		const badFlag = await envoy('link', '--vault', '.', '--frob');
		expect(badFlag.code).toBe(2);
		expect(badFlag.err).toMatch(/frob/);
		expect((await envoy('messages', '--vault', '/no/such/folder/anywhere')).code).toBe(2);
	});

	it.skipIf(!existsSync('dist/cli.mjs'))('runs from the built launcher as `npx envoy` would', () => {
		const run = spawnSync(process.execPath, ['bin/envoy.mjs', '--help'], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('Commands:');
	});
});
