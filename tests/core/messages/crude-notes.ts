// Test-only helpers: turn raw article text into a crude Envoy note by wrapping known names in [[ ]].
import type { CapitalInfo } from '../../../src/core/messages';

export const CAPITALS: CapitalInfo[] = [
	{ note: 'Seoul', path: 'Entities/Seoul.md', country: 'South Korea', metonyms: ['Blue House'], aliases: [] },
	{ note: 'Tokyo', path: 'Entities/Tokyo.md', country: 'Japan', metonyms: [], aliases: [] },
	{ note: 'Washington', path: 'Entities/Washington.md', country: 'United States', metonyms: ['White House'], aliases: ['Washington, D.C.'] },
	{ note: 'Beijing', path: 'Entities/Beijing.md', country: 'China', metonyms: ['Zhongnanhai'], aliases: ['Peking'] },
	{ note: 'Pyongyang', path: 'Entities/Pyongyang.md', country: 'North Korea', metonyms: [], aliases: [] },
	{ note: 'Moscow', path: 'Entities/Moscow.md', country: 'Russia', metonyms: ['the Kremlin'], aliases: [] },
];

/** Paragraphs split on blank lines, capital names and "Kremlin" wrapped as links, a block id per paragraph. */
export function crudeNote(raw: string, title: string): string {
	const paragraphs = raw.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
	const body = paragraphs.map((p, i) => `${p.replace(/\b(Seoul|Tokyo|Washington|Beijing|Pyongyang|Moscow|Kremlin)\b/g, '[[$1]]')} ^p${i}`);
	return `---\ntitle: "${title.replace(/"/g, '')}"\n---\n${body.join('\n\n')}\n`;
}
