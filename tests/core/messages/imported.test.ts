// The messages model over notes made by the real pipeline (import, entity discovery, linking), as a reader
// gets them: our own samples, with expectations written for them, and the shared third-party seeds, read at
// test time only, with expectations that name no sentence of theirs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessagesModel, importPipeline, normaliseSettings, type VaultStore } from '../../../src/core/pipeline';
import type { MessagePassage } from '../../../src/core/messages';

class MemoryVault implements VaultStore {
	readonly files = new Map<string, string>();
	private readonly state = new Map<string, string>();
	async list(folder: string): Promise<string[]> {
		const prefix = folder === '' ? '' : `${folder.replace(/\/+$/, '')}/`;
		return [...this.files.keys()].filter((p) => p.startsWith(prefix) && p.endsWith('.md')).sort();
	}
	async read(path: string): Promise<string | null> {
		return this.files.get(path) ?? null;
	}
	async create(path: string, content: string): Promise<void> {
		if (this.files.has(path)) throw new Error(`${path} already exists`);
		this.files.set(path, content);
	}
	async replace(path: string, update: (current: string) => string): Promise<void> {
		const current = this.files.get(path);
		if (current === undefined) throw new Error(`${path} does not exist`);
		this.files.set(path, update(current));
	}
	async ensureFolder(): Promise<void> {}
	async readState(name: string): Promise<string | null> {
		return this.state.get(name) ?? null;
	}
	async writeState(name: string, content: string): Promise<void> {
		this.state.set(name, content);
	}
}

async function importFolder(folder: string): Promise<MessagePassage[][]> {
	const vault = new MemoryVault();
	const settings = normaliseSettings({});
	const sources = readdirSync(folder)
		.filter((f) => f.endsWith('.txt'))
		.sort()
		.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(folder, name))) }));
	await importPipeline(sources, vault, settings, { today: '2026-01-01' });
	const model = await buildMessagesModel(vault, settings);
	const all = await buildMessagesModel(vault, settings, { showAllMentions: true });
	const flat = (m: typeof model): MessagePassage[] => m.capitals.flatMap((s) => s.messages as MessagePassage[]);
	return [flat(model), flat(all)];
}

const CAPITALS = ['Seoul', 'Tokyo', 'Washington', 'Beijing', 'Pyongyang'];

/** What a reader checks a listing for, whoever wrote the text. */
function expectSoundListing(messages: MessagePassage[]): void {
	for (const m of messages) {
		// Boilerplate (menus, credits, banners, bylines) is short or unpunctuated; a message is a sentence or more.
		expect(m.text.split(/\s+/).length, m.text).toBeGreaterThanOrEqual(5);
		expect(m.text.trim(), m.text).toMatch(/[.!?"”’)]$/);
		// Every detected passage either shows its cue and its capital, or carries on the message just before it.
		if (m.continued) expect(m.cue).toMatch(/^continues: /);
		else if (m.origin === 'detected') expect(m.highlights.map((h) => h.kind)).toEqual(expect.arrayContaining(['cue', 'recipient']));
	}
	// A passage continues a message announced right before it in the same note, and never a "To X, …"
	// address, which says its message in full.
	const byNote = new Map<string, MessagePassage[]>();
	for (const m of messages) byNote.set(`${m.note}|${m.recipient}`, [...(byNote.get(`${m.note}|${m.recipient}`) ?? []), m]);
	for (const list of byNote.values()) {
		list.sort((a, b) => a.line - b.line);
		list.forEach((m, i) => {
			if (!m.continued) return;
			expect(i, m.text).toBeGreaterThan(0);
			expect(list[i - 1].cue.startsWith('To '), m.text).toBe(false);
		});
	}
	// Republished copies count once.
	const keys = messages.map((m) => `${m.recipient}|${m.text.replace(/\W+/g, ' ').trim().toLowerCase()}`);
	expect(new Set(keys).size).toBe(keys.length);
}

const SAMPLES = join(__dirname, '../../../samples/raw');

describe('the bundled samples, imported', async () => {
	const [messages, all] = await importFolder(SAMPLES);
	const to = (capital: string) => messages.filter((m) => m.recipient === capital);
	const has = (capital: string, sender: string | null, fragment: string) =>
		to(capital).some((m) => m.sender === sender && m.text.includes(fragment));

	it('lists the passages that address each capital, with their senders', () => {
		expect(has('Seoul', 'Moscow', 'sending signals to')).toBe(true);
		expect(has('Seoul', 'Moscow', 'The message to Seoul is that')).toBe(true);
		expect(has('Seoul', 'Moscow', 'expects Seoul to stay on the sidelines')).toBe(true);
		expect(has('Tokyo', 'Moscow', 'The signal to Tokyo is sharper.')).toBe(true);
		// The one-sentence announcement is continued by the next paragraph, which says what the signal is.
		expect(to('Tokyo').some((m) => m.continued && m.sender === 'Moscow' && m.text.includes('peace treaty'))).toBe(true);
		expect(has('Beijing', 'Moscow', 'To Beijing, Moscow is saying')).toBe(true);
		expect(has('Washington', 'Moscow', 'For Washington, the signal runs through')).toBe(true);
		expect(has('Washington', null, 'needs to say more plainly')).toBe(true);
		expect(has('Washington', 'Tokyo and Seoul', 'the signal to Washington is that')).toBe(true);
		expect(has('Pyongyang', 'Beijing', 'wants Pyongyang to remain')).toBe(true);
		expect(to('Pyongyang').some((m) => m.text.includes('the message to Pyongyang is that'))).toBe(true);
	});

	it('leaves out capitals named only as places, and the commentary after a message stated in full', () => {
		expect(messages.some((m) => m.text.includes('talks held in Tokyo'))).toBe(false);
		expect(messages.some((m) => m.text.includes('shipping exhibition in Beijing'))).toBe(false);
		expect(messages.some((m) => m.text.includes('For analysts'))).toBe(false);
		// They are still there for the reader who asks for every mention.
		expect(all.some((m) => m.mention && m.text.includes('talks held in Tokyo'))).toBe(true);
	});

	it('counts the republished copy once and lists nothing from page furniture', () => {
		expectSoundListing(messages);
		expect(messages.some((m) => /cookie|subscribe|newsletter|share this/i.test(m.text))).toBe(false);
	});
});

const SEEDS = join(__dirname, '../../../../shared/seeds');
const hasSeeds = existsSync(SEEDS) && readdirSync(SEEDS).some((f) => f.endsWith('.txt'));

describe.skipIf(!hasSeeds)('the shared seed articles, imported', async () => {
	const [messages] = hasSeeds ? await importFolder(SEEDS) : [[]];
	const to = (capital: string) => messages.filter((m) => m.recipient === capital);

	it.each(CAPITALS)('lists messages to %s', (capital) => {
		expect(to(capital).length).toBeGreaterThan(0);
	});

	it.each(['Seoul', 'Tokyo', 'Washington', 'Beijing'])('names Moscow as a sender of messages to %s', (capital) => {
		expect(to(capital).some((m) => m.sender === 'Moscow')).toBe(true);
	});

	it('gives one sentence addressed to four capitals to each of them', () => {
		const shared = CAPITALS.slice(0, 4).map((c) => new Set(to(c).filter((m) => m.cue === 'messages to').map((m) => m.block)));
		const common = [...shared[0]].filter((b) => shared.every((s) => s.has(b)));
		expect(common.length).toBeGreaterThan(0);
	});

	it('lists nothing from boilerplate and continues only announced messages', () => {
		expectSoundListing(messages);
	});
});
