// The CLI's human-readable listing: a section per capital with its count, one line per message.
import { messageSnippet } from './snippet';
import type { MessagePassage } from './source-note';
import type { MessagesModel } from '../types';

export interface FormatOptions {
	/** Characters of passage text per line (default 160). */
	maxChars?: number;
}

export function formatMessagesText(model: MessagesModel, options: FormatOptions = {}): string {
	const maxChars = options.maxChars ?? 160;
	const sections = model.capitals.filter((s) => s.messages.length > 0);
	const total = sections.reduce((n, s) => n + s.messages.filter((m) => !isAside(m)).length, 0);
	if (sections.length === 0) return 'No messages to capitals found.\n';
	const lines = [`Messages to capitals: ${total} ${total === 1 ? 'message' : 'messages'} to ${sections.length} ${sections.length === 1 ? 'capital' : 'capitals'}`];
	for (const s of sections) {
		const count = s.messages.filter((m) => !isAside(m)).length;
		const extra = s.messages.length - count;
		lines.push('', `${s.capital}${s.country ? ` (${s.country})` : ''}: ${count} ${count === 1 ? 'message' : 'messages'}${extra > 0 ? `, ${extra} other mentions` : ''}`);
		for (const m of s.messages) {
			const source = [m.title, m.outlet, m.published].filter((x): x is string => !!x).join(', ');
			const flag = (m as MessagePassage).dismissed ? ' [dismissed]' : (m as MessagePassage).mention ? ' [mention]' : m.origin !== 'detected' ? ` [${m.origin}]` : '';
			lines.push(`  ${m.sender ?? '?'} → ${s.capital}: ${messageSnippet(m, maxChars).text} (${source})${flag}`);
		}
	}
	return lines.join('\n') + '\n';
}

function isAside(m: MessagePassage): boolean {
	return m.mention === true || m.dismissed === true;
}
