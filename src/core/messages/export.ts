// The current view as an ordinary Markdown note: a section per capital, one list item per message with a
// block link to its paragraph. Plain Markdown and wikilinks only, so the note keeps working (and shows in
// the graph) without the plugin.
import { EXPORT_PROPERTY } from './marks';
import { messageSnippet } from './snippet';
import type { MessagePassage } from './source-note';
import type { CapitalMessage, MessagesModel } from '../types';

export interface ExportOptions {
	/** Heading of the note (default "Messages to capitals"). */
	title?: string;
	/** ISO date or date-time recorded in the frontmatter; omitted when absent, which keeps the function pure. */
	exported?: string;
	/** Characters of passage text per item (default 400). */
	maxChars?: number;
	/** Keep capitals that have no messages (default false). */
	includeEmpty?: boolean;
}

export function exportMessagesMarkdown(model: MessagesModel, options: ExportOptions = {}): string {
	const maxChars = options.maxChars ?? 400;
	const out: string[] = ['---', `${EXPORT_PROPERTY}: messages-to-capitals`];
	if (options.exported) out.push(`exported: ${options.exported}`);
	out.push('---', '', `# ${options.title ?? 'Messages to capitals'}`);
	for (const s of model.capitals) {
		if (s.messages.length === 0 && !options.includeEmpty) continue;
		const count = s.messages.length;
		out.push('', `## ${escapeInline(s.capital)}`, '', `${wikilink(s.note, s.capital)}${s.country ? ` · ${escapeInline(s.country)}` : ''} · ${count} ${count === 1 ? 'passage' : 'passages'}`, '');
		for (const m of s.messages) out.push(item(m, maxChars));
	}
	return out.join('\n') + '\n';
}

function item(m: CapitalMessage, maxChars: number): string {
	const p = m as MessagePassage;
	const flag = p.dismissed ? ' (dismissed)' : p.mention ? ' (mention only)' : m.origin === 'detected' ? '' : ` (${m.origin} by the reader)`;
	const { text, offset } = messageSnippet(m, maxChars);
	const source = [blockLink(m), m.outlet ? escapeInline(m.outlet) : null, m.published].filter((x): x is string => !!x).join(', ');
	const cue = m.cue ? ` *${escapeInline(m.cue)}*` : '';
	return `- **${escapeInline(m.sender ?? 'Unstated')} → ${escapeInline(m.recipient)}**${cue}${flag}: ${emphasise(text, offset, m)} — ${source}`;
}

/** `[[path#^block|title]]`: a block link when the paragraph has an id, else a link to the note. */
export function blockLink(m: Pick<CapitalMessage, 'note' | 'block' | 'title'>): string {
	const target = m.note.replace(/\.md$/i, '');
	return wikilink(m.block ? `${target}#^${m.block}` : target, m.title);
}

function wikilink(target: string, label: string): string {
	const alias = label.replace(/[[\]|#^]/g, ' ').replace(/\s+/g, ' ').trim();
	const t = target.replace(/\.md$/i, '');
	return alias && alias !== t ? `[[${t}|${alias}]]` : `[[${t}]]`;
}

/** Bold for the recipient and cue, inside the snippet that starts at `offset` of the passage text. */
function emphasise(snippet: string, offset: number, m: CapitalMessage): string {
	const ranges = m.highlights.filter((h) => h.kind !== 'sender').map((h) => ({ start: h.start - offset, end: h.end - offset })).filter((h) => h.start >= 0 && h.end <= snippet.length).sort((a, b) => a.start - b.start);
	let out = '';
	let at = 0;
	for (const r of ranges) {
		if (r.start < at) continue;
		out += escapeInline(snippet.slice(at, r.start)) + `**${escapeInline(snippet.slice(r.start, r.end))}**`;
		at = r.end;
	}
	return out + escapeInline(snippet.slice(at));
}

/** Keeps third-party text from turning into links, tags, embeds or formatting in the exported note. */
export function escapeInline(s: string): string {
	return s.replace(/\s+/g, ' ').replace(/([\\[\]*_`#|<>=~^$%])/g, '\\$1');
}
