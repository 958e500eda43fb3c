// One note → the passages that carry messages to capitals, and the mere mentions (for the "show all" view).
// Works paragraph by paragraph in reading order, because a sender and an open message carry forward:
// "The message to Tokyo is different." announces what the next paragraphs say.
import type { CapitalResolver, Mention } from './capitals';
import { findCues, isPartOfLongerName, type Cue } from './cues';
import { applyMarks } from './apply-marks';
import { settled } from './arrays';
import { isSpace, splitSentences, type SentenceSpan } from './sentences';
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
	section: number;
	used: number;
	/**
	 * The announcing sentence already says what the message is ("The message to Seoul is that …"): the next
	 * paragraph carries it on only if it says so ("that message"). Otherwise ("The message to Tokyo is
	 * different.") the next paragraph is taken to be what the message is.
	 */
	stated: boolean;
	/** The cue its continuations show, made once per announcement. */
	continuedCue: string;
}

// The opening of a paragraph that refers back to the message just stated.
const REFERS_BACK = /\b(?:that|this|the|such a|these|those)\s+(?:(?:same|latest|new|other)\s+)?(?:messages?|signals?|warnings?|offers?|advice|overtures?|reminders?)\b/i;
// After the recipient, the sentence says what the message is: "… is that …", "…: …", "… — …".
const STATES_CONTENT = /\bthat\b|:\s*\S|[—–]\s*\S/;
// "For analysts, …", "As for Seoul, …": the paragraph turns to an audience of its own.
const AUDIENCE_LEAD = /^["“‘'(]?\s*(?:For|As for)\s+[^,.;:]{1,40},/;

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
		// One passage per capital, in the order the capitals are first addressed; most paragraphs address one.
		for (let i = 0; i < cues.length; i++) {
			const capital = cues[i].recipient;
			let seenBefore = false;
			for (let j = 0; j < i && !seenBefore; j++) seenBefore = cues[j].recipient === capital;
			if (seenBefore) continue;
			const list: Cue[] = [];
			for (let j = i; j < cues.length; j++) if (cues[j].recipient === capital) list.push(cues[j]);
			let sender: string | null = null;
			for (const c of list) sender ??= senderName(c, resolver, lastSender, capital);
			out.push({ passage: passage(note, p, capital, sender, cueLabel(p.text, list[0]), highlights(list)), key: cueKey(p.text, sentences, list[0]) });
		}
		for (const c of cues) {
			if (c.sender ?? c.senderSurface) lastSender = senderName(c, resolver, lastSender, c.recipient) ?? lastSender;
		}
		// A paragraph with cues of its own says its message itself: what follows it continues only an announcement
		// made here ("To Beijing, Moscow can be a friend" and "For Washington, the signal …" say it in full).
		open = null;
		let head: Cue | undefined;
		for (const c of cues) if (c.kind === 'noun' && c.listSize === 1) head = c;
		if (head) {
			const sentence = sentences.find((x) => x.start <= head.start && head.start < x.end);
			const stated = STATES_CONTENT.test(p.text.slice(Math.max(head.end, head.mention.end), sentence?.end ?? p.text.length));
			const cue = cueLabel(p.text, head);
			open = { capital: head.recipient, sender: senderName(head, resolver, lastSender, head.recipient), section: p.section, used: 0, stated, continuedCue: `continues: ${cue}` };
		}
	}
	return applyMarks(note, resolver, out, addressable, { senderAt, mentionsAt, passage });
}

function paragraphCues(p: SourceParagraph, sentences: SentenceSpan[], mentions: Mention[], addressable: ReadonlySet<CapitalInfo>): Cue[] {
	let out: Cue[] = [];
	for (const s of sentences) {
		let addressed = false;
		for (const m of mentions) {
			if (m.start >= s.start && m.end <= s.end && m.capital && addressable.has(m.capital)) {
				addressed = true;
				break;
			}
		}
		if (!addressed) continue;
		const found = findCues(p.text, s.start, s.end, mentions, addressable);
		if (found.length > 0) out = out.length === 0 ? found : out.concat(found);
	}
	return out;
}

/** Attaches a paragraph with no cue of its own to the message announced before it, or ends that message. */
function continueMessage(note: SourceNote, p: SourceParagraph, split: SentenceSpan[], mentions: Mention[], open: OpenMessage, out: DetectedPassage[]): OpenMessage | null {
	if (open.used >= CONTINUATION_PARAGRAPHS) return null;
	const firstEnd = split.length > 0 ? split[0].end : firstSentenceEnd(p.text);
	if (open.stated && open.used === 0 && !REFERS_BACK.test(p.text.slice(0, firstEnd))) return null;
	const audience = AUDIENCE_LEAD.exec(p.text);
	if (audience && !mentions.some((m) => m.capital === open.capital && m.end <= audience[0].length)) return null;
	// A paragraph that opens on another capital has changed the subject.
	const lead = mentions.find((m) => m.capital && wordsBefore(p.text, m.start, 3) <= 2 && !isPartOfLongerName(p.text, m, 0));
	if (lead?.capital && lead.capital !== open.capital && lead.capital.note !== open.sender) return null;
	// A paragraph whose opening sentence is about another capital is not the announced message either.
	let ownInOpening = false;
	let otherInOpening = false;
	for (const m of mentions) {
		if (!m.capital || m.end > firstEnd || isPartOfLongerName(p.text, m, 0)) continue;
		if (m.capital === open.capital) ownInOpening = true;
		else if (m.capital.note !== open.sender) otherInOpening = true;
	}
	if (!ownInOpening && otherInOpening) return null;
	const marks: Highlight[] = [];
	for (const m of mentions) if (m.capital === open.capital) marks.push({ start: m.start, end: m.end, kind: 'recipient' });
	if (open.used > 0 && marks.length === 0) return null;
	const continued = passage(note, p, open.capital, open.sender, open.continuedCue, marks);
	continued.continued = true;
	out.push({ passage: continued, key: paragraphKey('c', p.text) });
	return { ...open, used: open.used + 1 };
}

/** Whitespace-separated words in text[0, end), counting no further than `limit`. */
function wordsBefore(text: string, end: number, limit: number): number {
	let words = 0;
	let inWord = false;
	for (let i = 0; i < end; i++) {
		if (isSpace(text.charCodeAt(i))) inWord = false;
		else if (!inWord) {
			inWord = true;
			if (++words >= limit) return words;
		}
	}
	// An empty lead still counts as one word, as "".split(/\s+/) does.
	return Math.max(words, 1);
}

/** End of the first sentence, without splitting the rest of a paragraph that no cue was found in. */
function firstSentenceEnd(text: string): number {
	return splitSentences(text, 1)[0]?.end ?? text.length;
}

function senderName(c: Cue, resolver: CapitalResolver, carried: string | null, recipient: CapitalInfo): string | null {
	let name: string | null = null;
	if (c.sender) name = c.sender.capital?.note ?? c.sender.entity;
	else if (c.senderSurface) name = resolver.resolve(c.senderSurface.text)?.note ?? c.senderSurface.text;
	else if (c.carrySender) name = carried;
	return name === recipient.note ? null : name;
}

// Cue labels repeat across a vault ("message to", "expects … to"): one string each, rather than one per passage.
const labels = new Map<string, string>();

function cueLabel(text: string, c: Cue): string {
	const label = cueWords(text, c);
	const known = labels.get(label);
	if (known !== undefined) return known;
	if (labels.size >= 10_000) labels.clear();
	labels.set(label, label);
	return label;
}

function cueWords(text: string, c: Cue): string {
	const raw = text.slice(c.start, c.end);
	const words = ODD_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
	if (c.kind === 'address') return `To ${text.slice(c.mention.start, c.mention.end)}, …`;
	if (c.kind === 'for') return `For ${text.slice(c.mention.start, c.mention.end)}, … ${text.slice(c.start, c.end)}`;
	if (c.kind === 'modal') return c.start - c.mention.end > 30 ? `if ${text.slice(c.mention.start, c.mention.end)} …, … ${words}` : `${text.slice(c.mention.start, c.mention.end)} ${words}`;
	if (c.kind === 'verb' && (/^(?:expect|want|urg|ask|press|push|prod|encourag|call|invit|need|would|wish|persuad|pressur)/i.test(words) || /(?:time for|up to)$/i.test(words))) {
		return `${words} … ${/^\s+for\s/.test(text.slice(c.mention.end, c.mention.end + 6)) ? 'for' : 'to'}`;
	}
	return words;
}

const ODD_SPACE = /[^\S ]| {2}/;

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
	// Insertion sort: a handful of ranges, where Array.prototype.sort's set-up costs more than the sorting.
	for (let i = 1; i < out.length; i++) {
		const h = out[i];
		let j = i - 1;
		for (; j >= 0 && out[j].start > h.start; j--) out[j + 1] = out[j];
		out[j + 1] = h;
	}
	return settled(out);
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
	const upTo = Math.max(c.end, c.mention.end);
	// One pass over the sentence: the hash up to the recipient, carried on to the sentence's end if that is short.
	foldStart();
	foldRange(text, s.start, upTo);
	if (fold.length >= 60) return `=${foldHash()}`;
	foldRange(text, upTo, s.end);
	const whole = foldHash();
	if (fold.length >= 60 || !sentences[i + 1]) return `=${whole}`;
	foldStart();
	foldRange(text, sentences[i + 1].start, sentences[i + 1].end);
	return `=${whole}${foldHash()}`;
}

// Keys are only ever compared among the passages to one capital (the index keeps them per capital), so they
// carry no capital name; a leading character per kind keeps the kinds apart.

export function mentionKey(text: string): string {
	return `m${foldedKey(text, 0, text.length).hash}`;
}

export function paragraphKey(kind: 'c', text: string): string {
	return `${kind}${foldedKey(text, 0, text.length).hash}`;
}

/**
 * Text with case and punctuation folded away (runs of anything but letters and digits count as one space),
 * as a 64-bit hash (four UTF-16 units, never shown) and the folded length: keys for tens of thousands of
 * passages without building the strings.
 */
export function foldedKey(text: string, start: number, end: number): { hash: string; length: number } {
	foldStart();
	foldRange(text, start, end);
	return { hash: foldHash(), length: fold.length };
}

/** The running state of one folded hash; one at a time, so it lives here rather than in an object per key. */
const fold = { h1: 0, h2: 0, length: 0, gap: false };

function foldStart(): void {
	fold.h1 = 0x811c9dc5;
	fold.h2 = 0x9747b28c;
	fold.length = 0;
	fold.gap = false;
}

function foldRange(text: string, start: number, end: number): void {
	let { h1, h2, length, gap } = fold;
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
	fold.h1 = h1;
	fold.h2 = h2;
	fold.length = length;
	fold.gap = gap;
}

function foldHash(): string {
	return String.fromCharCode(fold.h1 & 0xffff, fold.h1 >>> 16, fold.h2 & 0xffff, fold.h2 >>> 16);
}
