import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { addMessageMark, readMessageMarks, removeMessageMark } from '../../../src/core/messages';
import { messagesIn, noteText, summary } from './helpers';

describe('mark helpers', () => {
	it('adds, replaces and removes verdicts on a frontmatter object', () => {
		const fm: Record<string, unknown> = { title: 'x' };
		addMessageMark(fm, { block: 'a1', capital: 'Tokyo', verdict: 'message' });
		addMessageMark(fm, { block: 'b2', capital: 'Seoul', verdict: 'dismissed' });
		expect(fm).toEqual({ title: 'x', envoy_messages: ['^a1 > Tokyo'], envoy_dismissed: ['^b2 > Seoul'] });
		addMessageMark(fm, { block: 'a1', capital: 'tokyo', verdict: 'dismissed' });
		expect(fm).toEqual({ title: 'x', envoy_dismissed: ['^b2 > Seoul', '^a1 > tokyo'] });
		removeMessageMark(fm, { block: 'b2', capital: 'Seoul' });
		removeMessageMark(fm, { block: 'a1', capital: 'Tokyo' });
		expect(fm).toEqual({ title: 'x' });
	});

	it('reads hand-written variants and survives a YAML round trip', () => {
		const fm = parse(stringify({ envoy_messages: ['a1 → [[Tokyo]]', '^b2->Seoul', 'nonsense'], envoy_dismissed: '^c3 > Beijing' })) as Record<string, unknown>;
		expect(readMessageMarks(fm)).toEqual([
			{ block: 'a1', capital: 'Tokyo', verdict: 'message' },
			{ block: 'b2', capital: 'Seoul', verdict: 'message' },
			{ block: 'c3', capital: 'Beijing', verdict: 'dismissed' },
		]);
	});
});

describe('marks override detection', () => {
	const paragraphs = ['[[Moscow]] is sending a message to [[Tokyo]].', 'Talks were held in [[Seoul]] last week.'];

	it('a dismissal hides a detected message (shown flagged with all mentions)', () => {
		const notes = { 'a.md': noteText(paragraphs, { envoy_dismissed: '["^b0 > Tokyo"]' }) };
		expect(messagesIn(notes)).toEqual([]);
		const all = messagesIn(notes, { showAllMentions: true }).filter((m) => m.recipient === 'Tokyo');
		expect(all.map((m) => [m.block, m.dismissed])).toEqual([['b0', true]]);
	});

	it('a confirmation keeps the detection and says so', () => {
		const [m] = messagesIn({ 'a.md': noteText(paragraphs, { envoy_messages: '["^b0 > Tokyo"]' }) });
		expect([m.recipient, m.origin, m.sender, m.cue]).toEqual(['Tokyo', 'confirmed', 'Moscow', 'message to']);
	});

	it('a mark turns a mere mention into a message, with the sender carried so far', () => {
		const ms = messagesIn({ 'a.md': noteText(paragraphs, { envoy_messages: '["^b1 > Seoul"]' }) });
		expect(summary(ms)).toEqual(['Seoul<-Moscow@b1', 'Tokyo<-Moscow@b0']);
		expect(ms.find((m) => m.recipient === 'Seoul')?.origin).toBe('marked');
	});

	it('ignores a mark whose block or capital no longer exists', () => {
		const ms = messagesIn({ 'a.md': noteText(paragraphs, { envoy_messages: '["^zz > Seoul", "^b1 > Atlantis"]' }) });
		expect(summary(ms)).toEqual(['Tokyo<-Moscow@b0']);
	});
});
