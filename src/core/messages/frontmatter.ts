// A small YAML-subset reader for note frontmatter: top-level `key: value`, flow lists and block lists.
// The full `yaml` package costs tens of microseconds a note, too much for a 10,000-note rebuild within a second;
// notes written by Envoy (and most hand-edited ones) use only this subset. Anything it cannot read becomes a string.

export type FrontmatterValue = string | number | boolean | null | FrontmatterValue[];

/** Splits a note into its frontmatter lines and the 0-based line where the body starts. */
export function frontmatterBounds(lines: string[]): { end: number; bodyStart: number } | null {
	if (lines.length === 0 || lines[0].trimEnd() !== '---') return null;
	for (let i = 1; i < lines.length; i++) {
		const t = lines[i].trimEnd();
		if (t === '---' || t === '...') return { end: i, bodyStart: i + 1 };
	}
	return null;
}

/**
 * `key: value` pairs of the frontmatter lines [from, to) of `lines`. With `wanted`, only those keys are read:
 * the others (and their list items) are skipped without building their values.
 */
export function parseFrontmatterLines(lines: string[], wanted?: ReadonlySet<string>, from = 0, to = lines.length): Record<string, FrontmatterValue> {
	const out: Record<string, FrontmatterValue> = {};
	let listKey: string | null = null;
	let skipping = false;
	for (let i = from; i < to; i++) {
		const raw = lines[i];
		const first = raw.charCodeAt(0);
		// An unwanted key's block-list items and continuation lines start with a space or a dash.
		if (skipping && (first === 32 || first === 9 || first === 45)) continue;
		skipping = false;
		if (wanted && first !== 32 && first !== 9 && first !== 45 && first !== 35) {
			const colon = raw.indexOf(':');
			if (colon > 0 && !wanted.has(raw.slice(0, colon).trim())) {
				skipping = true;
				listKey = null;
				continue;
			}
		}
		if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
		const item = raw.trimStart().startsWith('-') ? (/^\s*-\s+(.*)$/.exec(raw) ?? (/^\s*-\s*$/.test(raw) ? ['', ''] : null)) : null;
		if (item && listKey !== null) {
			const list = out[listKey];
			if (Array.isArray(list)) list.push(scalar(item[1]));
			else out[listKey] = [scalar(item[1])];
			continue;
		}
		const kv = /^([^\s:#][^:]*?):(?:\s+(.*))?$/.exec(raw);
		if (!kv) continue;
		const key = kv[1].trim();
		const value = (kv[2] ?? '').trim();
		if (value === '') {
			// Null until a `- item` line shows it is a block list.
			out[key] = null;
			listKey = key;
			continue;
		}
		listKey = null;
		out[key] = value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[') ? flowList(value.slice(1, -1)) : scalar(value);
	}
	return out;
}

function flowList(body: string): FrontmatterValue[] {
	const items: string[] = [];
	let depth = 0;
	let quote: string | null = null;
	let cur = '';
	for (const ch of body) {
		if (quote) {
			cur += ch;
			if (ch === quote) quote = null;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			cur += ch;
		} else if (ch === '[') {
			depth++;
			cur += ch;
		} else if (ch === ']') {
			depth--;
			cur += ch;
		} else if (ch === ',' && depth === 0) {
			items.push(cur);
			cur = '';
		} else cur += ch;
	}
	if (cur.trim() !== '') items.push(cur);
	return items.map((s) => scalar(s.trim()));
}

function scalar(raw: string): FrontmatterValue {
	const v = (raw.includes('#') ? raw.replace(/\s+#.*$/, '') : raw).trim();
	if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
	if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
	if (v === 'null' || v === '~') return null;
	if (v === 'true') return true;
	if (v === 'false') return false;
	const c = v.charCodeAt(0);
	if (((c >= 48 && c <= 57) || c === 45) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
	return v;
}
