// Which words and links stand for which capital: the capital's own note, its country's note, its aliases and
// its metonyms ("the Kremlin" speaks for Moscow). Built once per capital list, then shared by every note.
import type { CapitalInfo, SourceParagraph } from './source-note';

/** A stretch of paragraph text that names an entity: a link, or an unlinked name of a known capital. */
export interface Mention {
	start: number;
	end: number;
	/** The capital it stands for, if any. */
	capital: CapitalInfo | null;
	/** Linked note name, or the surface text when unlinked. */
	entity: string;
	linked: boolean;
}

export class CapitalResolver {
	readonly capitals: CapitalInfo[];
	private readonly byName = new Map<string, CapitalInfo>();
	private readonly bySurface = new Map<string, CapitalInfo>();
	private readonly surfaces: RegExp | null;
	private readonly memo = new Map<string, CapitalInfo | null>();

	constructor(capitals: CapitalInfo[]) {
		this.capitals = capitals;
		const names = (c: CapitalInfo): string[] => [c.note, noteName(c.path), ...c.aliases, ...(c.country ? [c.country] : []), ...c.metonyms];
		// The capital's own note name is registered first everywhere, so a clash (an alias shared by two) never hides a capital.
		for (const c of capitals) this.byName.set(c.note.toLowerCase(), c);
		for (const c of capitals) {
			for (const n of names(c)) {
				const key = n.trim().toLowerCase();
				if (key !== '' && !this.byName.has(key)) this.byName.set(key, c);
				const bare = withoutArticle(n.trim());
				if (bare !== '' && !this.byName.has(bare.toLowerCase())) this.byName.set(bare.toLowerCase(), c);
				if (bare.length > 1 && !this.bySurface.has(bare)) this.bySurface.set(bare, c);
			}
		}
		const alts = [...this.bySurface.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
		this.surfaces = alts.length > 0 ? new RegExp(`(?<![\\w’'-])(?:${alts.join('|')})(?![\\w-]|['’](?![sS]\\b))`, 'g') : null;
	}

	/** The capital a link target (note name), a mark's capital or a surface form stands for. */
	resolve(name: string): CapitalInfo | undefined {
		// Link targets repeat across a vault: remember each exact string's answer (null for "none").
		const known = this.memo.get(name);
		if (known !== undefined) return known ?? undefined;
		const key = name.trim().toLowerCase();
		const found = this.byName.get(key) ?? this.byName.get(withoutArticle(key));
		if (this.memo.size < 100_000) this.memo.set(name, found ?? null);
		return found;
	}

	/** Links first, then unlinked names of capitals where no link covers them. Sorted by position. */
	mentions(p: SourceParagraph): Mention[] {
		const out: Mention[] = p.links.map((l) => ({ start: l.start, end: l.end, capital: this.resolve(l.target) ?? null, entity: l.target, linked: true }));
		if (this.surfaces) {
			const re = this.surfaces;
			re.lastIndex = 0;
			for (let m = re.exec(p.text); m !== null; m = re.exec(p.text)) {
				const start = m.index;
				const end = start + m[0].length;
				if (p.links.some((l) => l.start < end && start < l.end)) continue;
				out.push({ start, end, capital: this.bySurface.get(m[0]) ?? null, entity: m[0], linked: false });
			}
			if (out.length > p.links.length) out.sort((a, b) => a.start - b.start);
		}
		return out;
	}
}

function withoutArticle(s: string): string {
	return s.replace(/^the\s+/i, '');
}

function noteName(path: string): string {
	const file = path.slice(path.lastIndexOf('/') + 1);
	return file.toLowerCase().endsWith('.md') ? file.slice(0, -3) : file;
}

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
