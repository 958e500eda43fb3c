// Raw page text → logical lines. A copied page is either one paragraph per line or hard-wrapped
// (w3m/lynx at ~80 columns); a wrapped paragraph is rejoined here so every later stage sees the
// same units whatever the dump width, with offsets into the raw text kept for each unit.

/** One logical line: a paragraph, heading, menu entry… with its span in the raw text. */
export interface Line {
	/** Trimmed text, wrapped continuation lines joined with one space. */
	text: string;
	start: number;
	end: number;
	/** Leading spaces of the first physical line: menus and side columns are indented by text browsers. */
	indent: number;
	/** A blank line precedes it (or it opens the file). */
	blankBefore: boolean;
	/** The bullet glyph that opens it (`•`, `□`, `☆`, `*`, `-`, `1.`), if any. */
	bullet?: string;
}

const BULLET = /^(?:[•◦▪▫■□☆★○●◆◇►▶▸‣∙·*+-]|\d{1,2}[.)])(?=\s)/u;

/** Physical lines as spans of the raw text: where each starts, where its content starts and ends. */
interface Physical {
	/** Start of the line. */
	start: Int32Array;
	/** First non-space character (= `end` for a blank line). */
	from: Int32Array;
	/** End of the content, trailing spaces and `\r` excluded. */
	end: Int32Array;
	count: number;
}

function isBlank(c: number): boolean {
	return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

function physicalLines(text: string): Physical {
	let count = 1;
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
	const start = new Int32Array(count);
	const from = new Int32Array(count);
	const end = new Int32Array(count);
	let pos = 0;
	for (let k = 0; k < count; k++) {
		let stop = text.indexOf('\n', pos);
		if (stop < 0) stop = text.length;
		let a = pos;
		while (a < stop && isBlank(text.charCodeAt(a))) a++;
		let b = stop;
		while (b > a && isBlank(text.charCodeAt(b - 1))) b--;
		start[k] = pos;
		from[k] = a;
		end[k] = b;
		pos = stop + 1;
	}
	return { start, from, end, count };
}

/**
 * The column a hard-wrapped dump was wrapped at, or 0 when lines are not wrapped.
 * A wrapper leaves no line past the width that it could have broken at a space, and many
 * lines just short of it; a paragraph-per-line dump has breakable long lines everywhere.
 */
const WIDTHS = [72, 76, 78, 80, 100, 120];

function wrapWidth(text: string, phys: Physical): number {
	// Where each long line could first have been broken: its first space past the indent.
	const firstBreak = new Int32Array(phys.count);
	for (let k = 0; k < phys.count; k++) {
		if (phys.end[k] - phys.start[k] <= WIDTHS[0]) continue;
		const sp = text.indexOf(' ', phys.from[k] + 1);
		firstBreak[k] = sp < 0 || sp >= phys.end[k] ? 0x7fffffff : sp;
	}
	for (const width of WIDTHS) {
		let breakable = 0;
		let near = 0;
		let longest = 0;
		for (let k = 0; k < phys.count; k++) {
			const start = phys.start[k];
			const length = phys.end[k] - start;
			if (phys.end[k] === phys.from[k]) continue;
			if (length > width) {
				if (firstBreak[k] <= start + width) breakable++;
			} else {
				if (length >= width - 12) near++;
				if (length > longest) longest = length;
			}
		}
		// The longest fitting line is the real width (79 for lynx, 80 for w3m).
		if (near >= 5 && breakable <= near * 0.02) return longest;
	}
	return 0;
}

/** `wrapWidth` of a text given as lines (exposed for tests). */
export function detectWrapWidth(lines: readonly { raw: string }[]): number {
	const text = lines.map((l) => l.raw).join('\n');
	return wrapWidth(text, physicalLines(text));
}

function firstWordLength(text: string, from: number, end: number): number {
	let i = from;
	while (i < end && !isBlank(text.charCodeAt(i))) i++;
	return i - from;
}

/** Splits the text into logical lines, rejoining hard-wrapped paragraphs. */
export function toLines(text: string): Line[] {
	const phys = physicalLines(text);
	const width = wrapWidth(text, phys);
	const out: Line[] = [];
	let blank = true;
	let cur: Line | null = null;
	// Wrapped continuations are collected and joined once, not concatenated line by line.
	let parts: string[] | null = null;
	let curLastLength = 0;
	const close = () => {
		if (!cur) return;
		if (parts) cur.text = parts.join(' ');
		out.push(cur);
		cur = null;
		parts = null;
	};
	for (let k = 0; k < phys.count; k++) {
		const from = phys.from[k];
		const end = phys.end[k];
		if (from === end) {
			close();
			blank = true;
			continue;
		}
		const start = phys.start[k];
		const indent = from - start;
		const trimmed = text.slice(from, end);
		const bullet = startsWithBullet(text.charCodeAt(from)) ? BULLET.exec(trimmed)?.[0] : undefined;
		// A wrapped line is continued when the next word would not have fitted on it.
		if (cur !== null && width > 0 && !bullet && curLastLength + 1 + firstWordLength(text, from, end) > width) {
			const line: Line = cur;
			(parts ??= [line.text]).push(trimmed);
			line.end = end;
			curLastLength = end - start;
			continue;
		}
		close();
		const line: Line = { text: trimmed, start: from, end, indent, blankBefore: blank };
		if (bullet) line.bullet = bullet;
		cur = line;
		curLastLength = end - start;
		blank = false;
	}
	close();
	return out;
}

/** Could open a BULLET: a bullet glyph or a digit. */
function startsWithBullet(c: number): boolean {
	return (c >= 48 && c <= 57) || c === 42 || c === 43 || c === 45 || c > 127;
}
