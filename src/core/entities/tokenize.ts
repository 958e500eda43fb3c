// One pass over the text: words, numbers and punctuation with the flags that entity finding needs.
// Possessives are cut off the word ("Moscow’s" → "Moscow"), initialisms stay whole ("U.S."), hyphens are
// their own tokens so compounds can be split or joined later.

const SPACE = 1;
const CAP = 2;
const UPPER = 4;
const INITIAL = 8;
const CAPS_LINE = 16;
const POSSESSIVE = 32;
const LINE_START = 64;

/** One token. The yes/no facts share one number: a corpus's worth of tokens stays small for the garbage collector. */
export class Token {
	constructor(
		readonly start: number,
		readonly end: number,
		readonly text: string,
		/** tokenKey(text) for words and numbers, computed once. */
		readonly key: string,
		readonly kind: 'word' | 'num' | 'punct',
		private flags: number,
	) {}
	/** Whitespace (or start of text) before the token. */
	get space(): boolean {
		return (this.flags & SPACE) !== 0;
	}
	/** First character is an upper-case letter. */
	get cap(): boolean {
		return (this.flags & CAP) !== 0;
	}
	/** Has letters and none of them is lower case ("NATO", "U.S."). */
	get upper(): boolean {
		return (this.flags & UPPER) !== 0;
	}
	/** Starts a sentence, a line or a quotation: capitals there prove nothing. */
	get initial(): boolean {
		return (this.flags & INITIAL) !== 0;
	}
	set initial(on: boolean) {
		this.flags = on ? this.flags | INITIAL : this.flags & ~INITIAL;
	}
	/** The token's line is a headline or dateline in capitals. */
	get capsLine(): boolean {
		return (this.flags & CAPS_LINE) !== 0;
	}
	set capsLine(on: boolean) {
		this.flags = on ? this.flags | CAPS_LINE : this.flags & ~CAPS_LINE;
	}
	/** A possessive 's or ’s followed (and was left out of the token). */
	get possessive(): boolean {
		return (this.flags & POSSESSIVE) !== 0;
	}
	/** First token of its line: names never run across a line break. */
	get lineStart(): boolean {
		return (this.flags & LINE_START) !== 0;
	}
}

const SENTENCE_END = new Set(['.', '!', '?']);
const OPENERS = new Set(['"', '“', '‘', '(', '[', "'", '«']);
// Periods after these do not end a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sgt', 'gov', 'sen', 'rep', 'jr', 'sr', 'prof', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'capt', 'adm', 'maj', 'rev', 'mt', 'ft', 'jan', 'feb', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec']);

const LETTER = /[\p{L}\p{M}]/u;
// Whether each UTF-16 code is a letter, learnt on first sight: 0 unknown, 1 letter, 2 not. Non-ASCII text
// (names with diacritics, curly quotes) would otherwise run a regular expression on every character.
const letterCodes = new Uint8Array(65536);
function isLetterCode(c: number): boolean {
	if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
	if (!(c < 65536)) return false;
	let known = letterCodes[c];
	if (known === 0) {
		known = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
		letterCodes[c] = known;
	}
	return known === 1;
}
function isApostropheCode(c: number): boolean {
	return c === 39 || c === 0x2019;
}
function isDigitCode(c: number): boolean {
	return c >= 48 && c <= 57;
}
function isSpaceCode(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2009 || c === 0x202f || c === 12;
}

function isUpperStart(word: string): boolean {
	const c = word.charCodeAt(0);
	if (c < 128) return c >= 65 && c <= 90;
	return word[0] !== word[0].toLowerCase();
}

/** Has an upper-case letter and no lower-case one. */
function isAllUpper(word: string): boolean {
	let sawUpper = false;
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i);
		if (c >= 97 && c <= 122) return false;
		if (c >= 65 && c <= 90) sawUpper = true;
		else if (c >= 128) return word === word.toUpperCase() && word !== word.toLowerCase();
	}
	return sawUpper;
}

/**
 * Every distinct surface the tokenizer has met, with its key and shape worked out once. A corpus repeats the same
 * few thousand words, so most tokens are found here by a hash of their characters: no new string, no key to compute.
 */
class Surfaces {
	private slots = new Int32Array(1 << 14);
	private hashes: number[] = [];
	private texts: string[] = [];
	private keys: string[] = [];
	private shapes: number[] = [];
	/** Index of the last surface found: its key, shape and kind are read right after. */
	found = 0;

	/** Finds or adds text[start, end) whose hash is `hash`; its index is left in `found`. */
	find(text: string, start: number, end: number, hash: number, kind: Token['kind']): string {
		const mask = this.slots.length - 1;
		const len = end - start;
		let at = hash & mask;
		for (;;) {
			const slot = this.slots[at];
			if (slot === 0) break;
			const idx = slot - 1;
			const t = this.texts[idx];
			if (this.hashes[idx] === hash && t.length === len && sameChars(text, start, t)) {
				this.found = idx;
				return t;
			}
			at = (at + 1) & mask;
		}
		// Bounded, so a long-running plugin's memory stays flat: a full table starts again.
		if (this.texts.length >= 200_000) {
			this.clear();
			return this.find(text, start, end, hash, kind);
		}
		const word = text.slice(start, end);
		const idx = this.texts.length;
		this.texts.push(word);
		this.hashes.push(hash);
		if (kind === 'word') {
			this.keys.push(tokenKey(word));
			this.shapes.push((isUpperStart(word) ? CAP : 0) | (isAllUpper(word) ? UPPER : 0));
		} else {
			this.keys.push(kind === 'num' ? tokenKey(word) : word);
			this.shapes.push(0);
		}
		this.slots[at] = idx + 1;
		if (this.texts.length * 2 > this.slots.length) this.grow();
		this.found = idx;
		return word;
	}

	key(idx: number): string {
		return this.keys[idx];
	}

	shape(idx: number): number {
		return this.shapes[idx];
	}

	private grow(): void {
		const slots = new Int32Array(this.slots.length * 2);
		const mask = slots.length - 1;
		for (let idx = 0; idx < this.texts.length; idx++) {
			let at = this.hashes[idx] & mask;
			while (slots[at] !== 0) at = (at + 1) & mask;
			slots[at] = idx + 1;
		}
		this.slots = slots;
	}

	private clear(): void {
		this.slots = new Int32Array(1 << 14);
		this.hashes = [];
		this.texts = [];
		this.keys = [];
		this.shapes = [];
	}
}

function sameChars(text: string, start: number, word: string): boolean {
	for (let i = 0; i < word.length; i++) if (text.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
	return true;
}

const surfaces = new Surfaces();

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	const n = text.length;
	let i = 0;
	let space = true;
	let newline = true;
	// The current line's first token and its counts of capitalised and lower-case words, for headline detection.
	let lineFrom = 0;
	let lineUpper = 0;
	let lineLower = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		if (isSpaceCode(c)) {
			if (c === 10) newline = true;
			space = true;
			i++;
			continue;
		}
		const start = i;
		let kind: Token['kind'];
		let possessive = false;
		let hash = c;
		if (isLetterCode(c) || isDigitCode(c)) {
			kind = isDigitCode(c) ? 'num' : 'word';
			// Initialism: letter-dot-letter-dot… ("U.S.", "U.N.")
			if (kind === 'word' && text.charCodeAt(i + 1) === 46 && isLetterCode(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === 46) {
				i += 4;
				while (i + 1 < n && isLetterCode(text.charCodeAt(i)) && text.charCodeAt(i + 1) === 46) i += 2;
				for (let x = start + 1; x < i; x++) hash = (Math.imul(hash, 31) + text.charCodeAt(x)) | 0;
			} else {
				i++;
				while (i < n) {
					const d = text.charCodeAt(i);
					if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || isDigitCode(d) || (d >= 128 && isLetterCode(d))) {
						hash = (Math.imul(hash, 31) + d) | 0;
						i++;
						continue;
					}
					// In-word apostrophe ("O'Brien", "don't"), but a possessive 's is not part of the name.
					if (isApostropheCode(d) && isLetterCode(text.charCodeAt(i + 1))) {
						const s1 = text.charCodeAt(i + 1);
						if ((s1 === 115 || s1 === 83) && !isLetterCode(text.charCodeAt(i + 2))) {
							possessive = true;
							break;
						}
						hash = (Math.imul(Math.imul(hash, 31) + d, 31) + s1) | 0;
						i += 2;
						continue;
					}
					// Decimal or grouped numbers stay one token.
					if (kind === 'num' && (d === 46 || d === 44) && isDigitCode(text.charCodeAt(i + 1))) {
						hash = (Math.imul(Math.imul(hash, 31) + d, 31) + text.charCodeAt(i + 1)) | 0;
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
		if (newline) {
			if (tokens.length > lineFrom) markCapsLine(tokens, lineFrom, lineUpper, lineLower);
			lineFrom = tokens.length;
			lineUpper = 0;
			lineLower = 0;
		}
		const word = surfaces.find(text, start, i, hash, kind);
		const shape = surfaces.shape(surfaces.found);
		if (kind === 'word') {
			if ((shape & UPPER) !== 0) {
				if (word.length > 1) lineUpper++;
			} else lineLower++;
		}
		const flags = (space ? SPACE : 0) | shape | (newline ? INITIAL | LINE_START : 0) | (possessive ? POSSESSIVE : 0);
		tokens.push(new Token(start, i, word, surfaces.key(surfaces.found), kind, flags));
		if (possessive) i += 2;
		space = false;
		newline = false;
	}
	if (tokens.length > lineFrom) markCapsLine(tokens, lineFrom, lineUpper, lineLower);
	markSentenceStarts(tokens);
	return tokens;
}

function markSentenceStarts(tokens: Token[]): void {
	let pendingEnd = false;
	for (let k = 0; k < tokens.length; k++) {
		const t = tokens[k];
		if (t.kind === 'punct') {
			if (SENTENCE_END.has(t.text)) {
				const prev = tokens[k - 1];
				const abbreviation = prev && prev.kind === 'word' && !t.space && (ABBREVIATIONS.has(prev.key) || (prev.text.length === 1 && prev.cap));
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

function markCapsLine(tokens: Token[], from: number, upper: number, lower: number): void {
	if (upper > 0 && upper >= 2 * lower) for (let k = from; k < tokens.length; k++) tokens[k].capsLine = true;
}

const MARKS = /\p{M}/gu;

// Keys are asked for the same few thousand words over and over: remember them (bounded, so memory stays flat).
const keyCache = new Map<string, string>();
const lemmaCache = new Map<string, string>();
function remember(cache: Map<string, string>, word: string, value: string): string {
	if (cache.size > 100_000) cache.clear();
	cache.set(word, value);
	return value;
}

/** Comparison key of one word: lower case, no diacritics, no dots, straight apostrophes ("U.S." → "us"). */
export function tokenKey(word: string): string {
	return keyCache.get(word) ?? remember(keyCache, word, computeKey(word));
}

function computeKey(word: string): string {
	let k = word.toLowerCase();
	if (/[\u0080-\uffff]/.test(k)) k = k.normalize('NFD').replace(MARKS, '').replace(/’/g, "'");
	return k.includes('.') ? k.replace(/\./g, '') : k;
}

/** Comparison key of a name: its words' keys joined by spaces, punctuation and hyphens dropped ("Kim Jong-un" = "Kim Jong Un"). */
const nameCache = new Map<string, string>();
export function nameKey(name: string): string {
	return nameCache.get(name) ?? remember(nameCache, name, computeNameKey(name));
}

function computeNameKey(name: string): string {
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
	return lemmaCache.get(word) ?? remember(lemmaCache, word, computeLemma(word));
}

function computeLemma(word: string): string {
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

/** A number made of a key's first two characters: a set of them filters words without making a string. */
export function prefixCode(key: string): number {
	return key.length < 2 ? -1 : key.charCodeAt(0) * 65536 + key.charCodeAt(1);
}
