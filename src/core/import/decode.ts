// Bytes of a source file → normalised text. Files come from anywhere (web dumps, Word "Save as text",
// old Windows tools), so the encoding is guessed the way a careful reader would: BOM, then strict
// UTF-8, then Windows-1252, which decodes every byte. Only TextDecoder is used: it exists in Node,
// browsers and the mobile apps, unlike Buffer or iconv.

import { htmlToText, looksLikeHtml, sniffHtmlCharset } from './html';

export type DecodeResult =
	| { ok: true; text: string; encoding: string; html: boolean }
	| { ok: false; reason: string };

export interface DecodeOptions {
	/** Files larger than this are refused before any decoding. */
	maxBytes?: number;
}

/** 64 MiB: comfortably above the 50 MB a raw page dump can reach, well below what a phone can hold twice over. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** How much of the file the binary heuristics look at; enough to see a format's header and body. */
const SNIFF_BYTES = 64 * 1024;

const MAGIC: { name: string; bytes: number[] }[] = [
	{ name: 'a PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
	{ name: 'a ZIP or Office document', bytes: [0x50, 0x4b, 0x03, 0x04] },
	{ name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
	{ name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
	{ name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
	{ name: 'a gzip archive', bytes: [0x1f, 0x8b] },
	{ name: 'an old Word document', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function formatMb(n: number): string {
	return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

interface ByteCounts {
	/** Zero bytes at even and at odd offsets: ASCII text in UTF-16 leaves one or the other. */
	evenZero: number;
	oddZero: number;
	/** C0 controls other than whitespace and form feed, and DEL. */
	controls: number;
}

/** One pass over the sample for both guesses below (a 10,000-file import reads every byte of it). */
function countBytes(sample: Uint8Array): ByteCounts {
	let evenZero = 0;
	let oddZero = 0;
	let controls = 0;
	for (let i = 0; i < sample.length; i++) {
		const b = sample[i];
		if (b === 0) {
			if ((i & 1) === 0) evenZero++;
			else oddZero++;
		}
		if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) || b === 0x7f) controls++;
	}
	return { evenZero, oddZero, controls };
}

/** Guesses UTF-16 without a BOM from the zero bytes that ASCII text leaves in every other position. */
function sniffUtf16(sample: Uint8Array, counts: ByteCounts): 'utf-16le' | 'utf-16be' | null {
	if (sample.length < 4) return null;
	const pairs = Math.floor(sample.length / 2);
	// A trailing odd byte is not part of a pair.
	const evenZero = counts.evenZero - (sample.length % 2 === 1 && sample[sample.length - 1] === 0 ? 1 : 0);
	if (counts.oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
	if (evenZero > pairs * 0.4 && counts.oddZero < pairs * 0.05) return 'utf-16be';
	return null;
}

/** A NUL, or more than a tenth of C0 controls other than whitespace and form feed, is not text. */
function looksBinary(sample: Uint8Array, counts: ByteCounts): boolean {
	return counts.evenZero + counts.oddZero > 0 || counts.controls > sample.length * 0.1;
}

/** Windows-1252 0x80–0x9F; the five bytes it leaves undefined keep their C1 code point, as WHATWG says. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Some Node builds decode "windows-1252" as ISO-8859-1 (C1 controls instead of “ ” – €). Mapping
 * the C1 range afterwards is a no-op where the decoder is right (browsers, mobile) and a fix where not.
 */
function fixCp1252(text: string): string {
	return text.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80]);
}

/** Decoders by label and strictness: a decoder holds no state between whole-buffer calls. */
const decoders = new Map<string, TextDecoder>();

function decodeWith(label: string, bytes: Uint8Array, fatal = false): string {
	const key = `${label}:${fatal}`;
	let decoder = decoders.get(key);
	if (decoder === undefined) decoders.set(key, (decoder = new TextDecoder(label, { fatal, ignoreBOM: false })));
	const text = decoder.decode(bytes);
	return decoder.encoding === 'windows-1252' ? fixCp1252(text) : text;
}

/**
 * UTF-8, allowing a few broken sequences (a dump cut mid-character, one bad byte) when the rest is
 * clearly UTF-8. Windows-1252 text almost never contains a valid multi-byte sequence, so its accented
 * letters all come out as U+FFFD and it is not mistaken for UTF-8.
 */
function decodeMostlyUtf8(bytes: Uint8Array): string | null {
	try {
		// Valid UTF-8, the usual case: this decode is the text, not only the test.
		return decodeWith('utf-8', bytes, true);
	} catch {
		// A dump cut in the middle of its last character.
		for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
			try {
				decodeWith('utf-8', bytes.subarray(0, bytes.length - cut), true);
				return decodeWith('utf-8', bytes);
			} catch {
				// try a longer cut
			}
		}
		const text = decodeWith('utf-8', bytes);
		let broken = 0;
		let multibyte = 0;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 0xfffd) broken++;
			else if (c >= 0x80) multibyte++;
		}
		return multibyte >= 4 && broken * 10 <= multibyte ? text : null;
	}
}

/** LF only, no BOM, no stray NULs a UTF-16 guess may have let through. */
function normalise(text: string): string {
	// Each replacement only where there is something to replace: most files have no BOM, CR or NUL.
	let out = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
	return out.includes('\u0000') ? out.replaceAll('\u0000', '') : out;
}

/**
 * Decodes a source file. Never throws. HTML documents are converted to plain text crudely (scripts,
 * styles and tags dropped, block breaks kept) so the text extractor can take it from there.
 */
export function decodeSource(bytes: Uint8Array, name: string, options: DecodeOptions = {}): DecodeResult {
	const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
	if (bytes.length === 0) return { ok: false, reason: 'empty file' };
	if (bytes.length > maxBytes) {
		return { ok: false, reason: `file too large (${formatMb(bytes.length)}; the limit is ${formatMb(maxBytes)})` };
	}

	// TextDecoder has no UTF-32: say so rather than call it binary.
	if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
		return { ok: false, reason: 'UTF-32 text is not supported (save it as UTF-8)' };
	}

	let encoding: string;
	let decoded: string | null = null;
	let body = bytes;
	if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
		encoding = 'utf-8';
		body = bytes.subarray(3);
	} else if (startsWith(bytes, [0xff, 0xfe])) {
		encoding = 'utf-16le';
		body = bytes.subarray(2);
	} else if (startsWith(bytes, [0xfe, 0xff])) {
		encoding = 'utf-16be';
		body = bytes.subarray(2);
	} else {
		const sample = bytes.subarray(0, SNIFF_BYTES);
		const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
		if (magic) return { ok: false, reason: `binary file (looks like ${magic.name})` };
		const counts = countBytes(sample);
		const utf16 = sniffUtf16(sample, counts);
		if (utf16) encoding = utf16;
		else if (looksBinary(sample, counts)) return { ok: false, reason: 'binary file' };
		else {
			decoded = decodeMostlyUtf8(bytes);
			encoding = decoded !== null ? 'utf-8' : (sniffHtmlCharset(sample) ?? 'windows-1252');
		}
	}

	let text: string;
	try {
		text = normalise(decoded ?? decodeWith(encoding, body));
	} catch {
		// An HTML page may name a charset this platform's TextDecoder lacks; Windows-1252 never fails.
		encoding = 'windows-1252';
		text = normalise(decodeWith(encoding, body));
	}
	const html = looksLikeHtml(text, name);
	if (html) text = htmlToText(text);
	if (text.trim() === '') return { ok: false, reason: html ? 'empty file (an HTML page with no text)' : 'empty file' };
	if (hasTooManyControls(text)) return { ok: false, reason: 'binary file' };
	return { ok: true, text, encoding, html };
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000b\u000d-\u0019\u001b-\u001f\u007f]/;

/** Second look after decoding: UTF-16 guesses and Windows-1252 can turn binary into control soup. */
function hasTooManyControls(text: string): boolean {
	// Most texts have none at all, which one regular expression scan tells faster than counting.
	if (!CONTROL.test(text)) return false;
	const sample = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
	let controls = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x1a) || c === 0x7f) controls++;
	}
	return controls > sample.length * 0.1;
}
