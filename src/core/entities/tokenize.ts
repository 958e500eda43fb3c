// One pass over the text: words, numbers and punctuation with the flags that entity finding needs.
// Possessives are cut off the word ("Moscow’s" → "Moscow"), initialisms stay whole ("U.S."), hyphens are
// their own tokens so compounds can be split or joined later.

// Per-token facts, one bit each. The shape bits (Cap, Upper, Word, Num, Inner) belong to the surface and are
// worked out once per distinct word; the others depend on where the token stands. A const enum, so that the
// compiler writes the numbers into the hot loops instead of reading a module variable at every test.
const enum Bit {
	Space = 1,
	Cap = 2,
	Upper = 4,
	Initial = 8,
	CapsLine = 16,
	Possessive = 32,
	LineStart = 64,
	Word = 128,
	Num = 256,
	/** A hyphen, dot or comma a multi-word name may contain. */
	Inner = 512,
	Hyphen = 1024,
	/** A small word title case leaves in lower case ("and", "of", "on"). */
	Small = 2048,
	TitleLine = 4096,
	/** Punctuation that can end a sentence (". ! ?"). */
	SentenceMark = 8192,
	// Shape bits the tokenizer itself reads, so that it asks no set about a token: a word whose dot ends no
	// sentence ("Mr", "Gen"), a colon or em dash, an opening quote or bracket, a plain or en dash.
	Abbreviation = 1 << 14,
	Opens = 1 << 15,
	Opener = 1 << 16,
	Dash = 1 << 17,
}

/** What a token is: a word, a number, or (0) punctuation. */
type Kind = Bit.Word | Bit.Num | 0;

// The same bits for the loops elsewhere that read a token's flags once (Tokens.flags) instead of asking one
// predicate at a time.
export const SPACE: number = Bit.Space;
export const CAP: number = Bit.Cap;
export const UPPER: number = Bit.Upper;
export const INITIAL: number = Bit.Initial;
export const CAPS_LINE: number = Bit.CapsLine;
export const POSSESSIVE: number = Bit.Possessive;
export const LINE_START: number = Bit.LineStart;
export const WORD: number = Bit.Word;
export const NUM: number = Bit.Num;
export const INNER: number = Bit.Inner;
export const HYPHEN: number = Bit.Hyphen;
export const TITLE_LINE: number = Bit.TitleLine;

/**
 * The tokens of one text, four numbers each in one typed array (start, end, surface, flags): a corpus's worth of
 * tokens costs the garbage collector almost nothing, and the strings are shared by every occurrence of a word.
 * Indices outside 0…length-1 read as "no token": every predicate is false there.
 */
export class Tokens {
	constructor(
		readonly source: string,
		private readonly data: Int32Array,
		readonly length: number,
		private readonly table: SurfaceTable,
	) {}
	/** All of token k's bits at once, for 0 <= k < length (no range check). */
	flags(k: number): number {
		return this.data[k * 4 + 3];
	}
	/** Whether there is a token at k. */
	has(k: number): boolean {
		return k >= 0 && k < this.length;
	}
	start(k: number): number {
		return this.data[k * 4];
	}
	end(k: number): number {
		return this.data[k * 4 + 1];
	}
	text(k: number): string {
		return this.table.texts[this.data[k * 4 + 2]];
	}
	/** tokenKey(text) for words and numbers, the text itself for punctuation. */
	key(k: number): string {
		return this.table.keys[this.data[k * 4 + 2]];
	}
	/** The token's surface: the same number for every occurrence of the same text tokenized with the same table. */
	surface(k: number): number {
		return this.data[k * 4 + 2];
	}
	/** Which surface table numbered the surfaces. */
	get surfaces(): number {
		return this.table.id;
	}
	/** How many surfaces that table has numbered: every surface(k) is below it. */
	get surfaceCount(): number {
		return this.table.size;
	}
	/** The number of the token's key in its surface table: the same for every surface with that key. */
	keyId(k: number): number {
		return this.table.keyIds[this.data[k * 4 + 2]];
	}
	/** How many keys that table has numbered: every keyId(k) is below it. */
	get keyCount(): number {
		return this.table.keyCount;
	}
	/** The number of a key in this table (-1 if no surface has it), to relate tokens of another table. */
	keyNumber(key: string): number {
		return this.table.keyNumber(key);
	}
	private is(k: number, bit: number): boolean {
		return k >= 0 && k < this.length && (this.data[k * 4 + 3] & bit) !== 0;
	}
	isWord(k: number): boolean {
		return this.is(k, Bit.Word);
	}
	isNum(k: number): boolean {
		return this.is(k, Bit.Num);
	}
	isPunct(k: number): boolean {
		return k >= 0 && k < this.length && (this.data[k * 4 + 3] & (Bit.Word | Bit.Num)) === 0;
	}
	/** A hyphen, dot or comma inside a multi-word name ("Kim Jong-un", "U.S.-led"): a match can step over it. */
	isInner(k: number): boolean {
		return this.is(k, Bit.Inner);
	}
	/** A plain or non-breaking hyphen. */
	isHyphen(k: number): boolean {
		return this.is(k, Bit.Hyphen);
	}
	/** A small word title case leaves in lower case ("and", "of", "for"). */
	small(k: number): boolean {
		return this.is(k, Bit.Small);
	}
	/** Whitespace (or start of text) before the token. */
	space(k: number): boolean {
		return this.is(k, Bit.Space);
	}
	/** First character is an upper-case letter. */
	cap(k: number): boolean {
		return this.is(k, Bit.Cap);
	}
	/** Has letters and none of them is lower case ("NATO", "U.S."). */
	upper(k: number): boolean {
		return this.is(k, Bit.Upper);
	}
	/** Capitalised or in capitals. */
	capital(k: number): boolean {
		return this.is(k, Bit.Cap | Bit.Upper);
	}
	/** Starts a sentence, a line or a quotation: capitals there prove nothing. */
	initial(k: number): boolean {
		return this.is(k, Bit.Initial);
	}
	/** The token's line is a headline or dateline in capitals. */
	capsLine(k: number): boolean {
		return this.is(k, Bit.CapsLine);
	}
	/**
	 * The token's line is in title case ("Tokyo and Seoul Mend Ties, With One Eye on Pyongyang"): every word but the
	 * small ones is capitalised, so a capital there says nothing about a name.
	 */
	titleLine(k: number): boolean {
		return this.is(k, Bit.TitleLine);
	}
	/** A possessive 's or ’s followed (and was left out of the token). */
	possessive(k: number): boolean {
		return this.is(k, Bit.Possessive);
	}
	/** First token of its line: names never run across a line break. */
	lineStart(k: number): boolean {
		return this.is(k, Bit.LineStart);
	}
}

// Title case leaves these in lower case (articles, conjunctions, short prepositions).
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'for', 'of', 'on', 'in', 'at', 'to', 'by', 'with', 'from', 'as', 'vs', 'via', 'into', 'onto', 'over', 'per', 'than', 'up', 'off', 'out', 'upon', 'amid', 'after', 'about']);
const SENTENCE_END = new Set(['.', '!', '?']);
const OPENERS = new Set(['"', '“', '‘', '(', '[', "'", '«']);
// Periods after these do not end a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sgt', 'gov', 'sen', 'rep', 'jr', 'sr', 'prof', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'capt', 'adm', 'maj', 'rev', 'mt', 'ft', 'jan', 'feb', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec']);

const LETTER = /[\p{L}\p{M}]/u;
// What each UTF-16 code is, one bit each, learnt on first sight for codes past ASCII (0 is "not looked at yet"):
// non-ASCII text (diacritics, curly quotes) would otherwise run a regular expression on every character.
const enum Char {
	Letter = 1,
	Digit = 2,
	Space = 4,
	Seen = 8,
}
const charClasses = new Uint8Array(65536);
for (let c = 0; c < 128; c++) charClasses[c] = Char.Seen | ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? Char.Letter : 0) | (c >= 48 && c <= 57 ? Char.Digit : 0);
for (const c of [32, 9, 10, 13, 160, 0x2009, 0x202f, 12]) charClasses[c] = Char.Seen | Char.Space;
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
 * A full table is not cleared but replaced, so tokens already made keep reading theirs.
 */
let tables = 0;

/**
 * A yes/no question about words, answered once per distinct surface instead of once per occurrence: most of a
 * text's words are asked about again and again ("is this a concept's first word?").
 */
export class SurfaceMemo {
	private table = 0;
	private answers = new Uint8Array(0);
	constructor(private readonly ask: (key: string) => boolean) {}

	test(tokens: Tokens, k: number): boolean {
		if (tokens.surfaces !== this.table) {
			this.table = tokens.surfaces;
			this.answers = new Uint8Array(1024);
		}
		const s = tokens.surface(k);
		if (s >= this.answers.length) {
			const grown = new Uint8Array(Math.max(this.answers.length * 2, s + 1));
			grown.set(this.answers);
			this.answers = grown;
		}
		let answer = this.answers[s];
		if (answer === 0) {
			answer = this.ask(tokens.key(k)) ? 1 : 2;
			this.answers[s] = answer;
		}
		return answer === 1;
	}
}

class SurfaceTable {
	readonly id = ++tables;
	/** Open addressing, four numbers a slot: the hash, the surface's index plus one (0 for an empty slot), and where
	 * its codes start in `chars` and how many there are. */
	private slots = new Int32Array(4 << 14);
	private hashes: number[] = [];
	readonly texts: string[] = [];
	readonly keys: string[] = [];
	readonly shapes: number[] = [];
	/** Per surface, its key's number: surfaces that share a key ("Sanctions", "sanctions") share the number. */
	readonly keyIds: number[] = [];
	private readonly keyIndex = new Map<string, number>();

	/** How many distinct keys the table has numbered. */
	get keyCount(): number {
		return this.keyIndex.size;
	}

	/** The number of a key, or -1 if no surface has it. */
	keyNumber(key: string): number {
		return this.keyIndex.get(key) ?? -1;
	}

	/** Surfaces of one UTF-16 code (punctuation, "a", "I") by that code, plus one: no hashing for a fifth of the tokens. */
	private readonly singles = new Int32Array(65536);

	get size(): number {
		return this.texts.length;
	}

	/** The index of the one-code surface text[start], added if new. */
	single(text: string, start: number, code: number, kind: Kind): number {
		const known = this.singles[code];
		if (known !== 0) return known - 1;
		const idx = this.add(text, start, start + 1, code, kind, this.probe(code));
		this.singles[code] = idx + 1;
		return idx;
	}

	/** Every surface's codes, one after another, so a probe compares numbers, not strings. */
	private chars = new Uint16Array(1 << 16);
	private charsUsed = 0;
	private readonly offsets: number[] = [];

	/** The index of text[start, end) (its codes in buf), whose hash is `hash`, added if new. */
	find(text: string, buf: Uint16Array, start: number, end: number, hash: number, kind: Kind): number {
		const len = end - start;
		const slots = this.slots;
		const mask = (slots.length >> 2) - 1;
		const chars = this.chars;
		let at = hash & mask;
		for (;;) {
			const slot = slots[4 * at + 1];
			if (slot === 0) return this.add(text, start, end, hash, kind, at);
			if (slots[4 * at] === hash && slots[4 * at + 3] === len) {
				const from = slots[4 * at + 2];
				let x = 0;
				while (x < len && chars[from + x] === buf[start + x]) x++;
				if (x === len) return slot - 1;
			}
			at = (at + 1) & mask;
		}
	}

	/** The empty slot for a new surface with this hash. */
	private probe(hash: number): number {
		const slots = this.slots;
		const mask = (slots.length >> 2) - 1;
		let at = hash & mask;
		while (slots[4 * at + 1] !== 0) at = (at + 1) & mask;
		return at;
	}

	private add(text: string, start: number, end: number, hash: number, kind: Kind, at: number): number {
		const len = end - start;
		const word = text.slice(start, end);
		const idx = this.texts.length;
		this.texts.push(word);
		this.hashes.push(hash);
		if (this.charsUsed + len > this.chars.length) {
			const grown = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + len));
			grown.set(this.chars);
			this.chars = grown;
		}
		const from = this.charsUsed;
		for (let x = 0; x < len; x++) this.chars[from + x] = text.charCodeAt(start + x);
		this.charsUsed += len;
		this.offsets.push(from);
		if (kind === Bit.Word) {
			const key = tokenKey(word);
			this.keys.push(key);
			this.shapes.push(Bit.Word | (isUpperStart(word) ? Bit.Cap : 0) | (isAllUpper(word) ? Bit.Upper : 0) | (TITLE_SMALL_WORDS.has(word) ? Bit.Small : 0) | (ABBREVIATIONS.has(key) ? Bit.Abbreviation : 0));
		} else if (kind === Bit.Num) {
			this.keys.push(tokenKey(word));
			this.shapes.push(Bit.Num);
		} else {
			this.keys.push(word);
			const hyphen = word === '-' || word === '‑';
			const marks = (word === ':' || word === '—' ? Bit.Opens : 0) | (OPENERS.has(word) ? Bit.Opener : 0) | (word === '-' || word === '–' ? Bit.Dash : 0);
			this.shapes.push((hyphen || word === '.' || word === ',' ? Bit.Inner : 0) | (hyphen ? Bit.Hyphen : 0) | (SENTENCE_END.has(word) ? Bit.SentenceMark : 0) | marks);
		}
		const key = this.keys[idx];
		let keyId = this.keyIndex.get(key);
		if (keyId === undefined) {
			keyId = this.keyIndex.size;
			this.keyIndex.set(key, keyId);
		}
		this.keyIds.push(keyId);
		const slots = this.slots;
		if (this.texts.length * 4 > slots.length >> 1) this.grow();
		else {
			slots[4 * at] = hash;
			slots[4 * at + 1] = idx + 1;
			slots[4 * at + 2] = from;
			slots[4 * at + 3] = len;
		}
		return idx;
	}

	private grow(): void {
		const slots = new Int32Array(this.slots.length * 2);
		const mask = (slots.length >> 2) - 1;
		for (let idx = 0; idx < this.texts.length; idx++) {
			const hash = this.hashes[idx];
			let at = hash & mask;
			while (slots[4 * at + 1] !== 0) at = (at + 1) & mask;
			slots[4 * at] = hash;
			slots[4 * at + 1] = idx + 1;
			slots[4 * at + 2] = this.offsets[idx];
			slots[4 * at + 3] = this.texts[idx].length;
		}
		this.slots = slots;
	}
}

/**
 * A lookup by word key, remembered per distinct surface: the same answer without hashing the word again. Caches of
 * one kind share a pool of answers stamped with their owner, so a new dictionary per discovery run does not
 * allocate arrays the size of every word ever seen; a cache that finds another's stamp asks again.
 */
export class SurfaceCache<T> {
	private static owners = 0;
	private readonly owner = ++SurfaceCache.owners;
	constructor(
		private readonly pool: SurfacePool<T>,
		private readonly look: (key: string, text: string) => T | null,
	) {}

	get(tokens: Tokens, k: number): T | null {
		const pool = this.pool;
		if (tokens.surfaces !== pool.table) pool.reset(tokens.surfaces);
		const s = tokens.surface(k);
		if (s >= pool.stamps.length) pool.grow(s + 1);
		if (pool.stamps[s] === this.owner) return pool.values[s];
		const answer = this.look(tokens.key(k), tokens.text(k));
		pool.stamps[s] = this.owner;
		pool.values[s] = answer;
		return answer;
	}
}

/** The answers shared by caches of one kind. */
export class SurfacePool<T> {
	table = 0;
	stamps = new Int32Array(0);
	values: (T | null)[] = [];

	reset(table: number): void {
		this.table = table;
		this.stamps = new Int32Array(1024);
		this.values = new Array<T | null>(1024).fill(null);
	}

	grow(size: number): void {
		const length = Math.max(size, this.stamps.length * 2);
		const stamps = new Int32Array(length);
		stamps.set(this.stamps);
		this.stamps = stamps;
		while (this.values.length < length) this.values.push(null);
	}
}

// Bounded, so a long-running plugin's memory stays flat.
const MAX_SURFACES = 200_000;
let surfaces = new SurfaceTable();
let scratch = new Int32Array(4096);

// Tokens live in large shared blocks, one view per text, written in place: allocating (or copying into) a buffer
// per text costs more than the tokenizing. A text has at most one token per character, so that much room is
// reserved before it is read. A block is released once no text's tokens point into it.
const BLOCK = 1 << 18;
let block = new Int32Array(BLOCK);
let blockUsed = 0;

// The text's UTF-16 codes in a typed array: reading a string's characters one call at a time costs several times
// more than reading an array, and every character is read more than once (scan, lookahead, surface comparison).
const encoder = new TextEncoder();
let bytes = new Uint8Array(1 << 16);
let codes = new Uint16Array(1 << 16);
function codesOf(text: string): Uint16Array {
	const n = text.length;
	if (codes.length < n) {
		codes = new Uint16Array(Math.max(n, codes.length * 2));
		bytes = new Uint8Array(codes.length);
	}
	// Plain ASCII comes out of the encoder byte for byte; anything else is copied code by code.
	const { read, written } = encoder.encodeInto(text, bytes);
	if (read === n && written === n) codes.set(bytes.subarray(0, n));
	else for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
	return codes;
}

/** The class of a code past ASCII, learnt on first sight. */
function learnClass(c: number): number {
	const cls = Char.Seen | (LETTER.test(String.fromCharCode(c)) ? Char.Letter : 0);
	charClasses[c] = cls;
	return cls;
}

/** Whether the code at x (past the end reads as none) is a letter. */
function letterAt(buf: Uint16Array, x: number, n: number): boolean {
	if (x >= n) return false;
	const c = buf[x];
	const cls = charClasses[c];
	return ((cls === 0 ? learnClass(c) : cls) & Char.Letter) !== 0;
}

export function tokenize(text: string): Tokens {
	if (surfaces.size >= MAX_SURFACES) surfaces = new SurfaceTable();
	const table = surfaces;
	const shapes = table.shapes;
	const n = text.length;
	const buf = codesOf(text);
	// A local, so the optimised loop reads the table without looking the module variable up each time.
	const classes = charClasses;
	const need = 4 * n;
	let data: Int32Array;
	let base: number;
	let limit: number;
	if (need <= BLOCK) {
		if (blockUsed + need > BLOCK) {
			block = new Int32Array(BLOCK);
			blockUsed = 0;
		}
		data = block;
		base = blockUsed;
		limit = BLOCK;
	} else {
		// A text too long for a block is written into a scratch buffer shared by every call, then copied out.
		data = scratch;
		base = 0;
		limit = data.length;
	}
	// `at` is where the next token's four numbers go; `prev` is the last token's.
	let at = base;
	let i = 0;
	let space = true;
	let newline = true;
	// The current line's first token and its counts of words in capitals and in lower case, for headline detection;
	// and of capitalised words, lower-case words title case would capitalise, and numbers, for title-case lines.
	let lineFrom = base;
	let lineUpper = 0;
	let lineLower = 0;
	let lineCapital = 0;
	let lineOrdinary = 0;
	let lineNumbers = 0;
	// Sentence ends followed by more on the same line: a headline is one sentence.
	let lineSentences = 0;
	// Whether the next word starts a sentence, decided by the punctuation before it; a dash with spaces round it
	// ("1993 - Six former republics") opens a new stretch too.
	let pendingEnd = false;
	let spacedDash = false;
	while (i < n) {
		const c = buf[i];
		let cls = classes[c];
		if (cls === 0) cls = learnClass(c);
		if ((cls & Char.Space) !== 0) {
			if (c === 10) newline = true;
			space = true;
			i++;
			continue;
		}
		const start = i;
		let kind: Kind;
		let possessive = false;
		let hash = c;
		if ((cls & (Char.Letter | Char.Digit)) !== 0) {
			kind = (cls & Char.Digit) !== 0 ? Bit.Num : Bit.Word;
			// Initialism: letter-dot-letter-dot… ("U.S.", "U.N.")
			if (kind === Bit.Word && i + 3 < n && buf[i + 1] === 46 && buf[i + 3] === 46 && letterAt(buf, i + 2, n)) {
				i += 4;
				while (i + 1 < n && buf[i + 1] === 46 && letterAt(buf, i, n)) i += 2;
				for (let x = start + 1; x < i; x++) hash = (Math.imul(hash, 31) + buf[x]) | 0;
			} else {
				i++;
				while (i < n) {
					const d = buf[i];
					let dc = classes[d];
					if (dc === 0) dc = learnClass(d);
					if ((dc & (Char.Letter | Char.Digit)) !== 0) {
						hash = (Math.imul(hash, 31) + d) | 0;
						i++;
						continue;
					}
					// In-word apostrophe ("O'Brien", "don't"), but a possessive 's is not part of the name.
					if ((d === 39 || d === 0x2019) && letterAt(buf, i + 1, n)) {
						const s1 = buf[i + 1];
						if ((s1 === 115 || s1 === 83) && !letterAt(buf, i + 2, n)) {
							possessive = true;
							break;
						}
						hash = (Math.imul(Math.imul(hash, 31) + d, 31) + s1) | 0;
						i += 2;
						continue;
					}
					// Decimal or grouped numbers stay one token.
					if (kind === Bit.Num && (d === 46 || d === 44) && i + 1 < n) {
						const d1 = buf[i + 1];
						if (d1 >= 48 && d1 <= 57) {
							hash = (Math.imul(Math.imul(hash, 31) + d, 31) + d1) | 0;
							i += 2;
							continue;
						}
					}
					break;
				}
			}
		} else {
			kind = 0;
			i++;
		}
		const prev = at - 4;
		if (newline) {
			if (at > lineFrom) endLine(data, table, lineFrom, at, lineUpper, lineLower, lineCapital, lineOrdinary + lineSentences, lineNumbers);
			lineFrom = at;
			lineUpper = 0;
			lineLower = 0;
			lineCapital = 0;
			lineOrdinary = 0;
			lineNumbers = 0;
			lineSentences = 0;
		} else if (space && at > lineFrom && (data[prev + 3] & Bit.SentenceMark) !== 0) lineSentences++;
		const idx = i - start === 1 ? table.single(text, start, c, kind) : table.find(text, buf, start, i, hash, kind);
		const shape = shapes[idx];
		if (kind === Bit.Word) {
			if ((shape & Bit.Upper) !== 0) {
				if (i - start > 1) lineUpper++;
			} else lineLower++;
			// A hyphenated tail ("Min-jun", "Six-Party") is part of the word before it.
			const tail = !space && at > base && (data[prev + 3] & Bit.Hyphen) !== 0 && (data[prev + 3] & Bit.Space) === 0;
			if (!tail) {
				if ((shape & (Bit.Cap | Bit.Upper)) !== 0) lineCapital++;
				else if ((shape & Bit.Small) === 0) lineOrdinary++;
			}
		} else if (kind === Bit.Num) lineNumbers++;
		if (at + 4 > limit) {
			const grown = new Int32Array(data.length * 2);
			grown.set(data);
			data = grown;
			scratch = grown;
			limit = grown.length;
		}
		let flags = (space ? Bit.Space : 0) | shape | (newline ? Bit.Initial | Bit.LineStart : 0) | (possessive ? Bit.Possessive : 0);
		if (kind === 0) {
			if ((shape & Bit.SentenceMark) !== 0) {
				// "Mr.", "Gen.", "J." do not end a sentence.
				const abbreviation = at > base && !space && (data[prev + 3] & Bit.Word) !== 0 && ((data[prev + 3] & Bit.Abbreviation) !== 0 || (data[prev + 1] - data[prev] === 1 && (data[prev + 3] & Bit.Cap) !== 0));
				pendingEnd = !abbreviation;
			} else if ((shape & Bit.Opens) !== 0 || ((shape & Bit.Opener) !== 0 && (space || newline))) {
				// A quotation or a colon opens a new capitalised stretch.
				pendingEnd = true;
			}
			if (newline) pendingEnd = true;
			spacedDash = space && (shape & Bit.Dash) !== 0;
		} else {
			if (pendingEnd || (spacedDash && space)) flags |= Bit.Initial;
			pendingEnd = false;
			spacedDash = false;
		}
		data[at] = start;
		data[at + 1] = i;
		data[at + 2] = idx;
		data[at + 3] = flags;
		at += 4;
		if (possessive) i += 2;
		space = false;
		newline = false;
	}
	if (at > lineFrom) endLine(data, table, lineFrom, at, lineUpper, lineLower, lineCapital, lineOrdinary + lineSentences, lineNumbers);
	const count = (at - base) >> 2;
	if (data === block) {
		blockUsed = at;
		return new Tokens(text, block.subarray(base, at), count, table);
	}
	return new Tokens(text, data.slice(0, at), count, table);
}

/**
 * A line in capitals is a headline or dateline. A line of three or more capitalised words and only small words in
 * lower case is a title-case headline, unless it is a byline ("By Hana Kobayashi and …") or a table row (numbers).
 * `from` and `to` are offsets into `data`, four numbers a token.
 */
function endLine(data: Int32Array, table: SurfaceTable, from: number, to: number, upper: number, lower: number, capital: number, ordinary: number, numbers: number): void {
	let mark = 0;
	if (upper > 0 && upper >= 2 * lower) mark = Bit.CapsLine;
	else if (capital >= 3 && ordinary === 0 && numbers <= 1 && table.keys[data[from + 2]] !== 'by') mark = Bit.TitleLine;
	if (mark !== 0) for (let k = from; k < to; k += 4) data[k + 3] |= mark;
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
	const t = tokenize(name);
	for (let k = 0; k < t.length; k++) if (!t.isPunct(k)) parts.push(t.key(k));
	const key = parts.join(' ');
	return key.startsWith('the ') ? key.slice(4) : key;
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
	const t = tokenize(phrase);
	for (let k = 0; k < t.length; k++) if (!t.isPunct(k)) parts.push(lemmaKey(t.text(k)));
	return parts.join(' ');
}

/** A number made of a key's first two characters: a set of them filters words without making a string. */
export function prefixCode(key: string): number {
	return key.length < 2 ? -1 : key.charCodeAt(0) * 65536 + key.charCodeAt(1);
}
