// The wording that turns a mention of a capital into the address of a message. Each rule looks at the text
// just before the recipient (or the list of recipients it belongs to) and just after it, within one sentence.
import type { Mention } from './capitals';
import type { CapitalInfo } from './source-note';

/** `address` is "To X, …"; `for` is "For X, the signal …", a message noun framed by the capital it is for. */
export type CueKind = 'noun' | 'verb' | 'address' | 'for' | 'modal';

export interface Cue {
	kind: CueKind;
	recipient: CapitalInfo;
	mention: Mention;
	/** Offsets of the cue words in the paragraph text. */
	start: number;
	end: number;
	/** The entity mention that sends it, when the sentence names one. */
	sender: Mention | null;
	/** Sender named by plain capitalised words no link or capital covers ("Lavrov"). */
	senderSurface: { text: string; start: number; end: number } | null;
	/** The sender is a pronoun or implied: take it from the message before. */
	carrySender: boolean;
	/** How many capitals share this cue ("messages to Seoul, Tokyo and Beijing"). */
	listSize: number;
}

const NOUNS = 'messages?|signals?|protests?|signall?(?:ed|ing)|warnings?|offers?|advice|ultimatums?|reassurances?|assurances?|overtures?|invitations?|appeals?|demands?|pleas?|requests?|proposals?|letters?|reminders?|olive branch(?:es)?|hints?';
const FOR_MESSAGE_NOUN = /^(?:messages?|signals?|warnings?|reminders?)$/i;
// "message(s) to", "a signal aimed at", "the warning was addressed to"
const NOUN_TO = new RegExp(`\\b(${NOUNS})\\b(?:\\s+(?:is|was|are|were|being|been|now|also|[a-z]+ly))*(?:\\s+(?:sent|directed|addressed|aimed|intended|meant|delivered|passed|relayed|conveyed|extended))?(?:\\s+[a-z]+ly)?\\s+(to|for|toward|towards|at)\\s+(?:the\\s+)?$`, 'i');
// "the advice that Moscow gave the Kim regime", "the message Moscow is sending to Seoul"
const NOUN_GIVEN = new RegExp(`\\b(${NOUNS})\\s+(?:that\\s+|which\\s+)?((?:[\\w’'-]+\\s+){1,5}?)(gave|gives|give|giving|sent|sends|send|sending|offered|offers|delivered|delivers|handed|hands|passed|conveys|conveyed|extended|extends)\\s+(?:to\\s+)?(?:the\\s+)?$`, 'i');
// "expects Seoul to", "urges Tokyo not to" (the infinitive is checked after the recipient)
const VERB_INF = /\b(expects?|expected|expecting|wants?|wanted|wanting|urges?|urged|urging|asks?|asked|asking|press(?:es|ed|ing)?|push(?:es|ed|ing)?|prods?|prodded|prodding|encourag(?:es?|ed|ing)|(?:calls?|called|calling) (?:on|upon)|invit(?:es?|ed|ing)|needs|needed|would like|wish(?:es|ed)?|persuad(?:es?|ed|ing)|pressur(?:es?|ed|ing))\s+(?:the\s+)?$/i;
const INFINITIVE = /^(?:['’]s\s+[a-z]+\s*)?(?:\s*,[^,]{0,40},)?\s*(?:not\s+)?to\s+[a-z]/i;
// "tells Seoul", "warned Tokyo that", "signalled Beijing"
const VERB_DIRECT = /\b(tells?|told|telling|warns?|warned|warning|reminds?|reminded|reminding|advis(?:es?|ed|ing)|assur(?:es?|ed|ing)|reassur(?:es?|ed|ing)|signal(?:s|l?ed|l?ing)?|caution(?:s|ed|ing)?|instructs?|instructed|instructing|lectur(?:es?|ed|ing)|threaten(?:s|ed|ing)?|promis(?:es?|ed|ing))\s+(?:the\s+)?$/i;
// "made clear to Seoul", "complained to Beijing", "pledged to Tokyo"
const VERB_TO = /\b(made (?:it )?(?:clear|plain|known)|makes (?:it )?(?:clear|plain|known)|indicated|conveyed|explained|complained|protested|appealed|pledged|promised|hinted|suggested|stressed|emphasi[sz]ed)\s+to\s+(?:the\s+)?$/i;
// "demands that Seoul stop", "insisted that Tokyo not join": a demand put to the capital (the verb after it is bare).
const VERB_THAT = /\b(demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|urg(?:es|ed|ing)|recommend(?:s|ed|ing)?|propos(?:es|ed|ing)|ask(?:s|ed))\s+that\s+(?:the\s+)?$/i;
const AUXILIARY = /^(?:is|are|was|were|has|had|have|does|did|do|will|would|can|could|may|might|shall|seems?|appears?)$/;
// "sent Tokyo a clear message", "offers Seoul a deal"
const VERB_GIVE = /\b(send|sends|sent|sending|give|gives|gave|giving|hand|hands|handed|handing|deliver|delivers|delivered|delivering|offer|offers|offered|offering)\s+(?:the\s+)?$/i;
// An offer is a message whatever is offered: "offered Tokyo talks", "offers Pyongyang the same protection".
const OFFERED = /^\s+(?:(?:a|an|the|its|his|her|their|this|that|another|some|more|new|fresh|no)\s+)?[a-z][a-z-]+/i;
// "the North Korean regime": the government named after its country, which is the capital as an addressee.
const GOVERNMENT_AFTER = /^\s+(?:regime|government|leadership|dictatorship|leaders?|rulers|authorities)\b/i;
// "a message to Moscow's allies" is addressed to the allies; "Seoul's leaders" still are Seoul.
const OTHERS_POSSESSIVE = /^['’]s\s+(?!(?:leaders?|leadership|government|rulers|regime|elites?|officials|president|prime minister|foreign minister|diplomats|envoys?|negotiators|policymakers|planners|strategists)\b)[a-z]/i;
// "sent Seoul a note of protest": a note counts here, where a verb of sending precedes it.
const GIVEN_NOUN = new RegExp(`^\\s+(?:(?:a|an|the|its|his|her|their|this|that|another|one|some)\\s+)?(?:[a-z-]+\\s+){0,2}?(${NOUNS}|notes?)\\b`, 'i');
const ADDRESS = /^["“‘'(]?\s*To\s+(?:the\s+)?$/;
const FOR_OPENER = /^["“‘'(]?\s*(?:For|As for)\s+(?:the\s+)?$/;
// After "For Washington": the message noun, unless it names its own addressee ("For Tokyo, the signal to Washington").
const FOR_NOUN = new RegExp(`^\\s*,\\s*(?:(?:the|its|this|that|their|a|an|one|another)\\s+)?(?:[a-z-]+\\s+){0,2}?(${NOUNS})\\b(?!\\s+(?:(?:is|was|are|were)\\s+)?(?:(?:sent|directed|addressed|aimed|intended|meant)\\s+)?(?:to|for|at|toward|towards)\\b)`, 'i');
// "For Tokyo and Seoul, the signal to …": the capitals before the comma send it.
const FOR_SENDERS = /^["“‘'(]?\s*(?:For|As for)\s+([^,;:]{1,80}?)\s*,\s*(?:(?:the|its|this|that|their|a|an|one|another)\s+)?(?:[a-z-]+\s+){0,2}$/;
const MODAL = /^(?:['’]s\s+(?:leaders?|government|leadership|rulers|regime|elites?)\s*)?(?:\s*,\s*(?:[a-z]+(?:\s+[a-z]+){0,2})\s*,)?\s*(?:(?:too|also|therefore|then|now|still|clearly)\s+)?(needs? to|should(?:\s+not|n['’]t)?|must(?:\s+not|n['’]t)?|ought to|had better|can(?:not|['’]t|\s+not) afford to|would do well to|will have to|would be wise to)\b/i;
// "Seoul must have known", "Tokyo must be worried": a guess about the capital, not advice to it.
const EPISTEMIC = /^\s+(?:(?:have|has)\s+(?:been|known|seen|felt|noticed|realised|realized|understood|expected|thought|had|made|taken|done|[a-z]+ed)\b|be\s+(?:worried|pleased|concerned|wondering|feeling|hoping|relieved|nervous|happy|delighted|disappointed|frustrated|watching|thinking|aware|glad|alarmed|anxious|furious|satisfied)\b|be\s+(?:the|a|an|one|among|home|in|at|on)\b)/i;
const PRONOUN_MODAL = /,\s*(?:then\s+)?(?:it|they)\s*(?:,\s*too\s*,\s*|\s+too\s+|\s+also\s+)?\s*(needs? to|should(?:\s+not|n['’]t)?|must(?:\s+not|n['’]t)?|has to|have to|ought to|had better|will have to)\b/i;
const CONDITION_OPENER = /^["“‘'(]?\s*(?:If|Unless|Once|As long as|While|When)\s+(?:the\s+)?$/;
const LIST_JOINER = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as|and also)\s+)(?:the\s+)?$/;
// After a colon or dash, "that", "but", "so", or a reporting verb ("analysts say Washington needs to").
const SUBJECT_LEAD = /(?:[:;—–]|\b(?:that|but|so|says?|said|argues?|argued|believes?|believed|thinks?|thought|insists?|insisted|warns?|warned)\s)\s*["“‘'(]?\s*(?:the\s+)?$/i;
const INTRO_PHRASE = /^["“‘'(]?\s*[A-Z][^,]{0,30},\s*(?:the\s+)?$/;
const PRONOUN_SUBJECT = /\b(?:it|he|she|they|this|which|who)\s+(?:(?:is|was|has|have|had|will|would|also|now|again|then|clearly|already|just)\s+){0,3}[a-z]*\s*$/i;
const NOT_A_NAME = new Set([
	// People in general, not anyone in particular: "Officials say the message to Pyongyang is …".
	'Officials', 'Analysts', 'Diplomats', 'Experts', 'Observers', 'Critics', 'Sources', 'Leaders', 'Governments', 'Authorities', 'Ministers',
	'Lawmakers', 'Commentators', 'Strategists', 'Planners', 'Researchers', 'Scholars', 'Security', 'Western', 'European', 'Asian', 'Some', 'Many', 'Most', 'Both', 'All', 'Each',
	'Few', 'Nobody', 'No', 'Everyone', 'Investors', 'Markets', 'Economists', 'Forecasters', 'Traders', 'Polls', 'Reporters', 'Officers', 'People',
	'The', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You', 'A', 'An', 'In', 'On', 'At', 'By', 'If', 'But', 'And', 'So', 'Yet', 'Still', 'Now', 'Then', 'Thus', 'Hence', 'However', 'Meanwhile', 'Moreover', 'Also', 'Such', 'Our', 'Their', 'His', 'Her', 'What', 'When', 'While', 'As', 'After', 'Before', 'Since', 'For', 'With', 'Without', 'There', 'Here']);

/** A capital mention glued to other capitalised words ("Carnegie Moscow Center", "Washington Post") is part of another name. */
export function isPartOfLongerName(text: string, m: Mention, sentenceStart: number): boolean {
	if (m.linked) return false;
	const after = /^\s([A-Z][a-z]+)/.exec(text.slice(m.end, m.end + 40));
	if (after && !/^(?:And|Or|But|To|In|On)$/.test(after[1])) return true;
	const before = /([A-Z][A-Za-z]+)\s$/.exec(text.slice(Math.max(sentenceStart, m.start - 40), m.start));
	return before !== null && !NOT_A_NAME.has(before[1]) && m.start - before[0].length > sentenceStart;
}

// "the Washington bureau", "our Tokyo correspondent": the capital names a desk, not an addressee.
// "a warning to Tokyo residents", "told the Washington summit": the people or the gathering, not the government.
const ATTRIBUTIVE = /^\s+(?:desk|bureau|office|newsletter|edition|correspondents?|team|branch|station|embassy|mission|headquarters|offices|staff|readers|audience|residents|citizens|visitors|travell?ers|commuters|drivers|voters|fans|investors|businesses|companies|firms|schools|hospitals|police|airport|subway|metro|stock|markets?|exchange|summit|conference|forum|meeting|talks|gathering|assembly|crowd|rally|marathon|zoo|museum|university|newspapers?|papers|media|press|reporters|journalists|television|tv|radio|outlets?|broadcasters?)\b/i;
// "It is time for Tokyo to decide", "it is up to Seoul to choose": advice, with the infinitive checked after.
const TIME_FOR = /\b(?:it\s+is|it['’]s|it\s+was|it\s+will\s+be)\s+(?:(?:high|about|now)\s+)?(?:time\s+for|up\s+to)\s+(?:the\s+)?$/i;

// Every rule below needs one of these words; a superset, kept in step with the rules.
const ANY_CUE_WORD = /messag|signal|warn|offer|advi[cs]|ultimat|assur|overture|invit|appeal|demand|plea|request|propos|letter|remind|olive branch|hint|expect|want|urg|ask|press|push|prod|encourag|call|need|would like|wish|persuad|pressur|tell|told|caution|instruct|lectur|send|sent|giv|gave|hand|deliver|^\W*To\s|should|must|has to|have to|ought|better|afford|do well|wise to|threat|promis|clear|plain|known|indicat|convey|explain|complain|protest|pledg|suggest|stress|emphasi|insist|recommend|time for|up to/i;

/** Cues in one sentence [start, end) of a paragraph, for the capitals in `addressable`. */
export function findCues(text: string, start: number, end: number, mentions: Mention[], addressable: ReadonlySet<CapitalInfo>): Cue[] {
	const out: Cue[] = [];
	// Most sentences that name a capital carry no cue word at all: one cheap test spares the rules below.
	if (!ANY_CUE_WORD.test(text.slice(start, end))) return out;
	const inSentence: Mention[] = [];
	for (const m of mentions) if (m.start >= start && m.end <= end && !isPartOfLongerName(text, m, start)) inSentence.push(m);
	for (let i = 0; i < inSentence.length; i++) {
		const m = inSentence[i];
		if (!m.capital || !addressable.has(m.capital)) continue;
		const next = text.slice(m.end, m.end + 40);
		if (ATTRIBUTIVE.test(next) || OTHERS_POSSESSIVE.test(next)) continue;
		const list = listAround(text, inSentence, i);
		const head = inSentence[list.first];
		const tail = inSentence[list.last];
		const before = text.slice(Math.max(start, head.start - 100), head.start);
		const after = text.slice(tail.end, end);
		// The list is contiguous in position order, so "is a recipient" is a range test, not a set lookup.
		const recipients: Span = { start: head.start, end: tail.end };
		const cue = matchCue(text, start, head, tail, before, after, inSentence, recipients, mentions);
		if (!cue) continue;
		const speaker = cue.sender || cue.senderSurface ? null : trailingSpeaker(text, tail.end, end, inSentence, recipients);
		out.push({
			kind: cue.kind,
			recipient: m.capital,
			mention: m,
			start: cue.start,
			end: cue.end,
			sender: speaker ?? cue.sender,
			senderSurface: cue.senderSurface,
			carrySender: speaker ? false : cue.carrySender,
			listSize: list.last - list.first + 1,
		});
	}
	const pronoun = pronounModal(text, start, end, inSentence, addressable);
	if (pronoun && !out.some((c) => c.recipient === pronoun.recipient)) out.push(pronoun);
	return out;
}

type CueCore = Omit<Cue, 'recipient' | 'mention' | 'listSize'>;

/** Where the recipients (one capital, or the list it belongs to) sit in the sentence. */
interface Span {
	start: number;
	end: number;
}

function isRecipient(m: Mention, recipients: Span): boolean {
	return m.start >= recipients.start && m.end <= recipients.end;
}

function matchCue(text: string, sStart: number, head: Mention, tail: Mention, before: string, after: string, mentions: Mention[], recipients: Span, paragraph: Mention[]): CueCore | null {
	const at = head.start - before.length;
	const noun = NOUN_TO.exec(before);
	if (noun && (noun[2].toLowerCase() !== 'for' || FOR_MESSAGE_NOUN.test(noun[1]))) {
		const cStart = at + noun.index;
		const cue = withSender(text, sStart, 'noun', cStart, at + noun.index + noun[0].trimEnd().length, mentions, recipients);
		// "a message to Tokyo from Washington": the sender follows the recipient.
		const from = /^\s+from\s+(?:the\s+)?/.exec(after);
		const fromSender = from ? mentions.find((m) => m.start === tail.end + from[0].length) : undefined;
		if (fromSender) return { kind: cue.kind, start: cue.start, end: cue.end, sender: fromSender, senderSurface: null, carrySender: false };
		if (cue.sender || cue.senderSurface) return cue;
		const framed = forSenders(text, sStart, cStart, mentions, recipients);
		return framed ? { kind: cue.kind, start: cue.start, end: cue.end, sender: framed.sender, senderSurface: framed.senderSurface, carrySender: false } : cue;
	}
	const given = NOUN_GIVEN.exec(before);
	if (given) {
		const cStart = at + given.index;
		const verbAt = at + given.index + given[0].lastIndexOf(given[3]);
		return withSender(text, sStart, 'noun', cStart, at + given.index + given[0].trimEnd().length, mentions, recipients, verbAt);
	}
	const inf = VERB_INF.exec(before);
	if (inf && (INFINITIVE.test(after) || (/^ask|^press/i.test(inf[1]) && /^\s+for\s/.test(after)))) {
		const cue = withSender(text, sStart, 'verb', at + inf.index, at + inf.index + inf[1].length, mentions, recipients, undefined, paragraph);
		// "Analysts expect Seoul to announce …" is a forecast; "Moscow expects Seoul to …" a demand: only a named sender expects.
		if (/^expect/i.test(inf[1]) && !cue.sender && !cue.senderSurface) return null;
		return cue;
	}
	const time = TIME_FOR.exec(before);
	if (time && INFINITIVE.test(after)) {
		const tStart = at + time.index;
		return { kind: 'verb', start: tStart, end: tStart + time[0].trimEnd().length, sender: null, senderSurface: null, carrySender: false };
	}
	const toVerb = VERB_TO.exec(before);
	if (toVerb) return withSender(text, sStart, 'verb', at + toVerb.index, at + toVerb.index + toVerb[1].length, mentions, recipients, undefined, paragraph);
	const thatVerb = VERB_THAT.exec(before);
	if (thatVerb && isBareVerbNext(after)) return withSender(text, sStart, 'verb', at + thatVerb.index, at + thatVerb.index + thatVerb[1].length, mentions, recipients, undefined, paragraph);
	const direct = VERB_DIRECT.exec(before);
	if (direct) return withSender(text, sStart, 'verb', at + direct.index, at + direct.index + direct[1].length, mentions, recipients, undefined, paragraph);
	const give = VERB_GIVE.exec(before);
	if (give) {
		const object = after.slice(GOVERNMENT_AFTER.exec(after)?.[0].length ?? 0);
		const offer = /^offer/i.test(give[1]);
		if (offer ? OFFERED.test(object) && !/^\s+to\b/i.test(object) : GIVEN_NOUN.test(object)) {
			return withSender(text, sStart, 'verb', at + give.index, at + give.index + give[1].length, mentions, recipients, undefined, paragraph);
		}
	}
	if (head.start - sStart === before.length && ADDRESS.test(before) && /^\s*,/.test(after)) {
		const to = at + before.indexOf('To');
		const comma = text.indexOf(',', head.end);
		// "To Beijing, Moscow can be a friend" addresses Beijing; "To Tokyo, the offer looked generous" is Tokyo's view.
		const sender = mentions.find((m) => m.start > comma && m.start - comma <= 12 && !isRecipient(m, recipients)) ?? null;
		if (!sender) return null;
		return { kind: 'address', start: to, end: to + 2, sender, senderSurface: null, carrySender: false };
	}
	if (head.start - sStart === before.length && FOR_OPENER.test(before)) {
		// "For Washington, the signal runs through the United Nations": the sender is whoever was signalling before.
		const f = FOR_NOUN.exec(after);
		if (f) {
			const cStart = tail.end + f[0].length - f[1].length;
			return { kind: 'for', start: cStart, end: cStart + f[1].length, sender: null, senderSurface: null, carrySender: true };
		}
	}
	const modal = MODAL.exec(after);
	if (modal && !EPISTEMIC.test(after.slice(modal.index + modal[0].length)) && isSubjectPosition(before, head.start - sStart === before.length)) {
		const offset = tail.end + modal.index + modal[0].length - modal[1].length;
		return { kind: 'modal', start: offset, end: offset + modal[1].length, sender: speakerBefore(text, sStart, head, mentions, recipients), senderSurface: null, carrySender: false };
	}
	return null;
}

/** "… that Seoul stop", "… that Tokyo not join", "… that Beijing should": a demand, not a report ("that Seoul stops"). */
function isBareVerbNext(after: string): boolean {
	const m = /^(?:['’]s\s+(?:leaders?|government|leadership)\b)?\s+(not\s+)?([a-z]+)\b/.exec(after);
	if (!m) return false;
	const word = m[2];
	if (word === 'should' || word === 'must') return true;
	if (AUXILIARY.test(word) || word.endsWith('ed')) return false;
	return m[1] !== undefined || !word.endsWith('s') || word.endsWith('ss');
}

function isSubjectPosition(before: string, fromSentenceStart: boolean): boolean {
	if (fromSentenceStart && (before.trim() === '' || INTRO_PHRASE.test(before))) return true;
	return SUBJECT_LEAD.test(before);
}

/** "Washington insists on …: North Korea must" — the speaker whose demand the modal sentence reports. */
function speakerBefore(text: string, sStart: number, head: Mention, mentions: Mention[], recipients: Span): Mention | null {
	const lead = text.slice(sStart, head.start);
	const says = /\b(insists?|insisted|says?|said|demands?|demanded|warns?|warned|argues?|argued|made clear|makes clear|signals?|signall?ed|stresses|stressed|believes?)\b(?:[^.;]*?(?::|\bthat))?\s*(?:the\s+)?$/.exec(lead);
	if (!says) return null;
	const verbAt = sStart + says.index;
	return nearestSubject(text, verbAt, mentions, recipients);
}

function withSender(text: string, sStart: number, kind: CueKind, start: number, end: number, mentions: Mention[], recipients: Span, verbAt?: number, paragraph?: Mention[]): CueCore {
	const anchor = verbAt ?? start;
	const sender = nearestSubject(text, anchor, mentions, recipients);
	if (sender) return { kind, start, end, sender, senderSurface: null, carrySender: false };
	const lead = text.slice(sStart, anchor);
	const surface = surfaceSubject(lead);
	if (surface) return { kind, start, end, sender: null, senderSurface: { text: surface.text, start: sStart + surface.index, end: sStart + surface.index + surface.text.length }, carrySender: false };
	const pronoun = kind !== 'noun' && PRONOUN_SUBJECT.test(lead);
	// "Moscow is trying to spoil the party. It offers Pyongyang …": the pronoun is the subject just named.
	const antecedent = pronoun && paragraph ? previousSubject(text, sStart, paragraph, recipients) : null;
	if (antecedent) return { kind, start, end, sender: antecedent, senderSurface: null, carrySender: false };
	return { kind, start, end, sender: null, senderSurface: null, carrySender: kind === 'noun' || pronoun };
}

/** The first entity named in the sentence before `sStart` (within the paragraph): what a leading "It" or "They" most often stands for. */
function previousSubject(text: string, sStart: number, paragraph: Mention[], recipients: Span): Mention | null {
	// Back over this sentence's leading space and the previous one's closing punctuation, then to its start.
	let prevStart = sStart;
	while (prevStart > 0 && /[\s.!?…"”’)\]]/.test(text[prevStart - 1])) prevStart--;
	while (prevStart > 0 && !/[.!?…]/.test(text[prevStart - 1])) prevStart--;
	// Too far back, the antecedent is anyone's guess.
	if (sStart - prevStart > 300) return null;
	for (const m of paragraph) {
		if (m.start >= sStart) break;
		if (m.start >= prevStart && !isRecipient(m, recipients) && !isPartOfLongerName(text, m, prevStart)) return m;
	}
	return null;
}

/** "For Tokyo and Seoul, the signal to …": the capitals of the framing phrase, as one sender. */
function forSenders(text: string, sStart: number, cStart: number, mentions: Mention[], recipients: Span): Pick<CueCore, 'sender' | 'senderSurface'> | null {
	const lead = FOR_SENDERS.exec(text.slice(sStart, cStart));
	if (!lead) return null;
	const from = sStart + lead[0].indexOf(lead[1]);
	const to = from + lead[1].length;
	const named = mentions.filter((m) => m.start >= from && m.end <= to && !isRecipient(m, recipients));
	if (named.length === 0) return null;
	const names = [...new Set(named.map((m) => m.capital?.note ?? m.entity))];
	if (names.length === 1) return { sender: named[0], senderSurface: null };
	const joined = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
	return { sender: null, senderSurface: { text: joined, start: named[0].start, end: named[named.length - 1].end } };
}

/** The entity just before `at` that reads as the subject: "Moscow is sending", "The Kremlin's warning", "Moscow expects". */
function nearestSubject(text: string, at: number, mentions: Mention[], recipients: Span): Mention | null {
	for (let i = mentions.length - 1; i >= 0; i--) {
		const m = mentions[i];
		if (m.end > at || isRecipient(m, recipients)) continue;
		const gap = text.slice(m.end, at);
		if (/[,;:()"“”]/.test(gap)) return null;
		const words = gap.trim() === '' ? 0 : gap.trim().split(/\s+/).length;
		return words <= 4 ? m : null;
	}
	return null;
}

function surfaceSubject(lead: string): { text: string; index: number } | null {
	// The name must sit right before the verb (auxiliaries and adverbs aside) or own the cue noun ("Lavrov's warning").
	const m = /((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+){0,3})((?:['’]s(?:\s+[a-z]+){1,2}|(?:\s+(?:is|was|has|have|had|will|would|also|now|again|then|already|just|clearly|been|once|made|makes|make))*|(?:\s+[a-z]+){1,2}\s+(?:a|an|the|its|his|her|their|this|that)(?:\s+[a-z-]+)?)\s*)$/.exec(lead);
	if (!m) return null;
	const name = m[1].split(/\s+/);
	while (name.length > 0 && NOT_A_NAME.has(name[0])) name.shift();
	if (name.length === 0 || /ly$/.test(name[0])) return null;
	const textName = name.join(' ');
	return { text: textName, index: m.index + m[1].length - textName.length };
}

/** "…, Pyongyang said." — a speaker named after the message, at the end of its sentence. */
function trailingSpeaker(text: string, from: number, end: number, mentions: Mention[], recipients: Span): Mention | null {
	const tailText = text.slice(from, end);
	const said = /[,;:]\s*["”’]?\s*([^,;]{1,40}?)\s+(?:said|says|warned|added|declared|stated|insisted)\s*[.!?"”’]*\s*$/.exec(tailText);
	if (!said) return null;
	const at = from + said.index + said[0].indexOf(said[1]);
	return mentions.find((m) => m.start >= at && m.end <= at + said[1].length && !isRecipient(m, recipients)) ?? null;
}

/** "If Seoul wants to keep …, it needs to protect …": the pronoun's antecedent is the conditional's subject. */
function pronounModal(text: string, start: number, end: number, mentions: Mention[], addressable: ReadonlySet<CapitalInfo>): Cue | null {
	const first = mentions.find((m) => m.capital !== null);
	if (!first?.capital || !addressable.has(first.capital) || !CONDITION_OPENER.test(text.slice(start, first.start))) return null;
	const rest = text.slice(first.end, end);
	const pm = PRONOUN_MODAL.exec(rest);
	if (!pm) return null;
	const cStart = first.end + pm.index + pm[0].length - pm[1].length;
	return { kind: 'modal', recipient: first.capital, mention: first, start: cStart, end: cStart + pm[1].length, sender: null, senderSurface: null, carrySender: false, listSize: 1 };
}

/** Indices of the first and last mention of the capital list around mention `i` ("Seoul, Tokyo, Washington and Beijing"). */
function listAround(text: string, ms: Mention[], i: number): { first: number; last: number } {
	const joins = (a: Mention, b: Mention): string | null => {
		const gap = text.slice(a.end, b.start);
		return b.capital && a.capital && gap.length <= 16 && /^[,\s\w]*$/.test(gap) && LIST_JOINER.test(gap) ? gap : null;
	};
	let first = i;
	let last = i;
	const gaps: string[] = [];
	for (let g = first > 0 ? joins(ms[first - 1], ms[first]) : null; g !== null; g = first > 0 ? joins(ms[first - 1], ms[first]) : null) {
		gaps.push(g);
		first--;
	}
	for (let g = last < ms.length - 1 ? joins(ms[last], ms[last + 1]) : null; g !== null; g = last < ms.length - 1 ? joins(ms[last], ms[last + 1]) : null) {
		gaps.push(g);
		last++;
	}
	// Without an "and"/"or" a comma is just a comma: "To Beijing, Moscow can be a friend".
	return gaps.some((g) => /\b(?:and|or|as well as)\b/.test(g)) ? { first, last } : { first: i, last: i };
}
