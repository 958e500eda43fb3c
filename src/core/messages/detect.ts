// One note → the passages that carry messages to capitals, and the mere mentions (for the "show all" view).
// Works paragraph by paragraph in reading order, because a sender and an open message carry forward:
// "The message to Tokyo is different." announces what the next paragraphs say.
import type { CapitalResolver, Mention } from './capitals';
import { findCues, isPartOfLongerName, type Cue } from './cues';
import { applyMarks } from './apply-marks';
import { splitSentences, type SentenceSpan } from './sentences';
import type { CapitalInfo, MessagePassage, SourceNote, SourceParagraph } from './source-note';

/** A passage plus the key under which republished copies of it collapse into one. */
export interface DetectedPassage {
	passage: MessagePassage;
	key: string;
}

/** A capital named in a paragraph that carries no message to it; made into a passage only when asked for. */
export interface MentionRef {
	paragraph: number;
	capital: CapitalInfo;
	/** Sender carried to this point, offered if the reader marks it. */
	sender: string | null;
}

export interface NoteDetection {
	messages: DetectedPassage[];
	mentions: MentionRef[];
}

/** How far a message announced in one paragraph carries into the following ones. */
const CONTINUATION_PARAGRAPHS = 3;

interface OpenMessage {
	capital: CapitalInfo;
	sender: string | null;
	cue: string;
	section: number;
	used: number;
}

type Highlight = MessagePassage['highlights'][number];

export function detectMessages(note: SourceNote, resolver: CapitalResolver): NoteDetection {
	// Only capitals the note links to (directly, by country or by metonym) can be addressed in it.
	const addressable = new Set<CapitalInfo>();
	for (const p of note.paragraphs) for (const l of p.links) {
		const c = resolver.resolve(l.target);
		if (c) addressable.add(c);
	}
	if (addressable.size === 0 && note.marks.length === 0) return { messages: [], mentions: [] };
	const out: DetectedPassage[] = [];
	const senderAt: (string | null)[] = [];
	const mentionsAt: Mention[][] = [];
	let lastSender: string | null = null;
	let open: OpenMessage | null = null;
	for (const p of note.paragraphs) {
		const mentions = resolver.mentions(p);
		mentionsAt.push(mentions);
		senderAt.push(lastSender);
		if (open && open.section !== p.section) open = null;
		let addressed = false;
		for (const m of mentions) if (m.capital && addressable.has(m.capital)) addressed = true;
		const sentences = addressed ? splitSentences(p.text) : [];
		const cues = addressed ? paragraphCues(p, sentences, mentions, addressable) : [];
		if (cues.length === 0) {
			if (open) open = continueMessage(note, p, sentences, mentions, open, out);
			continue;
		}
		const byCapital = new Map<CapitalInfo, Cue[]>();
		for (const c of cues) {
			const list = byCapital.get(c.recipient);
			if (list) list.push(c);
			else byCapital.set(c.recipient, [c]);
		}
		for (const [capital, list] of byCapital) {
			let sender: string | null = null;
			for (const c of list) sender ??= senderName(c, resolver, lastSender, capital);
			out.push({ passage: passage(note, p, capital, sender, cueLabel(p.text, list[0]), highlights(list)), key: cueKey(p.text, sentences, list[0]) });
		}
		for (const c of cues) {
			if (c.sender ?? c.senderSurface) lastSender = senderName(c, resolver, lastSender, c.recipient) ?? lastSender;
		}
		if (open && cues.some((c) => c.recipient !== open?.capital)) open = null;
		let head: Cue | undefined;
		for (const c of cues) if ((c.kind === 'noun' || c.kind === 'address') && c.listSize === 1) head = c;
		if (head) open = { capital: head.recipient, sender: senderName(head, resolver, lastSender, head.recipient), cue: cueLabel(p.text, head), section: p.section, used: 0 };
	}
	return applyMarks(note, resolver, out, addressable, { senderAt, mentionsAt, passage });
}

function paragraphCues(p: SourceParagraph, sentences: SentenceSpan[], mentions: Mention[], addressable: ReadonlySet<CapitalInfo>): Cue[] {
	const out: Cue[] = [];
	for (const s of sentences) {
		if (!mentions.some((m) => m.start >= s.start && m.end <= s.end && m.capital && addressable.has(m.capital))) continue;
		out.push(...findCues(p.text, s.start, s.end, mentions, addressable));
	}
	return out;
}

/** Attaches a paragraph with no cue of its own to the message announced before it, or ends that message. */
function continueMessage(note: SourceNote, p: SourceParagraph, split: SentenceSpan[], mentions: Mention[], open: OpenMessage, out: DetectedPassage[]): OpenMessage | null {
	if (open.used >= CONTINUATION_PARAGRAPHS) return null;
	// A paragraph that opens on another capital has changed the subject.
	const lead = mentions.find((m) => m.capital && p.text.slice(0, m.start).trim().split(/\s+/).length <= 2 && !isPartOfLongerName(p.text, m, 0));
	if (lead?.capital && lead.capital !== open.capital && lead.capital.note !== open.sender) return null;
	// A paragraph whose opening sentence is about another capital is not the announced message either.
	const sentences = split.length > 0 ? split : splitSentences(p.text);
	const firstEnd = sentences[0]?.end ?? p.text.length;
	const opening = mentions.filter((m) => m.capital && m.end <= firstEnd && !isPartOfLongerName(p.text, m, 0));
	if (!opening.some((m) => m.capital === open.capital) && opening.some((m) => m.capital !== open.capital && m.capital?.note !== open.sender)) return null;
	const own = mentions.filter((m) => m.capital === open.capital);
	if (open.used > 0 && own.length === 0) return null;
	const marks: Highlight[] = own.map((m) => ({ start: m.start, end: m.end, kind: 'recipient' }));
	const continued = passage(note, p, open.capital, open.sender, `continues: ${open.cue}`, marks);
	continued.continued = true;
	out.push({ passage: continued, key: paragraphKey(open.capital, 'c', p.text) });
	return { ...open, used: open.used + 1 };
}

function senderName(c: Cue, resolver: CapitalResolver, carried: string | null, recipient: CapitalInfo): string | null {
	let name: string | null = null;
	if (c.sender) name = c.sender.capital?.note ?? c.sender.entity;
	else if (c.senderSurface) name = resolver.resolve(c.senderSurface.text)?.note ?? c.senderSurface.text;
	else if (c.carrySender) name = carried;
	return name === recipient.note ? null : name;
}

function cueLabel(text: string, c: Cue): string {
	const words = text.slice(c.start, c.end).replace(/\s+/g, ' ');
	if (c.kind === 'address') return `To ${text.slice(c.mention.start, c.mention.end)}, …`;
	if (c.kind === 'modal') return c.start - c.mention.end > 30 ? `if ${text.slice(c.mention.start, c.mention.end)} …, … ${words}` : `${text.slice(c.mention.start, c.mention.end)} ${words}`;
	if (c.kind === 'verb' && /^(?:expect|want|urg|ask|press|push|prod|encourag|call|invit|need|would|wish|persuad|pressur)/i.test(words)) {
		return `${words} … ${/^\s+for\s/.test(text.slice(c.mention.end, c.mention.end + 6)) ? 'for' : 'to'}`;
	}
	return words;
}

function highlights(cues: Cue[]): Highlight[] {
	const out: Highlight[] = [];
	const add = (h: Highlight): void => {
		if (!out.some((o) => o.start === h.start && o.end === h.end)) out.push(h);
	};
	for (const c of cues) {
		add({ start: c.start, end: c.end, kind: 'cue' });
		add({ start: c.mention.start, end: c.mention.end, kind: 'recipient' });
		if (c.sender) add({ start: c.sender.start, end: c.sender.end, kind: 'sender' });
		else if (c.senderSurface) add({ start: c.senderSurface.start, end: c.senderSurface.end, kind: 'sender' });
	}
	return out.sort((a, b) => a.start - b.start);
}

export function passage(note: SourceNote, p: SourceParagraph, capital: CapitalInfo, sender: string | null, cue: string, marks: Highlight[]): MessagePassage {
	return {
		note: note.path,
		block: p.block,
		text: p.text,
		sender,
		cue,
		recipient: capital.note,
		highlights: marks,
		line: p.line,
		origin: 'detected',
		title: note.title,
		outlet: note.outlet,
		authors: note.authors,
		published: note.published,
	};
}

/**
 * Republished copies share the cue's sentence up to the recipient (standfirsts and bodies differ after it),
 * not always the paragraph; a short lead ("The message to Tokyo is different.") takes the next sentence too.
 */
function cueKey(text: string, sentences: SentenceSpan[], c: Cue): string {
	const i = Math.max(0, sentences.findIndex((s) => s.start <= c.start && c.start < s.end));
	const s = sentences[i] ?? { start: 0, end: text.length };
	const upToRecipient = foldedKey(text, s.start, Math.max(c.end, c.mention.end));
	if (upToRecipient.length >= 60) return `${c.recipient.note}|${upToRecipient.hash}`;
	const whole = foldedKey(text, s.start, s.end);
	const next = whole.length < 60 && sentences[i + 1] ? foldedKey(text, sentences[i + 1].start, sentences[i + 1].end).hash : '';
	return `${c.recipient.note}|${whole.hash}${next}`;
}

export function mentionKey(capital: CapitalInfo, text: string): string {
	return `${capital.note}|m|${foldedKey(text, 0, text.length).hash}`;
}

export function paragraphKey(capital: CapitalInfo, kind: string, text: string): string {
	return `${capital.note}|${kind}|${foldedKey(text, 0, text.length).hash}`;
}

/**
 * Text with case and punctuation folded away (runs of anything but letters and digits count as one space),
 * as a 64-bit hash and the folded length: keys for tens of thousands of passages without building the strings.
 */
export function foldedKey(text: string, start: number, end: number): { hash: string; length: number } {
	let h1 = 0x811c9dc5;
	let h2 = 0x9747b28c;
	let length = 0;
	let gap = false;
	for (let i = start; i < end; i++) {
		let c = text.charCodeAt(i);
		if (c >= 65 && c <= 90) c += 32;
		const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0;
		if (!word) {
			gap = length > 0;
			continue;
		}
		if (gap) {
			h1 = Math.imul(h1 ^ 32, 0x01000193);
			h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
			length++;
			gap = false;
		}
		h1 = Math.imul(h1 ^ c, 0x01000193);
		h2 = Math.imul(h2 ^ c, 0x5bd1e995);
		h2 ^= h2 >>> 13;
		length++;
	}
	return { hash: (h1 >>> 0).toString(36) + '.' + (h2 >>> 0).toString(36), length };
}
