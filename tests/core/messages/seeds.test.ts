// Runs the detector over the shared third-party seed articles (read at test time only, never copied here).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MessagesIndex, parseSourceNote, type MessagePassage } from '../../../src/core/messages';
import { CAPITALS, crudeNote } from './crude-notes';

const SEEDS = join(__dirname, '../../../../shared/seeds');
const files = existsSync(SEEDS) ? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')) : [];

/** Menu items, credits, bylines: short or unpunctuated lines. */
function looksLikeBoilerplate(text: string): boolean {
	return text.split(/\s+/).length < 8 || !/[.!?"”’]$/.test(text.trim());
}

describe.skipIf(files.length === 0)('seed articles', () => {
	const index = new MessagesIndex();
	index.setCapitals(CAPITALS);
	for (const f of files) index.upsert(parseSourceNote(`Articles/${f.replace(/\.txt$/, '')}.md`, crudeNote(readFileSync(join(SEEDS, f), 'utf8'), f)));
	const messages = index.model().capitals.flatMap((s) => s.messages as MessagePassage[]);
	const all = index.model({ showAllMentions: true }).capitals.flatMap((s) => s.messages as MessagePassage[]);
	const to = (capital: string): MessagePassage[] => messages.filter((m) => m.recipient === capital);

	it.each(['Seoul', 'Tokyo', 'Washington', 'Beijing', 'Pyongyang'])('finds a message to %s', (capital) => {
		expect(to(capital).length).toBeGreaterThan(0);
	});

	it.each(['Seoul', 'Tokyo', 'Washington', 'Beijing'])('names Moscow as the sender of a message to %s', (capital) => {
		expect(to(capital).some((m) => m.sender === 'Moscow')).toBe(true);
	});

	it('finds no message in boilerplate-like lines, though capitals are mentioned there', () => {
		const boiler = all.filter((m) => looksLikeBoilerplate(m.text));
		expect(boiler.length).toBeGreaterThan(0);
		expect(boiler.filter((m) => !m.mention)).toEqual([]);
	});

	it('counts text republished in two seeds once', () => {
		const keys = messages.map((m) => `${m.recipient}|${m.text.replace(/\W+/g, ' ').trim()}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
