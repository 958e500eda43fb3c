import { describe, expect, it } from 'vitest';
import { detect, messagesIn, noteText, summary } from './helpers';

describe('cues', () => {
	it.each([
		['message(s) to', '[[Moscow]] is sending a message to [[Tokyo]] about the islands.', 'Tokyo<-Moscow@b0'],
		['signal to', 'The drills were a signal to [[Seoul]].', 'Seoul<-?@b0'],
		['warning to', "[[Pyongyang]]'s launch was a warning to [[Tokyo]].", 'Tokyo<-Pyongyang@b0'],
		['offer to', '[[Moscow]] made an offer to [[Tokyo]] on the fishing quota.', 'Tokyo<-Moscow@b0'],
		['advice to', 'The best advice to [[Washington]] is patience.', 'Washington<-?@b0'],
		['advice … gave', 'The advice that [[Moscow]] gave [[Pyongyang]] was simple: make no concessions.', 'Pyongyang<-Moscow@b0'],
		['expects X to', 'Clearly, [[Beijing]] expects [[Seoul]] to keep its distance from the shield.', 'Seoul<-Beijing@b0'],
		['wants X to', '[[Washington]] wants [[Tokyo]] to raise its defence budget.', 'Tokyo<-Washington@b0'],
		['urges X to', '[[Moscow]] urged [[Beijing]] not to sign the accord.', 'Beijing<-Moscow@b0'],
		['tells X', '[[Beijing]] told [[Tokyo]] that the islands were not negotiable.', 'Tokyo<-Beijing@b0'],
		['sends X a message', '[[Washington]] sent [[Pyongyang]] a stern message last week.', 'Pyongyang<-Washington@b0'],
		['X needs to', '[[Seoul]] needs to decide where it stands.', 'Seoul<-?@b0'],
		['X should', 'In short, [[Tokyo]] should stop hedging between the two.', 'Tokyo<-?@b0'],
		['X must', 'What [[Washington]] insists on is plain: [[Pyongyang]] must disarm first.', 'Pyongyang<-Washington@b0'],
		['if X …, it needs to', 'If [[Seoul]] wants to keep the gas deal, it needs to resist the pressure.', 'Seoul<-?@b0'],
		['To X, …', 'To [[Tokyo]], [[Beijing]] offers a simple bargain.', 'Tokyo<-Beijing@b0'],
		['message to X from Y', 'A message to [[Seoul]] from [[Washington]] arrived on Friday.', 'Seoul<-Washington@b0'],
		['X, meanwhile, must', '[[Beijing]], meanwhile, must decide whether to back [[Pyongyang]].', 'Beijing<-?@b0'],
		['reported advice', 'Analysts say [[Washington]] needs to rethink its approach.', 'Washington<-?@b0'],
		['wants X to, beside another capital', '[[Seoul]] wants [[Washington]] to stay, and [[Tokyo]] agrees.', 'Washington<-Seoul@b0'],
		['letter to, from a named person', 'Xi Jinping sent a congratulatory letter to [[Moscow]].', 'Moscow<-Xi Jinping@b0'],
		['asks X for', '[[Washington]] asked [[Tokyo]] for help.', 'Tokyo<-Washington@b0'],
		['sends X a note', '[[Tokyo]] sent [[Seoul]] a note of protest.', 'Seoul<-Tokyo@b0'],
		['message to X, Y said', 'This is a message to [[Washington]]: we will not back down, [[Pyongyang]] said.', 'Washington<-Pyongyang@b0'],
		['invitation to', '[[Seoul]] extended an invitation to [[Pyongyang]] for talks.', 'Pyongyang<-Seoul@b0'],
		['For X, the signal …', '[[Moscow]] wants respect. For [[Washington]], the signal runs through the Security Council.', 'Washington<-?@b0'],
		['offers X something', '[[Beijing]] offered [[Seoul]] a seat at the table.', 'Seoul<-Beijing@b0'],
		['offers the X regime something', '[[Moscow]] offers the [[North Korea|North Korean]] regime the same protection.', 'Pyongyang<-Moscow@b0'],
		['a message to X’s leaders', '[[Washington]] sent a message to [[Seoul]]’s leaders.', 'Seoul<-Washington@b0'],
		['made clear to X', '[[Beijing]] has made clear to [[Seoul]] that the shield is unwelcome.', 'Seoul<-Beijing@b0'],
		['complained to X', '[[Tokyo]] complained to [[Beijing]] about the incursions.', 'Beijing<-Tokyo@b0'],
		['threatens X', '[[Pyongyang]] threatened [[Seoul]] with a “merciless” response.', 'Seoul<-Pyongyang@b0'],
		['demands that X (bare verb)', '[[Washington]] demands that [[Pyongyang]] halt its launches.', 'Pyongyang<-Washington@b0'],
		['insists that X not …', '[[Moscow]] insisted that [[Tokyo]] not join the patrols.', 'Tokyo<-Moscow@b0'],
		['a message aimed squarely at X', 'The message was aimed squarely at [[Tokyo]].', 'Tokyo<-?@b0'],
		['it is time for X to', 'It is time for [[Tokyo]] to decide.', 'Tokyo<-?@b0'],
		['it is up to X to', 'In the end it is up to [[Seoul]] to choose.', 'Seoul<-?@b0'],
	])('%s', (_cue, text, expected) => {
		expect(summary(detect(text))).toEqual([expected]);
	});

	it('names the cue and highlights cue, recipient and sender in the passage text', () => {
		const [m] = detect('Clearly, [[Moscow]] expects [[Seoul]] to stay away from the sanctions drive.');
		expect(m.cue).toBe('expects … to');
		const marked = m.highlights.map((h) => `${h.kind}:${m.text.slice(h.start, h.end)}`);
		expect(marked).toEqual(['sender:Moscow', 'cue:expects', 'recipient:Seoul']);
	});

	it('gives a sentence addressed to several capitals to each of them', () => {
		const ms = detect('By courting [[Pyongyang]], [[Moscow]] is sending signals to [[Seoul]], [[Tokyo]], [[Washington]] and [[Beijing]].');
		expect(summary(ms)).toEqual(['Beijing<-Moscow@b0', 'Seoul<-Moscow@b0', 'Tokyo<-Moscow@b0', 'Washington<-Moscow@b0']);
		expect(ms.every((m) => m.cue === 'signals to')).toBe(true);
	});

	it('counts a link to the capital’s country or to a metonym note as the capital', () => {
		expect(summary(detect('The exercise is a warning to [[South Korea]].'))).toEqual(['Seoul<-?@b0']);
		expect(summary(detect('[[Kremlin|The Kremlin]] is sending a message to [[Japan]].'))).toEqual(['Tokyo<-Moscow@b0']);
	});
});

describe('senders', () => {
	it('carries the sender of an earlier message to "The message to X is …"', () => {
		const ms = detect('[[Moscow]] is sending messages to [[Seoul]] and [[Tokyo]].', 'The message to [[Seoul]] is that the North can be used in dealing with the South.');
		expect(summary(ms)).toEqual(['Seoul<-Moscow@b0', 'Seoul<-Moscow@b1', 'Tokyo<-Moscow@b0']);
	});

	it('maps a metonym sender, linked or not, to its capital', () => {
		expect(summary(detect('The [[Kremlin]] expects [[Tokyo]] to lift the sanctions.'))).toEqual(['Tokyo<-Moscow@b0']);
		const unlinked = detect('Relations with [[Moscow]] are tense.', 'The Kremlin wants [[Seoul]] to stay neutral.');
		expect(summary(unlinked)).toEqual(['Seoul<-Moscow@b1']);
	});

	it('takes the sender of "For X and Y, the signal to Z" from the framing phrase', () => {
		const [m] = detect('For [[Tokyo]] and [[Seoul]], the signal to [[Washington]] is that they will carry more of the burden.');
		expect([m.recipient, m.sender]).toEqual(['Washington', 'Tokyo and Seoul']);
		const one = detect('For [[Tokyo]], the message to [[Beijing]] is simple: no more incursions.');
		expect(summary(one)).toEqual(['Beijing<-Tokyo@b0']);
	});

	it('carries the sender of "For X, the signal …" from the messages before it', () => {
		const ms = detect('To [[Beijing]], [[Moscow]] is saying something delicate.', 'For [[Washington]], the signal runs through the United Nations.');
		expect(summary(ms)).toEqual(['Beijing<-Moscow@b0', 'Washington<-Moscow@b1']);
		expect(ms.find((m) => m.recipient === 'Washington')?.cue).toBe('For Washington, … signal');
	});

	it('reads a leading "It" as the entity named in the sentence before', () => {
		const ms = detect('[[Washington]] insists on disarmament. [[Moscow]] is trying to spoil the party. It offers the [[North Korea|North Korean]] regime the same protection.');
		expect(summary(ms)).toEqual(['Pyongyang<-Moscow@b0']);
	});

	it('keeps an unlinked person as the sender’s surface text', () => {
		expect(summary(detect('Lavrov told [[Tokyo]] that the islands were not for sale.'))).toEqual(['Tokyo<-Lavrov@b0']);
	});

	it('leaves the sender null when the text does not say', () => {
		expect(detect('[[Beijing]] must accept the ruling.')[0].sender).toBeNull();
		// An adjective is not a name: "European officials" do not make "European" the sender.
		expect(detect('European officials told [[Tokyo]] that the deal was off.')[0].sender).toBeNull();
	});
});

describe('continuation', () => {
	const paragraphs = [
		'[[Moscow]] is sending messages to [[Seoul]] and [[Tokyo]].',
		'The message to [[Tokyo]] is different.',
		'Sanctions have a price. The fishing talks are frozen and the islands will stay Russian.',
		'Following the lead of [[Washington]] has its costs for [[Tokyo]].',
		'Meanwhile, trade figures for the year were published.',
		'The message to [[Seoul]] is warmer: the pipeline remains on the table.',
		'Its economy would profit most.',
	];
	const ms = detect(...paragraphs);

	it('attaches the paragraphs that say what an announced message is, with its sender', () => {
		const tokyo = ms.filter((m) => m.recipient === 'Tokyo');
		expect(tokyo.map((m) => [m.block, m.sender, m.origin])).toEqual([
			['b0', 'Moscow', 'detected'],
			['b1', 'Moscow', 'detected'],
			['b2', 'Moscow', 'detected'],
			['b3', 'Moscow', 'detected'],
		]);
		expect(tokyo[2].cue).toBe('continues: message to');
	});

	it('stops at an unrelated paragraph, at another capital’s message and at a heading', () => {
		expect(ms.some((m) => m.block === 'b4')).toBe(false);
		// "is warmer: …" says what the message is, so the paragraph after it is commentary, not the message.
		expect(summary(ms.filter((m) => m.recipient === 'Seoul'))).toEqual(['Seoul<-Moscow@b0', 'Seoul<-Moscow@b5']);
		const headed = messagesIn({ 'a.md': '[[Moscow]] sends a message to [[Tokyo]]. ^h0\n\n## Elsewhere\n\nThe economy grew. ^h1\n' });
		expect(summary(headed)).toEqual(['Tokyo<-Moscow@h0']);
	});

	it('after a message stated in full, carries on only into a paragraph that refers back to it', () => {
		const stated = [
			'Officials say the message to [[Pyongyang]] is that its tests now unite its neighbours.',
			'The most concrete expression of that message is a shared radar network.',
			'Analysts caution against reading too much into it.',
		];
		expect(summary(detect(...stated))).toEqual(['Pyongyang<-?@b0', 'Pyongyang<-?@b1']);
		const moved = ['The message to [[Pyongyang]] is that enforcement goes on.', 'For analysts, the consequence is a data gap in [[North Korea]] sanctions.'];
		expect(summary(detect(...moved))).toEqual(['Pyongyang<-?@b0']);
	});

	it('does not continue "To X, …": the address says its message in full', () => {
		const ms = detect(
			'[[Moscow]] has sent a message to [[Beijing]]. The message to [[Beijing]] is friendlier. [[Russia]] respects [[China]].',
			'At the same time, [[Russia]] sees itself as a great power in its own right.',
			'To [[Beijing]], [[Moscow]] can be a friend, but not a follower.',
			'The [[China|Chinese]] will appreciate it: [[China]] never stopped thinking of itself as a great power.',
		);
		expect(summary(ms)).toEqual(['Beijing<-Moscow@b0', 'Beijing<-Moscow@b1', 'Beijing<-Moscow@b2']);
	});

	it('stops when the next paragraph turns to an audience of its own', () => {
		const ms = detect('[[Moscow]] has sent a message to [[Tokyo]].', 'For investors, the lesson is to watch the fishing talks.');
		expect(summary(ms)).toEqual(['Tokyo<-Moscow@b0']);
	});

	it('does not open a continuation from a sentence addressed to several capitals', () => {
		const listed = detect('[[Moscow]] is sending messages to [[Seoul]] and [[Tokyo]].', 'These should be properly understood.');
		expect(summary(listed)).toEqual(['Seoul<-Moscow@b0', 'Tokyo<-Moscow@b0']);
	});
});

describe('mere mentions', () => {
	it.each([
		['a capital as a location', 'Talks were held in [[Beijing]] last week between the two delegations.'],
		['travel to a capital', 'The delegation flew to [[Tokyo]] on Monday.'],
		['a dateline', '[[Seoul]], Dec. 2 (Reuters) - Officials met in [[Seoul]] to discuss trade.'],
		['a bureau', 'Send your messages to the [[Washington]] desk of this newspaper.'],
		['an institution named after a capital', 'Former Director, Carnegie [[Moscow]] Center'],
		['a subscription line', 'Subscribe to our [[Tokyo]] newsletter for more.'],
		['a capital that is not the subject', 'Experts in [[Seoul]] say the won should recover.'],
		['a message to a person', '[[Moscow]] passed the message to President Kim in [[Pyongyang]].'],
		['a point of view', 'To [[Tokyo]], the offer looked generous.'],
		['a necessity, not advice', '[[Beijing]] has to import most of its oil.'],
		['a guess about a capital', '[[Seoul]] must have known about the launch. [[Tokyo]] must be worried.'],
		['a visit', 'The foreign minister’s trip to [[Beijing]] was cut short.'],
		['a message to a capital’s allies', '[[Beijing]] sent a warning to [[Washington]]’s allies in the region.'],
		['a framing without a message', 'For [[Tokyo]], the stakes are higher than ever.'],
		['an offer to do something', '[[Tokyo]] offered to host the talks in [[Seoul]].'],
		['a talk held in a capital', 'At talks held in [[Tokyo]] last week, officials discussed radar coverage.'],
		['a location after a cue word', 'The warning came from officials in [[Seoul]].'],
		['a forecast, not a demand', 'Analysts expect [[Seoul]] to announce the budget on Friday. Few expect [[Pyongyang]] to return to talks.'],
		['a description, not advice', '[[Tokyo]] must be the most expensive city in the region.'],
		['a warning to residents', 'The agency issued a typhoon warning to [[Tokyo]] residents.'],
		['a speech to a gathering', 'The minister told the [[Washington]] summit that growth would return.'],
		['words to the press', 'Experts told [[Tokyo]] newspapers that the plan was flawed.'],
		['a time, not advice', 'It is time for [[Tokyo]] again: the games open on Friday.'],
		['a report, not a demand', '[[Moscow]] insists that [[Seoul]] stays neutral, whatever others say.'],
	])('%s', (_what, text) => {
		expect(detect(text)).toEqual([]);
	});

	it('lists mentions only when asked, flagged as such', () => {
		const notes = { 'a.md': noteText(['Talks were held in [[Beijing]] last week.']) };
		expect(messagesIn(notes)).toEqual([]);
		const all = messagesIn(notes, { showAllMentions: true });
		expect(all.map((m) => [m.recipient, m.mention, m.cue])).toEqual([['Beijing', true, '']]);
	});

	it('ignores capitals the note does not link', () => {
		expect(detect('Moscow is sending a message to Tokyo.')).toEqual([]);
	});
});
