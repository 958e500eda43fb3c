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

interface Physical {
	raw: string;
	start: number;
	end: number;
}

const BULLET = /^(?:[•◦▪▫■□☆★○●◆◇►▶▸‣∙·*+-]|\d{1,2}[.)])(?=\s)/u;

function physicalLines(text: string): Physical[] {
	const out: Physical[] = [];
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		let stop = end;
		if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
		out.push({ raw: text.slice(start, stop), start, end: stop });
		start = end + 1;
	}
	return out;
}

/**
 * The column a hard-wrapped dump was wrapped at, or 0 when lines are not wrapped.
 * A wrapper leaves no line past the width that it could have broken at a space, and many
 * lines just short of it; a paragraph-per-line dump has breakable long lines everywhere.
 */
export function detectWrapWidth(lines: readonly { raw: string }[]): number {
	for (const width of [72, 76, 78, 80, 100, 120]) {
		let breakable = 0;
		let near = 0;
		let longest = 0;
		for (const { raw } of lines) {
			const text = raw.trimEnd();
			if (text.length > width) {
				const indent = text.length - text.trimStart().length;
				if (text.lastIndexOf(' ', width) > indent) breakable++;
			} else {
				if (text.length >= width - 12) near++;
				if (text.length > longest) longest = text.length;
			}
		}
		// The longest fitting line is the real width (79 for lynx, 80 for w3m).
		if (near >= 5 && breakable <= near * 0.02) return longest;
	}
	return 0;
}

function firstWordLength(s: string): number {
	const t = s.trimStart();
	const sp = t.search(/\s/);
	return sp < 0 ? t.length : sp;
}

/** Splits the text into logical lines, rejoining hard-wrapped paragraphs. */
export function toLines(text: string): Line[] {
	const phys = physicalLines(text);
	const width = detectWrapWidth(phys);
	const out: Line[] = [];
	let blank = true;
	let cur: Line | null = null;
	let curLast = '';
	for (const p of phys) {
		const trimmed = p.raw.trim();
		if (!trimmed) {
			if (cur) out.push(cur);
			cur = null;
			blank = true;
			continue;
		}
		const indent = p.raw.length - p.raw.trimStart().length;
		const bullet = BULLET.exec(trimmed)?.[0];
		// A wrapped line is continued when the next word would not have fitted on it.
		const continues = cur !== null && width > 0 && !bullet && curLast.length + 1 + firstWordLength(trimmed) > width;
		if (cur && continues) {
			cur.text += ' ' + trimmed;
			cur.end = p.start + indent + trimmed.length;
			curLast = p.raw.trimEnd();
			continue;
		}
		if (cur) out.push(cur);
		cur = { text: trimmed, start: p.start + indent, end: p.start + indent + trimmed.length, indent, blankBefore: blank };
		if (bullet) cur.bullet = bullet;
		curLast = p.raw.trimEnd();
		blank = false;
	}
	if (cur) out.push(cur);
	return out;
}
