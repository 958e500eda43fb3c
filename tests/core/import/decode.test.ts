import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/core/import/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, littleEndian: boolean, bom: boolean): Uint8Array {
	const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
	const view = new DataView(out.buffer);
	let offset = 0;
	if (bom) {
		view.setUint16(0, 0xfeff, littleEndian);
		offset = 2;
	}
	for (let i = 0; i < s.length; i++) view.setUint16(offset + i * 2, s.charCodeAt(i), littleEndian);
	return out;
}

function ok(result: ReturnType<typeof decodeSource>) {
	if (!result.ok) throw new Error(`expected success, got ${result.reason}`);
	return result;
}

describe('decodeSource', () => {
	it('reads plain UTF-8 and normalises CRLF and CR to LF', () => {
		const r = ok(decodeSource(utf8('Café in Zürich\r\nsecond line\rthird'), 'a.txt'));
		expect(r.text).toBe('Café in Zürich\nsecond line\nthird');
		expect(r.encoding).toBe('utf-8');
		expect(r.html).toBe(false);
	});

	it('drops a UTF-8 BOM', () => {
		const r = ok(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hello')]), 'a.txt'));
		expect(r.text).toBe('Hello');
	});

	it('reads UTF-16 LE and BE with a BOM', () => {
		const text = 'Über die Grenze — 北京\r\nzweite Zeile';
		expect(ok(decodeSource(utf16(text, true, true), 'a.txt'))).toMatchObject({ text: 'Über die Grenze — 北京\nzweite Zeile', encoding: 'utf-16le' });
		expect(ok(decodeSource(utf16(text, false, true), 'a.txt'))).toMatchObject({ text: 'Über die Grenze — 北京\nzweite Zeile', encoding: 'utf-16be' });
	});

	it('guesses UTF-16 LE without a BOM from its zero bytes', () => {
		expect(ok(decodeSource(utf16('Plain English text, saved by an old tool.', true, false), 'a.txt')).text).toBe('Plain English text, saved by an old tool.');
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
		// "Café “quoted” – 5€" in Windows-1252.
		const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96, 0x20, 0x35, 0x80]);
		const r = ok(decodeSource(bytes, 'a.txt'));
		expect(r.encoding).toBe('windows-1252');
		expect(r.text).toBe('Café “quoted” – 5€');
	});

	it('keeps UTF-8 with a character cut at the end or one bad byte, rather than turning it into mojibake', () => {
		const text = 'Zürich, Genève, Kraków, São Paulo, Malmö: déjà vu.';
		const cut = utf8(`${text} €`).slice(0, -1);
		const r = ok(decodeSource(cut, 'a.txt'));
		expect(r.encoding).toBe('utf-8');
		expect(r.text.startsWith(text)).toBe(true);
		const bad = new Uint8Array([...utf8(text), 0xff, ...utf8(text)]);
		expect(ok(decodeSource(bad, 'a.txt')).text).toBe(`${text}\uFFFD${text}`);
	});

	it('refuses empty and whitespace-only files', () => {
		expect(decodeSource(new Uint8Array(), 'a.txt')).toEqual({ ok: false, reason: 'empty file' });
		expect(decodeSource(utf8(' \n\r\n\t '), 'a.txt')).toEqual({ ok: false, reason: 'empty file' });
	});

	it('refuses binary files: NULs, control soup, known formats', () => {
		const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
		expect(decodeSource(noise, 'a.txt')).toMatchObject({ ok: false, reason: 'binary file' });
		expect(decodeSource(new Uint8Array([0x41, 0x42, 0x00, 0x43, 0x44, 0x45, 0x46]), 'a.txt')).toMatchObject({ ok: false, reason: 'binary file' });
		const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x61));
		expect(decodeSource(controls, 'a.txt')).toMatchObject({ ok: false, reason: 'binary file' });
		const pdf = decodeSource(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'a.pdf');
		expect(pdf.ok).toBe(false);
		if (!pdf.ok) expect(pdf.reason).toMatch(/^binary file \(looks like a PDF\)/);
		const docx = decodeSource(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'a.docx');
		if (!docx.ok) expect(docx.reason).toMatch(/^binary file/);
		else throw new Error('docx accepted');
	});

	it('names UTF-32 instead of calling it binary', () => {
		expect(decodeSource(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'a.txt')).toEqual({ ok: false, reason: 'UTF-32 text is not supported (save it as UTF-8)' });
	});

	it('turns an HTML document into text with block breaks, without scripts or styles', () => {
		const html = `<!DOCTYPE html>\r\n<html><head><title>T</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
<body><nav><a href="/">Home</a></nav><h1>Summit &amp; talks</h1><p>First   paragraph
wrapped in the source.</p><p>Second&nbsp;one with &#8220;quotes&#8221; &amp; a <b>bold</b> word.</p><ul><li>one</li><li>two</li></ul><!-- comment --></body></html>`;
		const r = ok(decodeSource(utf8(html), 'page.txt'));
		expect(r.html).toBe(true);
		expect(r.text).toBe('Home\n\nSummit & talks\n\nFirst paragraph wrapped in the source.\n\nSecond one with “quotes” & a bold word.\n\n- one\n- two');
		expect(r.text).not.toMatch(/color|var x|<|comment/);
	});

	it('treats a .html file by its extension even without a doctype', () => {
		expect(ok(decodeSource(utf8('<p>One</p><p>Two</p>'), 'saved.html')).text).toBe('One\n\nTwo');
		// Angle brackets in a text file are just text.
		expect(ok(decodeSource(utf8('a <p> b'), 'notes.txt')).text).toBe('a <p> b');
	});

	it('uses the charset an HTML page declares when its bytes are not UTF-8', () => {
		// ISO-8859-2 "ł" is 0xB3; Windows-1252 would read it as "³".
		const head = utf8('<html><head><meta charset="iso-8859-2"></head><body><p>');
		const bytes = new Uint8Array([...head, 0x57, 0xb3, 0x61, 0x64, 0x7a, 0x69, ...utf8('</p></body></html>')]);
		const r = ok(decodeSource(bytes, 'a.html'));
		expect(r.text).toBe('Władzi');
	});

	it('refuses files over the size limit, and accepts 50 MB by default', () => {
		const r = decodeSource(new Uint8Array(2048).fill(0x61), 'big.txt', { maxBytes: 1024 });
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/^file too large \(0\.0 MB; the limit is 0\.0 MB\)$/);
		const line = utf8('Share this article on social media\r\n');
		const big = new Uint8Array(50 * 1000 * 1000);
		for (let i = 0; i + line.length <= big.length; i += line.length) big.set(line, i);
		big.fill(0x20, big.length - (big.length % line.length));
		const decoded = ok(decodeSource(big, 'big.txt'));
		expect(decoded.text.length).toBeGreaterThan(48_000_000);
		expect(decoded.text.includes('\r')).toBe(false);
	});
});
