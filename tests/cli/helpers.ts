import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

export async function envoy(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), interactive: false });
	return { code, out, err };
}

export function tempDir(prefix = 'envoy-test-'): string {
	return mkdtempSync(join(tmpdir(), prefix));
}
