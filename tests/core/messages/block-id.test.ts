import { describe, expect, it } from 'vitest';
import { parseSourceNote, withBlockId } from '../../../src/core/messages';

const fixed = () => 0.5; // always "s": ids are predictable here

describe('withBlockId', () => {
	it('ends a multi-line paragraph with a new id that the note parser then reads', () => {
		const md = '---\ntitle: x\n---\nFirst [[Seoul]] line\nsecond line.\n\n- an item about [[Tokyo]]\n';
		const para = parseSourceNote('x.md', md).paragraphs[0];
		const result = withBlockId(md, para.line, para.text, fixed);
		expect(result?.markdown).toBe('---\ntitle: x\n---\nFirst [[Seoul]] line\nsecond line. ^ssssss\n\n- an item about [[Tokyo]]\n');
		expect(parseSourceNote('x.md', result?.markdown ?? '').paragraphs[0].block).toBe('ssssss');
	});

	it('marks a list item on its own line, keeps CRLF endings, and never reuses an id', () => {
		const md = 'Intro ^ssssss\r\n\r\n- an item about [[Tokyo]]\r\n- another\r\n';
		const item = parseSourceNote('x.md', md).paragraphs[1];
		let calls = 0;
		const result = withBlockId(md, item.line, item.text, () => (calls++ < 6 ? 0.5 : 0));
		expect(result?.block).toBe('aaaaaa');
		expect(result?.markdown).toBe('Intro ^ssssss\r\n\r\n- an item about [[Tokyo]] ^aaaaaa\r\n- another\r\n');
	});

	it('refuses when the paragraph no longer reads as indexed', () => {
		expect(withBlockId('Changed text.\n', 0, 'Original text.')).toBeNull();
		expect(withBlockId('\n\n', 1, '')).toBeNull();
		expect(withBlockId('Has one. ^abc\n', 0, 'Has one.')).toBeNull();
	});
});
