// A plain sentence splitter. `sentence-splitter` builds a syntax tree per call and measured ~40× slower on
// the bench vault; news prose needs only terminal punctuation, a guard for abbreviations and initials,
// and a repair for the "closed.Rather" joins that copy-paste leaves behind.

export interface SentenceSpan {
	start: number;
	end: number;
}

const ABBREVIATIONS = new Set([
	'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'adm', 'gov', 'sen', 'rep', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp',
	'vs', 'etc', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'dept', 'est', 'fig',
]);

// Terminal punctuation plus closing quotes/brackets, then either whitespace or a glued capitalised word.
const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s|$)|\.(?=[A-Z][a-z])/g;

/** Sentences of `text` in order; with `limit`, only the first `limit` of them. */
export function splitSentences(text: string, limit = Infinity): SentenceSpan[] {
	const out: SentenceSpan[] = [];
	let start = 0;
	BOUNDARY.lastIndex = 0;
	for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
		const end = m.index + m[0].length;
		if (text.charCodeAt(m.index) === 46 && !isRealStop(text, m.index, end)) continue;
		push(out, text, start, end);
		if (out.length >= limit) return out;
		start = end;
	}
	push(out, text, start, text.length);
	return out;
}

function isRealStop(text: string, dot: number, after: number): boolean {
	let w = dot;
	let innerDot = false;
	for (let c = text.charCodeAt(w - 1); w > 0 && (isAsciiLetter(c) || c === 46); c = text.charCodeAt(--w - 1)) if (c === 46) innerDot = true;
	if (dot - w === 1 && isUpper(text.charCodeAt(w))) return false; // an initial: "J. Smith"
	if (innerDot) return false; // "U.S.", "e.g."
	if (dot - w <= 6 && ABBREVIATIONS.has(text.slice(w, dot).toLowerCase())) return false;
	// A sentence starts with a capital, a digit, a quote or a bracket.
	let n = after;
	while (n < text.length && isSpace(text.charCodeAt(n))) n++;
	if (n >= text.length) return true;
	const c = text.charCodeAt(n);
	return isUpper(c) || (c >= 48 && c <= 57) || c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 91;
}

function push(out: SentenceSpan[], text: string, start: number, end: number): void {
	let s = start;
	while (s < end && isSpace(text.charCodeAt(s))) s++;
	if (s < end) out.push({ start: s, end });
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isUpper(c: number): boolean {
	return c >= 65 && c <= 90;
}

/** Exactly the characters `\s` matches in a JavaScript regular expression. */
export function isSpace(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	if (c < 160) return false;
	return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
