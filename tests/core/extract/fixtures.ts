// Invented pages in the genre (menus, banners, bylines, footers) for the extractor's unit tests.

export const PROSE = [
	'The harbour authority of a small northern port announced on Tuesday that it would reopen the old ferry route to the islands after a pause of nearly twelve years.',
	'Officials said the decision followed a long review of passenger numbers, fuel costs and the condition of the quay, which had been repaired twice since the last crossing.',
	'Local traders welcomed the news, saying the route would bring visitors back to the market square during the summer months when the town is usually at its quietest.',
	'Critics on the council argued that the money would be better spent on the coastal road, which floods every winter and cuts the outer villages off for days at a time.',
	'The first sailing is planned for the spring, and tickets will be sold at the harbour office as well as on board, according to a statement issued by the authority.',
];

export const MENU = ['• Home', '• World', '  □ Europe', '  □ Asia', '  ☆ Archive', '• Opinion', '• Podcasts', '• Newsletters'].join('\n');

export const JSON_BLOB = `{
  "authors": [
    "Mara Quill"
  ],
  "datePublished": "2021-03-04",
  "publisher": { "name": "The Northern Ledger" },
  "regions": [
    "Northern Europe",
    "Baltic Sea"
  ],
  "topics": [
    "Transport"
  ],
  "tags": ["ferries", "harbours"]
}`;

export const COMMENTS = ['3 thoughts on “Ferry route to reopen after twelve years”', '', 'Comments are closed.'].join('\n');

export const FOOTER = ['© 2021 The Northern Ledger. All rights reserved.', '', 'Privacy Policy | Terms of Use | Contact'].join('\n');

/** A full page: menu, kicker, headline, dek, byline, date, body, bio, related list, comments, footer. */
export function page(options: { json?: boolean } = {}): string {
	return [
		'Support The Northern Ledger - Go Ad-Free!',
		'',
		MENU,
		'',
		options.json ? JSON_BLOB : '',
		'',
		'Photo: Getty',
		'',
		'Transport',
		'',
		'Ferry Route to the Islands Will Reopen After Twelve Years',
		'',
		'The harbour authority says the crossing is viable again, but the council is split over the cost.',
		'',
		'Link Copied',
		'By Mara Quill and Tomas Reyd',
		'Published on Mar 4, 2021',
		'',
		PROSE[0],
		'',
		PROSE[1],
		'',
		'A Divided Council',
		'',
		PROSE[2],
		'',
		PROSE[3],
		'',
		PROSE[4],
		'',
		'This article originally appeared in the Coastal Gazette.',
		'',
		'About the Author',
		'',
		'Mara Quill is a senior correspondent for the Ledger who covers transport and the regions.',
		'',
		'    Recent Work',
		'',
		'  • Analysis',
		'    Why the northern rail link stalled again',
		'',
		COMMENTS,
		'',
		FOOTER,
		'',
	].join('\n');
}

/** Greedy word wrap of every line at `width` columns, keeping each line's indent on its continuations. */
export function hardWrap(text: string, width = 80): string {
	return text
		.split('\n')
		.flatMap((line) => {
			if (line.length <= width) return [line];
			const indent = /^\s*/.exec(line)?.[0] ?? '';
			const out: string[] = [];
			let cur = '';
			for (const word of line.trim().split(/\s+/)) {
				const next = cur ? `${cur} ${word}` : indent + word;
				if (cur && next.length > width) {
					out.push(cur);
					cur = indent + word;
				} else cur = next;
			}
			if (cur) out.push(cur);
			return out;
		})
		.join('\n');
}
