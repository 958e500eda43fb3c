// Embedded JSON blobs (JSON-LD, CMS page data) that scrapers leave in the dump. They are page
// furniture for the body but the best metadata source there is. Parsed with JSON.parse only;
// a broken blob still yields its obvious "key": "value" pairs.

export interface JsonMeta {
	title?: string;
	description?: string;
	authors: string[];
	published?: string;
	publisher?: string;
	topics: string[];
	regions: string[];
	tags: string[];
}

export interface JsonBlob {
	start: number;
	end: number;
	meta: JsonMeta;
}

const MAX_BLOB = 500_000;

/** End (exclusive) of the balanced JSON value opening at `start`, or -1. String-aware, linear. */
function balancedEnd(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	const limit = Math.min(text.length, start + MAX_BLOB);
	for (let i = start; i < limit; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92) i++;
			else if (c === 34) inString = false;
			continue;
		}
		if (c === 34) inString = true;
		else if (c === 123 || c === 91) depth++;
		else if (c === 125 || c === 93) {
			depth--;
			if (depth === 0) return i + 1;
		}
	}
	return -1;
}

function emptyMeta(): JsonMeta {
	return { authors: [], topics: [], regions: [], tags: [] };
}

function strings(v: unknown): string[] {
	if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
	if (Array.isArray(v)) return v.flatMap((x) => strings(x));
	if (v && typeof v === 'object') {
		const name = (v as Record<string, unknown>).name;
		if (typeof name === 'string' && name.trim()) return [name.trim()];
	}
	return [];
}

function pushUnique(into: string[], values: string[]): void {
	for (const v of values) if (!into.includes(v)) into.push(v);
}

/** Walks a parsed value collecting the article fields under their usual key names. */
function collect(value: unknown, meta: JsonMeta, depth: number): void {
	if (depth > 8 || value === null || typeof value !== 'object') return;
	if (Array.isArray(value)) {
		for (const v of value) collect(v, meta, depth + 1);
		return;
	}
	for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
		const k = key.toLowerCase();
		if (k === 'authors' || k === 'author' || k === 'creator' || k === 'byline') pushUnique(meta.authors, strings(v).filter((s) => s.length < 80));
		else if (k === 'datepublished' || k === 'publisheddate' || k === 'publishdate' || k === 'date_published' || k === 'pubdate') meta.published ??= strings(v)[0];
		else if (k === 'publisher' || k === 'sitename' || k === 'site_name') meta.publisher ??= strings(v)[0];
		else if (k === 'headline' || k === 'title') meta.title ??= strings(v)[0];
		else if (k === 'description' || k === 'standfirst' || k === 'dek') meta.description ??= strings(v)[0];
		else if (k === 'topics' || k === 'topic') pushUnique(meta.topics, strings(v));
		else if (k === 'regions' || k === 'region') pushUnique(meta.regions, strings(v));
		else if (k === 'tags' || k === 'keywords') pushUnique(meta.tags, strings(v).flatMap((s) => (k === 'keywords' ? s.split(',') : [s])).map((s) => s.trim()).filter(Boolean));
		else if (typeof v === 'object') collect(v, meta, depth + 1);
	}
}

/** Broken JSON: pick `"key": "value"` and `"key": ["a", "b"]` pairs with a plain scan. */
function salvage(blob: string): unknown {
	const out: Record<string, unknown> = {};
	const pair = /"([A-Za-z_]{2,40})"\s*:\s*("(?:[^"\\\n]|\\.){0,400}"|\[[^[\]{}]{0,4000}\])/g;
	for (const m of blob.matchAll(pair)) {
		const key = m[1];
		if (key in out) continue;
		try {
			out[key] = JSON.parse(m[2]) as unknown;
		} catch {
			// A value we cannot read is simply left out.
		}
	}
	return out;
}

/**
 * Where a JSON value opens a line: `{` or `[` after indentation, then the line's end or a `"`.
 * Returns the bracket's offset, searching from the line that starts at or after `from`; -1 if none.
 */
function nextOpener(text: string, from: number): number {
	for (let line = from; line < text.length; ) {
		let i = line;
		while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
		const c = text.charCodeAt(i);
		if (c === 123 || c === 91) {
			let j = i + 1;
			while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
			const d = text.charCodeAt(j);
			// CR too: a CRLF file's `{` line ends in `\r`.
			if (j >= text.length || d === 10 || d === 13 || d === 34) return i;
		}
		const nl = text.indexOf('\n', i);
		if (nl < 0) break;
		line = nl + 1;
	}
	return -1;
}

/** Start of the next blank line (LF or CRLF) at or after `from`, or the text's end. */
function nextBlankLine(text: string, from: number): number {
	const blank = /\n[ \t]*\r?\n/g;
	blank.lastIndex = from;
	const m = blank.exec(text);
	return m ? m.index : text.length;
}

/** Finds JSON objects/arrays that open a line, returns their spans and metadata. */
export function findJsonBlobs(text: string): JsonBlob[] {
	const blobs: JsonBlob[] = [];
	let from = 0;
	for (let start = nextOpener(text, from); start >= 0; start = nextOpener(text, from)) {
		let end = balancedEnd(text, start);
		const broken = end < 0;
		// Unbalanced: take the run up to the next blank line so the blob still leaves the body.
		if (broken) end = nextBlankLine(text, start);
		const slice = text.slice(start, end);
		if (!slice.includes('":')) {
			// Not JSON after all: go on from the next line.
			const nl = text.indexOf('\n', start);
			if (nl < 0) break;
			from = nl + 1;
			continue;
		}
		let parsed: unknown;
		try {
			parsed = broken ? salvage(slice) : (JSON.parse(slice) as unknown);
		} catch {
			parsed = salvage(slice);
		}
		const meta = emptyMeta();
		collect(parsed, meta, 0);
		blobs.push({ start, end, meta });
		// The next opener must open a line of its own after the blob.
		const nl = text.indexOf('\n', end);
		if (nl < 0) break;
		from = nl + 1;
	}
	return blobs;
}

/** Merges the blobs' metadata, first value wins. */
export function mergeJsonMeta(blobs: readonly JsonBlob[]): JsonMeta {
	const meta = emptyMeta();
	for (const b of blobs) {
		meta.title ??= b.meta.title;
		meta.description ??= b.meta.description;
		meta.published ??= b.meta.published;
		meta.publisher ??= b.meta.publisher;
		pushUnique(meta.authors, b.meta.authors);
		pushUnique(meta.topics, b.meta.topics);
		pushUnique(meta.regions, b.meta.regions);
		pushUnique(meta.tags, b.meta.tags);
	}
	return meta;
}
