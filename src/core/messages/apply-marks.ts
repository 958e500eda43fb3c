// The reader's verdicts override the detector; every remaining mention of an addressable capital is kept as a
// light reference, so the view's "show all mentions" can offer it for marking.
import { settled } from './arrays';
import type { CapitalResolver, Mention } from './capitals';
import { mentionKey, type DetectedPassage, type MentionRef, type NoteDetection } from './detect';
import type { CapitalInfo, MessagePassage, SourceNote, SourceParagraph } from './source-note';

type Highlight = MessagePassage['highlights'][number];

export interface MarkContext {
	/** Sender carried into each paragraph from the messages before it. */
	senderAt: (string | null)[];
	mentionsAt: Mention[][];
	passage: (note: SourceNote, p: SourceParagraph, capital: CapitalInfo, sender: string | null, cue: string, marks: Highlight[]) => MessagePassage;
}

export function applyMarks(note: SourceNote, resolver: CapitalResolver, detected: DetectedPassage[], addressable: ReadonlySet<CapitalInfo>, ctx: MarkContext): NoteDetection {
	const messages = [...detected];
	const find = (pi: number, capital: CapitalInfo): DetectedPassage | undefined =>
		messages.find((d) => d.passage.line === note.paragraphs[pi].line && d.passage.recipient === capital.note);
	if (note.marks.length > 0) {
		const blockAt = new Map<string, number>();
		note.paragraphs.forEach((p, i) => {
			if (p.block) blockAt.set(p.block, i);
		});
		for (const mark of note.marks) {
			const pi = blockAt.get(mark.block);
			const capital = resolver.resolve(mark.capital);
			if (pi === undefined || !capital) continue; // a stale mark: its block or capital is gone
			const found = find(pi, capital);
			if (found) {
				found.passage.dismissed = mark.verdict === 'dismissed';
				found.passage.origin = mark.verdict === 'dismissed' ? 'detected' : 'confirmed';
				continue;
			}
			const made = markedPassage(note, pi, capital, ctx);
			if (mark.verdict === 'dismissed') made.passage.dismissed = true;
			else {
				made.passage.mention = false;
				made.passage.origin = 'marked';
				made.passage.cue = 'marked by the reader';
				made.key = `k${made.key}`;
			}
			messages.push(made);
		}
	}
	// Every other mention of an addressable capital, so the reader can find what the detector missed.
	const mentions: MentionRef[] = [];
	for (let pi = 0; pi < note.paragraphs.length; pi++) {
		let seen: CapitalInfo[] | null = null;
		for (const m of ctx.mentionsAt[pi] ?? []) {
			if (!m.capital || !addressable.has(m.capital) || seen?.includes(m.capital)) continue;
			(seen ??= []).push(m.capital);
			if (!find(pi, m.capital)) mentions.push({ paragraph: pi, capital: m.capital, sender: ctx.senderAt[pi] ?? null });
		}
	}
	return { messages, mentions: settled(mentions) };
}

function markedPassage(note: SourceNote, pi: number, capital: CapitalInfo, ctx: MarkContext): DetectedPassage {
	const p = note.paragraphs[pi];
	const marks: Highlight[] = (ctx.mentionsAt[pi] ?? []).filter((m) => m.capital === capital).map((m) => ({ start: m.start, end: m.end, kind: 'recipient' }));
	const passage = ctx.passage(note, p, capital, ctx.senderAt[pi] ?? null, '', marks);
	passage.mention = true;
	return { passage, key: mentionKey(p.text) };
}

/** A mention reference made into a passage, for the "show all mentions" view. */
export function mentionPassage(note: SourceNote, ref: MentionRef, resolver: CapitalResolver, make: MarkContext['passage']): DetectedPassage {
	const p = note.paragraphs[ref.paragraph];
	const marks: Highlight[] = resolver.mentions(p).filter((m) => m.capital === ref.capital).map((m) => ({ start: m.start, end: m.end, kind: 'recipient' }));
	const passage = make(note, p, ref.capital, ref.sender, '', marks);
	passage.mention = true;
	// Exact text, not a folded hash: the index counts mentions by this same string, whose hash V8 caches.
	return { passage, key: `t${p.text}` };
}
