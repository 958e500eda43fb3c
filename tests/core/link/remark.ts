// remark (mdast-util-from-markdown + frontmatter) as the reference reader for the property tests.

import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Nodes, Root } from 'mdast';

export const parse = (md: string): Root => fromMarkdown(md, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });

const NOT_PROSE = new Set(['link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'code', 'html', 'definition', 'yaml']);

/** 1 for every offset inside a remark `text` node that has no link/code/html/... ancestor. */
export function proseMask(md: string): Uint8Array {
	const mask = new Uint8Array(md.length + 1);
	// micromark drops a leading byte-order mark and counts offsets without it.
	const bom = md.charCodeAt(0) === 0xfeff ? 1 : 0;
	const walk = (n: Nodes, blocked: boolean): void => {
		// Without GFM (not installed) remark reads a footnote definition `[^1]: text` as a link definition.
		// Its text is prose to GFM and Obsidian, so it is judged by the label rule alone: after `]:`.
		if (n.type === 'definition' && n.label?.startsWith('^') && n.position) {
			const s = md.indexOf(']:', (n.position.start.offset ?? 0) + bom) + 2;
			mask.fill(1, s, (n.position.end.offset ?? 0) + bom);
			return;
		}
		const b = blocked || NOT_PROSE.has(n.type);
		if (n.type === 'text' && !b && n.position) mask.fill(1, (n.position.start.offset ?? 0) + bom, (n.position.end.offset ?? 0) + bom);
		if ('children' in n) for (const c of n.children) walk(c as Nodes, b);
	};
	walk(parse(md), false);
	return mask;
}

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'imageReference', 'inlineCode', 'break', 'html', 'footnoteReference']);

/** The block skeleton: block node types with their nesting, phrasing content left out. */
export function blockShape(md: string): string {
	const out: string[] = [];
	const walk = (n: Nodes, depth: number): void => {
		if (PHRASING.has(n.type)) return;
		out.push(`${depth}:${n.type}`);
		if ('children' in n) for (const c of n.children) walk(c as Nodes, depth + 1);
	};
	walk(parse(md), 0);
	return out.join(' ');
}

export function countLinks(md: string): number {
	let n = 0;
	const walk = (x: Nodes): void => {
		if (x.type === 'link') n++;
		if ('children' in x) for (const c of x.children) walk(c as Nodes);
	};
	walk(parse(md));
	return n;
}
