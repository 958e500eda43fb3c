// The reader's verdicts override the detector, and every remaining mention becomes a "mention" passage,
// so the view's "show all mentions" can offer it for marking.
import type { CapitalResolver, Mention } from './capitals';
import type { DetectedPassage } from './detect';
import type { CapitalInfo, MessagePassage, SourceNote, SourceParagraph } from './source-note';

type Highlight = MessagePassage['highlights'][number];

export interface MarkContext {
	/** Sender carried into each paragraph from the messages before it. */
	senderAt: (string | null)[];
	mentionsAt: Mention[][];
	passage: (note: SourceNote, p: SourceParagraph, capital: CapitalInfo, sender: string | null, cue: string, marks: Highlight[]) => MessagePassage;
	mentionKey: (capital: CapitalInfo, text: string) => string;
}

export function applyMarks(note: SourceNote, resolver: CapitalResolver, detected: DetectedPassage[], addressable: ReadonlySet<CapitalInfo>, ctx: MarkContext): DetectedPassage[] {
	const out = [...detected];
	const find = (pi: number, capital: CapitalInfo): DetectedPassage | undefined =>
		out.find((d) => d.passage.line === note.paragraphs[pi].line && d.passage.recipient === capital.note);
	const blockAt = new Map<string, number>();
	note.paragraphs.forEach((p, i) => {
		if (p.block) blockAt.set(p.block, i);
	});
	for (const mark of note.marks) {
		const pi = blockAt.get(mark.block);
		const capital = resolver.resolve(mark.capital);
		if (pi === undefined || !capital) continue; // a stale mark: its block or capital is gone
		const p = note.paragraphs[pi];
		const found = find(pi, capital);
		if (mark.verdict === 'dismissed') {
			if (found) {
				found.passage.dismissed = true;
				found.passage.origin = 'detected';
			} else {
				const d = mentionPassage(note, p, pi, capital, ctx);
				d.passage.dismissed = true;
				out.push(d);
			}
			continue;
		}
		if (found) {
			found.passage.origin = found.passage.mention || found.passage.continued ? 'marked' : 'confirmed';
			found.passage.dismissed = false;
			found.passage.mention = false;
		} else {
			const d = mentionPassage(note, p, pi, capital, ctx);
			d.passage.mention = false;
			d.passage.origin = 'marked';
			d.passage.cue = 'marked by the reader';
			d.key = `${capital.note}|k|${d.key}`;
			out.push(d);
		}
	}
	// Every other mention of an addressable capital, so the reader can find what the detector missed.
	note.paragraphs.forEach((p, pi) => {
		const seen = new Set<CapitalInfo>();
		for (const m of ctx.mentionsAt[pi] ?? []) {
			if (!m.capital || !addressable.has(m.capital) || seen.has(m.capital)) continue;
			seen.add(m.capital);
			if (!find(pi, m.capital)) out.push(mentionPassage(note, p, pi, m.capital, ctx));
		}
	});
	return out;
}

function mentionPassage(note: SourceNote, p: SourceParagraph, pi: number, capital: CapitalInfo, ctx: MarkContext): DetectedPassage {
	const marks: Highlight[] = (ctx.mentionsAt[pi] ?? []).filter((m) => m.capital === capital).map((m) => ({ start: m.start, end: m.end, kind: 'recipient' }));
	const passage = ctx.passage(note, p, capital, ctx.senderAt[pi] ?? null, '', marks);
	passage.mention = true;
	return { passage, key: ctx.mentionKey(capital, p.text) };
}
