// Small text measures shared by the extractor's stages. They run on every line of every page, so
// they scan char codes instead of building token arrays or chaining regex replaces.

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

// Class of a code unit: 0 other, 1 starts or continues a word (letter/digit), 2 only continues one.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
	if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ASCII_CLASS[c] = 1;
}
ASCII_CLASS[39] = 2; // '
ASCII_CLASS[46] = 2; // .
ASCII_CLASS[45] = 2; // -

const wideClass = new Map<number, number>();

function classOf(s: string, i: number, code: number): number {
	if (code < 128) return ASCII_CLASS[code];
	if (code === 0x2019) return 2;
	// A surrogate pair is classed by its full code point; its low half then counts as a continuation.
	if (code >= 0xd800 && code <= 0xdbff) return LETTER_OR_DIGIT.test(s.slice(i, i + 2)) ? 1 : 0;
	if (code >= 0xdc00 && code <= 0xdfff) return 2;
	let k = wideClass.get(code);
	if (k === undefined) {
		const ch = String.fromCharCode(code);
		k = LETTER_OR_DIGIT.test(ch) ? 1 : MARK.test(ch) ? 2 : 0;
		wideClass.set(code, k);
	}
	return k;
}

function isCjk(code: number): boolean {
	return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);
}

/** Word count that also works for scripts written without spaces (two CJK characters ≈ one word). */
export function wordCount(s: string): number {
	let n = 0;
	let cjk = 0;
	let inWord = false;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		if (code >= 0x3040 && isCjk(code)) cjk++;
		const k = classOf(s, i, code);
		if (k === 0) inWord = false;
		else if (!inWord && k === 1) {
			n++;
			inWord = true;
		}
	}
	if (cjk > 4) n += Math.floor(cjk / 2) - 1;
	return n;
}

const LEADING_BULLETS = /^[\s•◦▪▫■□☆★○●◆◇►▶▸‣∙·*+\-–]+/u;

function isSpace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `normaliseLine` of a line already lower-cased. */
export function normaliseLower(lower: string): string {
	const lead = LEADING_BULLETS.exec(lower);
	const from = lead ? lead[0].length : 0;
	// Fast path: no digits and single spaces only, so the key is the trimmed text itself.
	let plain = true;
	for (let i = from; i < lower.length; i++) {
		const c = lower.charCodeAt(i);
		if ((c >= 48 && c <= 57) || (isSpace(c) && (c !== 32 || i + 1 === lower.length || lower.charCodeAt(i + 1) === 32))) {
			plain = false;
			break;
		}
	}
	if (plain) return from ? lower.slice(from) : lower;
	let out = '';
	let pendingSpace = false;
	for (let i = from; i < lower.length; i++) {
		const c = lower.charCodeAt(i);
		if (isSpace(c)) {
			pendingSpace = out.length > 0;
			continue;
		}
		if (pendingSpace) {
			out += ' ';
			pendingSpace = false;
		}
		if (c >= 48 && c <= 57) {
			out += '0';
			while (i + 1 < lower.length && lower.charCodeAt(i + 1) >= 48 && lower.charCodeAt(i + 1) <= 57) i++;
			continue;
		}
		out += lower[i];
	}
	return out;
}

/** Key under which a line is compared across files: case, digits, bullets and spacing ignored. */
export function normaliseLine(s: string): string {
	return normaliseLower(s.toLowerCase());
}

/** Ends like a sentence (allowing closing quotes/brackets). */
export function endsSentence(s: string): boolean {
	// Read backwards: a trailing-anchored regex would be tried at every position of long lines.
	let i = s.length - 1;
	while (i >= 0 && CLOSERS.includes(s[i])) i--;
	return i >= 0 && STOPS.includes(s[i]);
}

const CLOSERS = '"\'”’»)]';
const STOPS = '.!?…。！？:;';
