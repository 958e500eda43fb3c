// One pass over the text: words, numbers and punctuation with the flags that entity finding needs.
// Possessives are cut off the word ("Moscow’s" → "Moscow"), initialisms stay whole ("U.S."), hyphens are
// their own tokens so compounds can be split or joined later.

export interface Token {
	start: number;
	end: number;
	text: string;
	kind: 'word' | 'num' | 'punct';
	/** Whitespace (or start of text) before the token. */
	space: boolean;
	/** First character is an upper-case letter. */
	cap: boolean;
	/** Has letters and none of them is lower case ("NATO", "U.S."). */
	upper: boolean;
	/** Starts a sentence, a line or a quotation: capitals there prove nothing. */
	initial: boolean;
	/** The token's line is a headline or dateline in capitals. */
	capsLine: boolean;
	/** A possessive 's or ’s followed (and was left out of the token). */
	possessive: boolean;
	/** First token of its line: names never run across a line break. */
	lineStart: boolean;
}

const APOSTROPHES = new Set(["'", '’']);
const SENTENCE_END = new Set(['.', '!', '?']);
const OPENERS = new Set(['"', '“', '‘', '(', '[', "'", '«']);
// Periods after these do not end a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sgt', 'gov', 'sen', 'rep', 'jr', 'sr', 'prof', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'capt', 'adm', 'maj', 'rev', 'mt', 'ft', 'jan', 'feb', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec']);

function isLetterCode(c: number, ch: string): boolean {
	if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	return /[\p{L}\p{M}]/u.test(ch);
}
function isDigitCode(c: number): boolean {
	return c >= 48 && c <= 57;
}
function isSpaceCode(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f || c === 12;
}

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	const n = text.length;
	let i = 0;
	let space = true;
	let newline = true;
	const lineStarts: number[] = [];
	while (i < n) {
		const c = text.charCodeAt(i);
		if (isSpaceCode(c)) {
			if (c === 10) newline = true;
			space = true;
			i++;
			continue;
		}
		const ch = text[i];
		const start = i;
		let kind: Token['kind'];
		let possessive = false;
		if (isLetterCode(c, ch) || isDigitCode(c)) {
			kind = isDigitCode(c) ? 'num' : 'word';
			// Initialism: letter-dot-letter-dot… ("U.S.", "U.N.")
			if (kind === 'word' && text[i + 1] === '.' && i + 3 < n && isLetterCode(text.charCodeAt(i + 2), text[i + 2] ?? '') && text[i + 3] === '.') {
				i += 4;
				while (i + 1 < n && isLetterCode(text.charCodeAt(i), text[i]) && text[i + 1] === '.') i += 2;
			} else {
				i++;
				while (i < n) {
					const d = text.charCodeAt(i);
					if (isLetterCode(d, text[i]) || isDigitCode(d)) {
						i++;
						continue;
					}
					// In-word apostrophe ("O'Brien", "don't"), but a possessive 's is not part of the name.
					if (APOSTROPHES.has(text[i]) && i + 1 < n && isLetterCode(text.charCodeAt(i + 1), text[i + 1])) {
						const after = i + 2 < n ? text.charCodeAt(i + 2) : 32;
						if ((text[i + 1] === 's' || text[i + 1] === 'S') && !isLetterCode(after, text[i + 2] ?? ' ')) {
							possessive = true;
							break;
						}
						i += 2;
						continue;
					}
					// Decimal or grouped numbers stay one token.
					if (kind === 'num' && (text[i] === '.' || text[i] === ',') && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
						i += 2;
						continue;
					}
					break;
				}
			}
		} else {
			kind = 'punct';
			i++;
		}
		const word = text.slice(start, i);
		if (newline) lineStarts.push(tokens.length);
		const first = word[0];
		const lower = word.toLowerCase();
		const hasLetters = kind === 'word';
		tokens.push({
			start,
			end: i,
			text: word,
			kind,
			space,
			cap: hasLetters && first !== first.toLowerCase(),
			upper: hasLetters && word === word.toUpperCase() && lower !== word,
			initial: newline,
			capsLine: false,
			possessive,
			lineStart: newline,
		});
		if (possessive) i += 2;
		space = false;
		newline = false;
	}
	markSentenceStarts(tokens);
	markCapsLines(tokens, lineStarts);
	return tokens;
}

function markSentenceStarts(tokens: Token[]): void {
	let pendingEnd = false;
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k];
		if (t.kind === 'punct') {
			if (SENTENCE_END.has(t.text)) {
				const prev = tokens[k - 1];
				const abbreviation = prev && prev.kind === 'word' && !t.space && (ABBREVIATIONS.has(prev.text.toLowerCase()) || (prev.text.length === 1 && prev.cap));
				pendingEnd = !abbreviation;
			} else if (t.text === ':' || t.text === '—' || (OPENERS.has(t.text) && (t.space || t.initial))) {
				// A quotation or a colon opens a new capitalised stretch.
				pendingEnd = true;
			}
			if (t.initial) pendingEnd = true;
			continue;
		}
		if (pendingEnd) t.initial = true;
		pendingEnd = false;
	}
}

function markCapsLines(tokens: Token[], lineStarts: number[]): void {
	for (let l = 0; l < lineStarts.length; l++) {
		const from = lineStarts[l];
		const to = l + 1 < lineStarts.length ? lineStarts[l + 1] : tokens.length;
		let upper = 0;
		let lower = 0;
		for (let k = from; k < to; k++) {
			const t = tokens[k];
			if (t.kind !== 'word') continue;
			if (t.upper && t.text.length > 1) upper++;
			else if (!t.upper) lower++;
		}
		if (upper > 0 && upper >= 2 * lower) for (let k = from; k < to; k++) tokens[k].capsLine = true;
	}
}

const MARKS = /\p{M}/gu;

/** Comparison key of one word: lower case, no diacritics, no dots, straight apostrophes ("U.S." → "us"). */
export function tokenKey(word: string): string {
	let k = word.toLowerCase();
	if (/[\u0080-\uffff]/.test(k)) k = k.normalize('NFD').replace(MARKS, '').replace(/’/g, "'");
	return k.includes('.') ? k.replace(/\./g, '') : k;
}

/** Comparison key of a name: its words' keys joined by spaces, punctuation and hyphens dropped ("Kim Jong-un" = "Kim Jong Un"). */
export function nameKey(name: string): string {
	const parts: string[] = [];
	for (const t of tokenize(name)) if (t.kind !== 'punct') parts.push(tokenKey(t.text));
	const key = parts.join(' ');
	return key.startsWith('the ') ? key.slice(4) : key;
}

/** Hyphens, dots and commas that a multi-word name may contain; a match can step over them. */
export function isInnerPunct(t: Token): boolean {
	return t.kind === 'punct' && (t.text === '-' || t.text === '‑' || t.text === '.' || t.text === ',');
}

/** Key of a lower-case concept word: British and American spellings and plurals meet ("Sanctions" = "sanction"). */
export function lemmaKey(word: string): string {
	let k = tokenKey(word).replace(/isation$/, 'ization').replace(/^defence$/, 'defense');
	if (k.length > 4 && k.endsWith('s') && !k.endsWith('ss')) k = k.slice(0, -1);
	return k;
}

/** Lemma key of a phrase, hyphens kept as word breaks. */
export function phraseLemma(phrase: string): string {
	const parts: string[] = [];
	for (const t of tokenize(phrase)) if (t.kind !== 'punct') parts.push(lemmaKey(t.text));
	return parts.join(' ');
}
