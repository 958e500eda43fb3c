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

export function splitSentences(text: string): SentenceSpan[] {
	const out: SentenceSpan[] = [];
	let start = 0;
	BOUNDARY.lastIndex = 0;
	for (let m = BOUNDARY.exec(text); m !== null; m = BOUNDARY.exec(text)) {
		const end = m.index + m[0].length;
		if (m[0].startsWith('.') && !isRealStop(text, m.index, end)) continue;
		push(out, text, start, end);
		start = end;
	}
	push(out, text, start, text.length);
	return out;
}

function isRealStop(text: string, dot: number, after: number): boolean {
	let w = dot;
	while (w > 0 && /[A-Za-z.]/.test(text[w - 1])) w--;
	const word = text.slice(w, dot);
	if (word.length === 1 && /[A-Z]/.test(word)) return false; // an initial: "J. Smith"
	if (word.includes('.')) return false; // "U.S.", "e.g."
	if (ABBREVIATIONS.has(word.toLowerCase())) return false;
	// A sentence starts with a capital, a digit, a quote or a bracket.
	let n = after;
	while (n < text.length && /\s/.test(text[n])) n++;
	return n >= text.length || /[A-Z0-9"“‘'([]/.test(text[n]);
}

function push(out: SentenceSpan[], text: string, start: number, end: number): void {
	let s = start;
	while (s < end && /\s/.test(text[s])) s++;
	if (s < end) out.push({ start: s, end });
}
