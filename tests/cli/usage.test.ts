import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { envoy, tempDir } from './helpers';

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

	// What each command needs besides the option under test, so that only the option can make it a usage error.
	const BASE: Record<string, (vault: string) => string[]> = {
		import: (vault) => ['samples/raw/only-boilerplate.txt', '--vault', vault],
		link: (vault) => ['--vault', vault],
		unlink: (vault) => ['--vault', vault],
		entities: () => ['samples/raw/only-boilerplate.txt'],
		messages: (vault) => ['--vault', vault],
	};

	it.each(COMMANDS)('%s accepts every option its --help lists', async (command) => {
		const help = (await envoy(command, '--help')).out;
		const options = [...help.matchAll(/^ {2}(--[a-z-]+)(?: <[^>]+>)?/gm)].map((m) => ({ flag: m[1], takesValue: m[0].includes('<') }));
		expect(options.length).toBeGreaterThan(0);
		for (const { flag, takesValue } of options) {
			const vault = tempDir();
			const base = BASE[command](vault);
			// --help stops before parsing; an option the base already gives (--vault) is exercised by it.
			if (flag === '--help' || base.includes(flag)) continue;
			const run = await envoy(command, ...base, flag, ...(takesValue ? ['.obsidian'] : []));
			expect({ flag, code: run.code, err: run.err }).not.toMatchObject({ code: 2 });
		}
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
