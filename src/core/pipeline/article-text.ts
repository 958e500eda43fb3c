import type { Article } from '../types';

/**
 * The raw text with everything the cleaner dropped replaced by spaces (line breaks kept), so that
 * discovery sees only the article and every offset it reports still points into the file as read.
 */
export function articleOnlyText(raw: string, article: Article): string {
	const keep = new Uint8Array(raw.length);
	for (const block of article.blocks) {
		if (!block.source) continue;
		keep.fill(1, Math.max(0, block.source.start), Math.min(raw.length, block.source.end));
	}
	let out = '';
	let runStart = 0;
	for (let i = 0; i <= raw.length; i++) {
		if (i < raw.length && keep[i] === keep[runStart]) continue;
		const run = raw.slice(runStart, i);
		out += keep[runStart] ? run : run.replace(/[^\n]/g, ' ');
		runStart = i;
	}
	return out;
}
