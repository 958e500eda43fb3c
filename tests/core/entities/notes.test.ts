// Entity notes: what Envoy writes, how it reads what the user wrote, and that it never overwrites the user.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { discoverEntities, graphColorGroups, mergeEntityNote, readEntityNote, renderEntityNote } from '../../../src/core/entities';
import type { Entity } from '../../../src/core/types';

const seoul: Entity = { name: 'Seoul', type: 'capital', aliases: ['SEOUL'], country: 'South Korea', metonyms: ['Blue House'] };

function frontmatterOf(markdown: string): Record<string, unknown> {
	const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
	return m ? (parse(m[1]) as Record<string, unknown>) : {};
}

describe('renderEntityNote', () => {
	it('writes type, aliases (name first), country, metonyms, a type tag and a short body', () => {
		const note = renderEntityNote(seoul);
		expect(frontmatterOf(note)).toEqual({ type: 'capital', aliases: ['Seoul', 'SEOUL'], country: 'South Korea', metonyms: ['Blue House'], tags: ['entity/capital'], envoy: 'auto' });
		expect(note).toContain('Capital of [[South Korea]].');
		expect(renderEntityNote({ name: 'South Korea', type: 'country', aliases: [] })).toContain('Capital: [[Seoul]]');
	});

	it('quotes what YAML would misread', () => {
		const note = renderEntityNote({ name: 'Washington', type: 'capital', aliases: ['Washington, D.C.', 'Yes: no', '#1'], country: 'United States' });
		expect(frontmatterOf(note).aliases).toEqual(['Washington', 'Washington, D.C.', 'Yes: no', '#1']);
	});

	it('round-trips through readEntityNote', () => {
		expect(readEntityNote('Seoul', renderEntityNote(seoul))).toEqual({ ...seoul, userOwned: false });
	});
});

describe('readEntityNote', () => {
	it('reads a note the user wrote by hand as theirs', () => {
		const e = readEntityNote('Henry Kissinger.md', '---\ntype: person\naliases: [Kissinger, Dr. K]\n---\nMy notes.');
		expect(e).toEqual({ name: 'Henry Kissinger', type: 'person', aliases: ['Kissinger', 'Dr. K'], userOwned: true });
	});

	it('takes the type from an entity tag, and defaults to concept', () => {
		expect(readEntityNote('NATO', '---\ntags: [entity/organization]\n---\n')).toMatchObject({ type: 'organisation' });
		expect(readEntityNote('Realpolitik', 'Just text, no frontmatter.')).toMatchObject({ name: 'Realpolitik', type: 'concept', aliases: [] });
	});

	it('follows a renamed note: the file name is the entity, the old name stays an alias', () => {
		const note = renderEntityNote({ name: 'Vladimir Putin', type: 'person', aliases: ['Putin'] });
		const e = readEntityNote('Putin, Vladimir', note);
		expect(e).toMatchObject({ name: 'Putin, Vladimir', aliases: ['Vladimir Putin', 'Putin'] });
	});

	it('honours the opt-out', () => {
		expect(readEntityNote('Reuters', '---\nenvoy: ignore\n---\n')).toBe('ignored');
		expect(readEntityNote('Reuters', '---\nenvoy: false\n---\n')).toBe('ignored');
	});
});

describe('mergeEntityNote', () => {
	it('adds newly seen aliases to a note Envoy wrote, touching nothing else', () => {
		const before = renderEntityNote(seoul) + '\nMy own paragraph.\n';
		const after = mergeEntityNote(before, { ...seoul, aliases: ['SEOUL', 'Soul City'] });
		expect(after).not.toBeNull();
		expect(frontmatterOf(after!).aliases).toEqual(['Seoul', 'SEOUL', 'Soul City']);
		expect(after!.replace('  - Soul City\n', '')).toBe(before);
	});

	it('returns null when there is nothing new', () => {
		expect(mergeEntityNote(renderEntityNote(seoul), seoul)).toBeNull();
	});

	it('never writes to a user-owned note', () => {
		const mine = '---\ntype: capital\naliases: [Seoul]\n---\nMine.\n';
		expect(mergeEntityNote(mine, { ...seoul, aliases: ['Soul City'] })).toBeNull();
	});

	it('keeps an alias the user removed out when they list it under envoy-ignore', () => {
		const edited = renderEntityNote(seoul).replace('  - SEOUL\n', '').replace('envoy: auto', 'envoy: auto\nenvoy-ignore: [SEOUL]');
		expect(mergeEntityNote(edited, seoul)).toBeNull();
	});

	it('handles a flow-style alias list and a missing one', () => {
		const flow = '---\ntype: place\naliases: [Gulf]\nenvoy: auto\n---\nBody\n';
		expect(frontmatterOf(mergeEntityNote(flow, { name: 'Persian Gulf', type: 'place', aliases: ['Gulf', 'Arabian Gulf'] })!).aliases).toEqual(['Gulf', 'Persian Gulf', 'Arabian Gulf']);
		const none = '---\ntype: place\nenvoy: auto\n---\nBody\n';
		const merged = mergeEntityNote(none, { name: 'Sahel', type: 'place', aliases: ['the Sahel'] })!;
		expect(frontmatterOf(merged)).toMatchObject({ aliases: ['Sahel', 'the Sahel'], envoy: 'auto' });
		expect(merged.endsWith('---\nBody\n')).toBe(true);
	});
});

describe('user control over discovery', () => {
	const docs = [
		{ id: 'a', text: 'Henry Kissinger met Zhou Enlai. Kissinger flew on, and Dr. K smiled.' },
		{ id: 'b', text: 'Kissinger and Zhou Enlai spoke about Reuters reports; Reuters said little.' },
	];

	it('links forms from a user note under the note’s own name, even a renamed one', () => {
		const known = [readEntityNote('Kissinger (statesman)', '---\ntype: person\naliases: [Henry Kissinger, Kissinger, Dr. K]\n---\n') as Entity];
		const { entities, mentions } = discoverEntities(docs, { known });
		const k = entities.find((e) => e.name === 'Kissinger (statesman)');
		expect(k?.userOwned).toBe(true);
		expect(entities.some((e) => e.name === 'Henry Kissinger')).toBe(false);
		expect((mentions.get('a') ?? []).filter((m) => m.entity === 'Kissinger (statesman)').map((m) => m.surface)).toEqual(['Henry Kissinger', 'Kissinger', 'Dr. K']);
	});

	it('stops linking an alias the user removed', () => {
		const known = [readEntityNote('Henry Kissinger', '---\ntype: person\naliases: [Kissinger]\n---\n') as Entity];
		const { mentions } = discoverEntities(docs, { known });
		expect((mentions.get('a') ?? []).map((m) => m.surface)).not.toContain('Dr. K');
	});

	it('drops ignored names from entities and mentions', () => {
		const { entities, mentions } = discoverEntities(docs, { ignore: ['reuters'] });
		expect(entities.some((e) => e.name === 'Reuters')).toBe(false);
		expect([...mentions.values()].flat().some((m) => m.surface === 'Reuters')).toBe(false);
	});
});

describe('graphColorGroups', () => {
	it('gives one tag query and colour per entity type', () => {
		const groups = graphColorGroups();
		expect(groups.map((g) => g.query)).toContain('tag:#entity/person');
		expect(new Set(groups.map((g) => g.color.rgb)).size).toBe(groups.length);
		for (const g of groups) expect(g.color.a).toBe(1);
	});
});
