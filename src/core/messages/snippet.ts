// A short excerpt of a passage that starts at the sentence holding its cue (or its recipient),
// so a one-line listing shows why the passage counts, not the paragraph's preamble.
import { splitSentences } from './sentences';
import type { MessagePassage } from './source-note';
import type { CapitalMessage } from '../types';

export function messageSnippet(m: CapitalMessage, maxChars: number): { text: string; offset: number } {
	// A paragraph that carries on an announced message is the message from its first word.
	const continued = (m as MessagePassage).continued === true;
	const anchor = m.highlights.find((h) => h.kind === 'cue') ?? (continued ? undefined : m.highlights.find((h) => h.kind === 'recipient'));
	let from = 0;
	if (anchor) {
		const s = splitSentences(m.text).find((x) => x.start <= anchor.start && anchor.start < x.end);
		if (s) from = s.start;
	}
	const rest = m.text.slice(from).replace(/\s+/g, ' ');
	if (rest.length <= maxChars) return { text: rest, offset: from };
	const cut = rest.lastIndexOf(' ', maxChars - 1);
	return { text: rest.slice(0, cut > maxChars / 2 ? cut : maxChars - 1) + '…', offset: from };
}
