// Invented sample models for the messages view tests (no third-party text). Highlights are computed
// from the strings, the way the core builder reports them: UTF-16 offsets into `text`.
import type { CapitalMessage, CapitalSection, MessagesModel } from '../../src/core/types';
import type { MessageFlags } from '../../src/ui/messages/state';

/** A message with the optional flags the core builder adds (mention, dismissed, alsoIn). */
function flagged(m: CapitalMessage, flags: MessageFlags): CapitalMessage {
	const out: CapitalMessage & MessageFlags = { ...m, ...flags };
	return out;
}

interface MessageSpec {
	text: string;
	cue: string;
	recipient: string;
	sender?: string | null;
	/** Surface of the recipient in the text when it differs from the capital's name ("the Kremlin"). */
	recipientSurface?: string;
	senderSurface?: string;
	title?: string;
	outlet?: string | null;
	published?: string | null;
	note?: string;
	line?: number;
	origin?: CapitalMessage['origin'];
}

function range(text: string, needle: string | undefined, kind: CapitalMessage['highlights'][number]['kind']): CapitalMessage['highlights'] {
	if (!needle) return [];
	const start = text.indexOf(needle);
	return start < 0 ? [] : [{ start, end: start + needle.length, kind }];
}

export function message(spec: MessageSpec): CapitalMessage {
	const sender = spec.sender === undefined ? null : spec.sender;
	return {
		note: spec.note ?? `Articles/${(spec.title ?? 'Untitled').replace(/[^\w ]/g, '')}.md`,
		block: null,
		text: spec.text,
		sender,
		cue: spec.cue,
		recipient: spec.recipient,
		highlights: [
			...range(spec.text, spec.cue, 'cue'),
			...range(spec.text, spec.recipientSurface ?? spec.recipient, 'recipient'),
			...range(spec.text, spec.senderSurface ?? sender ?? undefined, 'sender'),
		],
		line: spec.line ?? 4,
		origin: spec.origin ?? 'detected',
		title: spec.title ?? 'Untitled',
		outlet: spec.outlet === undefined ? 'Example Wire' : spec.outlet,
		authors: ['A. Writer'],
		published: spec.published === undefined ? '2024-01-10' : spec.published,
	};
}

export function section(capital: string, country: string | null, messages: CapitalMessage[]): CapitalSection {
	return { capital, note: `Capitals/${capital}.md`, country, messages };
}

/** Three capitals with messages, one plain mention (empty cue) and one capital without any. */
export function sampleModel(): MessagesModel {
	return {
		capitals: [
			section('Seoul', 'South Korea', [
				message({
					text: 'Washington sent a clear message to Seoul on Tuesday about the trade talks.',
					cue: 'message to',
					recipient: 'Seoul',
					sender: 'Washington',
					title: 'Trade talks stall',
					outlet: 'The Harbour Review',
					published: '2024-03-02',
					line: 7,
				}),
				message({
					text: 'Tokyo expects Seoul to honour the fisheries agreement before the summit.',
					cue: 'expects',
					recipient: 'Seoul',
					sender: 'Tokyo',
					title: 'Fisheries row returns',
					outlet: 'Northern Ledger',
					published: '2023-11-15',
					line: 12,
					origin: 'confirmed',
				}),
				message({
					text: 'To Seoul, the signal from the exercise was unmistakable.',
					cue: 'To Seoul,',
					recipient: 'Seoul',
					sender: null,
					title: 'Drills at sea',
					outlet: null,
					published: null,
					line: 3,
				}),
			]),
			section('Beijing', 'China', [
				flagged(
					message({
						text: 'Washington warned Beijing that export controls would widen.',
					cue: 'warned',
					recipient: 'Beijing',
					sender: 'Washington',
						title: 'Chips and leverage',
						outlet: 'The Harbour Review',
						published: '2024-02-20',
					}),
					// Republished copies the core folded into this passage.
					{
						alsoIn: [
							{ note: 'Articles/Chips and leverage (copy).md', block: null },
							{ note: 'Syndicated/Chips.md', block: 'abc123' },
						],
					},
				),
				message({
					text: 'The Kremlin has a message for Beijing: the pipeline deal is not closed.',
					cue: 'a message for',
					recipient: 'Beijing',
					sender: 'Moscow',
					senderSurface: 'The Kremlin',
					title: 'Pipeline politics',
					outlet: 'Northern Ledger',
					published: '2024-01-05',
				}),
				message({
					text: 'Delegates landed in Beijing late on Sunday.',
					cue: '',
					recipient: 'Beijing',
					sender: null,
					title: 'Arrivals',
					published: '2024-01-06',
				}),
			]),
			section('Moscow', 'Russia', [
				message({
					text: 'Kyiv told Moscow that the grain corridor must stay open.',
					cue: 'told',
					recipient: 'Moscow',
					sender: 'Kyiv',
					title: 'Grain corridor',
					outlet: 'Example Wire',
					published: '2023-08-01',
				}),
				// The reader dismissed this one; the core still lists it, flagged, when asked for all mentions.
				flagged(
					message({
						text: 'Minsk told reporters that Moscow weather was cold.',
						cue: 'told',
						recipient: 'Moscow',
						sender: 'Minsk',
						title: 'Weather notes',
						published: '2023-12-01',
					}),
					{ dismissed: true },
				),
			]),
			section('Pyongyang', 'North Korea', []),
		],
	};
}

/** One capital with `n` messages, for paging and render-time checks. */
export function bigModel(n: number): MessagesModel {
	const senders = ['Washington', 'Tokyo', 'Canberra', 'Ottawa', null];
	const messages: CapitalMessage[] = [];
	for (let i = 0; i < n; i++) {
		const sender = senders[i % senders.length];
		const day = String((i % 28) + 1).padStart(2, '0');
		const month = String((i % 12) + 1).padStart(2, '0');
		messages.push(
			message({
				text: `${sender ?? 'Someone'} sent message number ${i} to Seoul about item ${i * 7}.`,
				cue: 'sent message',
				recipient: 'Seoul',
				sender,
				title: `Dispatch ${i}`,
				note: `Articles/Dispatch ${i}.md`,
				outlet: `Outlet ${i % 9}`,
				published: `20${10 + (i % 14)}-${month}-${day}`,
				line: i,
			}),
		);
	}
	return { capitals: [section('Seoul', 'South Korea', messages)] };
}
