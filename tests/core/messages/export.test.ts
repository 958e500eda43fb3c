import { describe, expect, it } from 'vitest';
import { exportMessagesMarkdown, formatMessagesText, MessagesIndex, parseSourceNote } from '../../../src/core/messages';
import { CAPITALS } from './crude-notes';
import { noteText } from './helpers';

function model(showAllMentions = false) {
	const index = new MessagesIndex();
	index.setCapitals(CAPITALS);
	index.upsert(parseSourceNote('Articles/Russia opens to the North.md', noteText([
		'By reactivating its policy on [[Pyongyang]], [[Moscow]] is sending messages to [[Seoul]], [[Tokyo]] and [[Beijing]].',
		'The message to [[Tokyo]] is different: sanctions have a *price* and [[#links]] will not help.',
		'Talks were held in [[Washington]].',
	], { title: '"Russia opens to the North"', publisher: 'Daily [[Outlet]]', published: '2014-12-02' })));
	index.upsert(parseSourceNote('No ids.md', '[[Moscow]] expects [[Seoul]] to wait.\n'));
	return index.model({ showAllMentions });
}

describe('exportMessagesMarkdown', () => {
	const md = exportMessagesMarkdown(model(), { exported: '2026-01-02' });

	it('writes a section per capital that has messages, with its count', () => {
		expect(md.startsWith('---\nenvoy_export: messages-to-capitals\nexported: 2026-01-02\n---\n')).toBe(true);
		expect(md.match(/^## .*$/gm)).toEqual(['## Seoul', '## Tokyo', '## Beijing']);
		expect(md).toContain('[[Entities/Seoul|Seoul]] · South Korea · 2 passages');
	});

	it('links each passage by block id, or to the note when the paragraph has none', () => {
		const links = [...md.matchAll(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g)].map((m) => m[1]).filter((t) => !t.startsWith('Entities/'));
		expect(links.sort()).toEqual(['Articles/Russia opens to the North#^b0', 'Articles/Russia opens to the North#^b0', 'Articles/Russia opens to the North#^b0', 'Articles/Russia opens to the North#^b1', 'No ids']);
		// Every block link points at a block id that exists in its note.
		for (const t of links.filter((l) => l.includes('#^'))) expect(['b0', 'b1']).toContain(t.split('#^')[1]);
	});

	it('keeps the passage text inert: no stray links, tags or emphasis from the source', () => {
		const item = md.split('\n').find((l) => l.includes('is different'));
		expect(item).toBe('- **Moscow → Tokyo** *message to*: The **message to** **Tokyo** is different: sanctions have a \\*price\\* and links will not help. — [[Articles/Russia opens to the North#^b1|Russia opens to the North]], Daily Outlet, 2014-12-02');
	});

	it('flags mentions when the view shows them all', () => {
		expect(exportMessagesMarkdown(model(true))).toContain('## Washington');
		expect(exportMessagesMarkdown(model(true))).toMatch(/\*\*Moscow → Washington\*\* \(mention only\): Talks were held in \*\*Washington\*\*\./);
	});
});

describe('formatMessagesText', () => {
	it('prints a section per capital with counts and one line per message', () => {
		const text = formatMessagesText(model());
		expect(text.split('\n').slice(0, 5)).toEqual([
			'Messages to capitals: 5 messages to 3 capitals',
			'',
			'Seoul (South Korea): 2 messages',
			'  Moscow → Seoul: By reactivating its policy on Pyongyang, Moscow is sending messages to Seoul, Tokyo and Beijing. (Russia opens to the North, Daily Outlet, 2014-12-02)',
			'  Moscow → Seoul: Moscow expects Seoul to wait. (No ids)',
		]);
	});

	it('says so when there is nothing', () => {
		expect(formatMessagesText({ capitals: [] })).toBe('No messages to capitals found.\n');
	});
});

describe('an exported note in the vault', () => {
	it('is not read back as a source of the messages it lists', () => {
		const index = new MessagesIndex();
		index.setCapitals(CAPITALS);
		index.upsert(parseSourceNote('a.md', noteText(['[[Moscow]] is sending messages to [[Seoul]] and [[Tokyo]].', 'The message to [[Tokyo]] is different.'])));
		const before = index.model();
		index.upsert(parseSourceNote('Envoy/Messages to capitals.md', exportMessagesMarkdown(before)));
		expect(index.model().capitals.flatMap((s) => s.messages.map((m) => m.note))).toEqual(['a.md', 'a.md', 'a.md']);
		expect(index.paths()).toEqual(['a.md']);
	});
});
