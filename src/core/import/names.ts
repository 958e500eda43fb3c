// Note names that are valid file names everywhere a vault may sync to (Windows, macOS, Linux,
// Android, iOS) and valid Obsidian link targets, and vault paths built without Node's `path`.

/** Characters Windows or Obsidian links refuse in a file name. */
const FORBIDDEN = /[*"\\/<>:|?#^[\]]/g;
/** Controls, format characters (bidi overrides, zero-width) and lone surrogates: invisible or invalid. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]|\p{Cs}/gu;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\s*(?:\.|$))/i;
/** ext4, APFS and NTFS cap a name at 255 bytes or units; encrypted Android storage at about 143 bytes. Leave room for ".md". */
const MAX_UTF8_BYTES = 140;
const FALLBACK = 'Untitled';

function replaceForbidden(text: string): string {
	return text.replace(FORBIDDEN, (ch) => {
		switch (ch) {
			case ':':
				return ' - ';
			case '/':
			case '\\':
			case '|':
				return '-';
			case '"':
				return "'";
			default:
				return ' ';
		}
	});
}

function trimEdges(text: string): string {
	return text.replace(/^[\s.]+|[\s.]+$/gu, '');
}

function utf8Length(text: string): number {
	let bytes = 0;
	for (const ch of text) {
		const cp = ch.codePointAt(0) ?? 0;
		bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** Cuts to at most `units` UTF-16 code units and MAX_UTF8_BYTES bytes, by whole code points, preferring a word break. */
function truncate(text: string, units: number, bytes: number): string {
	if (text.length <= units && utf8Length(text) <= bytes) return text;
	let out = '';
	let outBytes = 0;
	for (const ch of text) {
		const chBytes = utf8Length(ch);
		if (out.length + ch.length > units || outBytes + chBytes > bytes) break;
		out += ch;
		outBytes += chBytes;
	}
	const lastSpace = out.lastIndexOf(' ');
	if (lastSpace > out.length * 0.6) out = out.slice(0, lastSpace);
	return trimEdges(out);
}

/** A valid, non-empty note name for `title`, not checked for uniqueness. */
export function cleanNoteName(title: string, maxLength = 120): string {
	// Path-like titles ("../../etc/passwd") lose their dot segments and outer slashes before the
	// separators become dashes, so they read as words rather than as "-..-etc".
	const pathless = title
		.normalize('NFC')
		.replace(INVISIBLE, '')
		.replace(/(?:^|[\\/])\.{1,2}(?=[\\/]|$)/g, '')
		.replace(/^[\\/\s]+|[\\/\s]+$/g, '');
	let name = replaceForbidden(pathless)
		.replace(/\s+/gu, ' ')
		.replace(/ - (?:- )+/g, ' - ');
	name = trimEdges(name).replace(RESERVED, '$1_');
	return fit(name, clampLength(maxLength), MAX_UTF8_BYTES);
}

/** Below this a numeric suffix would not fit next to any text. */
const MIN_LENGTH = 8;

function clampLength(maxLength: number): number {
	return Number.isFinite(maxLength) ? Math.max(MIN_LENGTH, Math.floor(maxLength)) : 120;
}

/** Truncates, then makes sure the cut did not produce an empty or reserved name. */
function fit(name: string, units: number, bytes: number): string {
	let out = truncate(name, units, bytes);
	if (out === '') out = FALLBACK.slice(0, Math.max(1, units));
	// "Con_ artists" cut to "Con" would be a device name again: spend the last character on the underscore.
	if (RESERVED.test(out)) out = `${out.slice(0, -1)}_`;
	return out;
}

/**
 * A note name (without `.md`) safe on every platform and unique among `taken` (lower-cased names
 * without `.md`), case-insensitively: " 2", " 3", … are added, shortening the name to make room.
 */
export function safeNoteName(title: string, taken: ReadonlySet<string>, maxLength = 120): string {
	const max = clampLength(maxLength);
	const base = cleanNoteName(title, max);
	if (!taken.has(base.toLowerCase())) return base;
	for (let n = 2; ; n++) {
		const suffix = ` ${n}`;
		const stem = fit(base, Math.max(1, max - suffix.length), MAX_UTF8_BYTES - suffix.length);
		const candidate = `${stem}${suffix}`;
		if (!taken.has(candidate.toLowerCase())) return candidate;
	}
}

/** The last path segment, without a `.md` extension. */
export function noteNameOf(path: string): string {
	const base = path.slice(path.lastIndexOf('/') + 1);
	return base.toLowerCase().endsWith('.md') ? base.slice(0, -3) : base;
}

/**
 * Joins a vault folder and a name into a vault-relative path with `/`. `.` and `..` segments are
 * resolved and can never climb above the vault root, and the name's own separators are kept
 * inside the folder.
 */
export function joinVaultPath(folder: string, name: string): string {
	const parts: string[] = [];
	const push = (segment: string, climb: boolean) => {
		if (segment === '' || segment === '.') return;
		if (segment === '..') {
			if (climb && parts.length > 0) parts.pop();
			return;
		}
		parts.push(segment);
	};
	for (const segment of folder.split(/[\\/]+/)) push(segment, true);
	// A name may not climb out of its folder, so its `..` segments are dropped, not resolved.
	for (const segment of name.split(/[\\/]+/)) push(segment, false);
	return parts.join('/');
}
