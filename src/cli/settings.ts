// The CLI shares the plugin's settings: when the vault has Envoy installed, its data.json is read.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, normaliseSettings, type EnvoySettings } from '../core/pipeline';

export async function loadVaultSettings(vault: string): Promise<EnvoySettings> {
	try {
		const text = await fs.readFile(path.join(vault, '.obsidian', 'plugins', 'envoy', 'data.json'), 'utf8');
		return normaliseSettings(JSON.parse(text));
	} catch {
		return { ...DEFAULT_SETTINGS };
	}
}

export function today(): string {
	return new Date().toISOString().slice(0, 10);
}
