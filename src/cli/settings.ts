// The CLI shares the plugin's settings: when the vault has Envoy installed, its data.json is read.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, normaliseSettings, type EnvoySettings } from '../core/pipeline';

/** Obsidian's default configuration folder; a vault that renamed it is read with --config-dir. */
export const DEFAULT_CONFIG_DIR = '.obsidian';

export async function loadVaultSettings(vault: string, configDir: string = DEFAULT_CONFIG_DIR): Promise<EnvoySettings> {
	try {
		const text = await fs.readFile(path.join(vault, configDir, 'plugins', 'envoy', 'data.json'), 'utf8');
		return normaliseSettings(JSON.parse(text));
	} catch {
		return { ...DEFAULT_SETTINGS };
	}
}

export function today(): string {
	return new Date().toISOString().slice(0, 10);
}
