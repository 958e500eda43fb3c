// Generators of Markdown notes for the property tests: prose with entity names mixed with every
// construct the linker must leave alone, joined sometimes by one newline so blocks interrupt and
// continue each other the way real notes do.

import fc from 'fast-check';
import { LinkIndex } from '../../../src/core/link/index';

export const TARGETS = [
	{ note: 'Moscow', names: ['Moscow'] },
	{ note: 'Korea', names: ['Korea'] },
	{ note: 'United States', names: ['United States', 'US', 'U.S.'] },
	{ note: 'Kim Jong Un', names: ['Kim Jong Un', 'Kim'] },
	{ note: 'Vladimir Putin', names: ['Vladimir Putin', 'Putin'] },
	{ note: 'Beijing', names: ['Beijing'] },
	{ note: 'sanctions', names: ['sanctions'] },
	{ note: 'Pyongyang', names: ['Pyongyang'] },
	{ note: 'Six-Party Talks', names: ['Six-Party Talks'] },
];
export const makeIndex = (): LinkIndex => new LinkIndex(TARGETS);

const word = fc.constantFrom(
	'Moscow', 'Korea', 'Koreans', 'US', 'us', 'U.S.', 'Kim', 'Jong', 'Un', 'Kim Jong Un', 'Putin', "Putin's", 'Putin’s', 'Beijing',
	'sanctions', 'Sanctions', 'Pyongyang', 'Moscow-Beijing', 'the', 'said', 'talks', 'and', 'in', 'MOSCOW', 'Vladimir', 'a', 'of',
	// Names split by line breaks (in quotes and lists the break gains markers or indentation below).
	'Kim\nJong Un', 'Vladimir\nPutin', 'Six-Party Talks', 'Six-\nParty Talks', 'Six-\n>Party', '\n>',
);
const punct = fc.constantFrom('.', ',', ';', ':', '!', '?', ' -', ' —', '(', ')', '"', "'");
const inline = fc.constantFrom(
	'`Moscow`', '``Kim ` Jong``', '$Moscow$', '$$Putin$$', '[[Moscow]]', '[[Moscow|x]]', '![[Korea.png]]', '[Putin](Vladimir%20Putin.md)',
	'[Moscow](https://moscow.ru/Moscow)', '![Putin](putin.png)', '<https://x.com/Moscow>', 'www.moscow.com/Korea', 'korea.org/Moscow',
	'https://example.com/Putin?x=Beijing', '#Moscow', '#Kim/Jong', '%%Moscow%%', '<b>Putin</b>', '<span class="x">Korea</span>', '<br>',
	'*Moscow*', '**Putin**', '_Korea_', 'x*Moscow*y', '[^1]', '^[Moscow note]', '\\*Moscow', '&amp;', '[Kim]', '[Putin][ref]', 'mail@moscow.ru',
	'`', '[', ']', '(', '<', '*', '_', '$', '|', '~~Korea~~', '==Beijing==', 'Moscow!', '!Putin', '<!-- Putin -->', '\\',
	'<% Moscow %>', '<%* tp.x("Korea") %>',
);
const sep = fc.constantFrom(' ', ' ', ' ', '\n', '  ', ' \n');
const sentence = fc
	.array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 2, arbitrary: punct }, { weight: 3, arbitrary: inline }), { minLength: 1, maxLength: 14 })
	.chain((parts) => fc.array(sep, { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => (i ? seps[i] : '') + p).join('')));
const oneLine = sentence.map((s) => s.replace(/\n/g, ' '));

const block = fc.oneof(
	{ weight: 8, arbitrary: sentence },
	{ weight: 1, arbitrary: sentence.map((s) => s + ' ^blk-1') },
	{ weight: 2, arbitrary: oneLine.map((s) => '# ' + s) },
	{ weight: 1, arbitrary: oneLine.map((s) => '### ' + s + ' ###') },
	{ weight: 1, arbitrary: oneLine.map((s) => s + '\n===') },
	{ weight: 1, arbitrary: oneLine.map((s) => s + '\n---') },
	{ weight: 2, arbitrary: sentence.map((s) => '```js\n' + s + '\n```') },
	{ weight: 1, arbitrary: sentence.map((s) => '~~~~\n' + s + '\n```\n~~~~') },
	{ weight: 1, arbitrary: oneLine.map((s) => '    ' + s) },
	{ weight: 2, arbitrary: fc.tuple(oneLine, oneLine).map(([a, b]) => `| ${a.replace(/\|/g, '')} | x |\n|---|:-:|\n| ${b.replace(/\|/g, '')} | Putin |`) },
	{ weight: 2, arbitrary: sentence.map((s) => '> ' + s.replace(/\n/g, '\n> ')) },
	{ weight: 1, arbitrary: sentence.map((s) => '> ' + s) },
	{ weight: 2, arbitrary: fc.array(oneLine, { minLength: 1, maxLength: 3 }).map((a) => a.map((s) => '- ' + s).join('\n')) },
	{ weight: 1, arbitrary: fc.tuple(oneLine, sentence).map(([a, b]) => '1. ' + a + '\n   ' + b.replace(/\n/g, '\n   ')) },
	{ weight: 1, arbitrary: fc.tuple(oneLine, oneLine).map(([a, b]) => '- ' + a + '\n  - ' + b) },
	{ weight: 1, arbitrary: oneLine.map((s) => '- ```\n  ' + s + '\n  ```') },
	{ weight: 1, arbitrary: sentence.map((s) => '$$\n' + s + '\n$$') },
	{ weight: 1, arbitrary: sentence.map((s) => '%%\n' + s + '\n%%') },
	{ weight: 1, arbitrary: sentence.map((s) => '<div>\n' + s + '\n</div>') },
	{ weight: 1, arbitrary: oneLine.map((s) => '<!--\n' + s + '\n-->') },
	{ weight: 1, arbitrary: fc.constantFrom('---', '***', '* * *') },
	{ weight: 1, arbitrary: fc.constantFrom('[ref]: https://moscow.ru "Putin"', '[Kim]: <kim.md>') },
	{ weight: 1, arbitrary: oneLine.map((s) => '[^1]: ' + s) },
	{ weight: 1, arbitrary: fc.tuple(oneLine, oneLine).map(([a, b]) => '- ' + a + '\n\t- ' + b) },
	{ weight: 1, arbitrary: fc.tuple(oneLine, sentence).map(([a, b]) => '- ' + a + '\n\n  ' + b.replace(/\n/g, '\n  ')) },
	{ weight: 1, arbitrary: fc.tuple(oneLine, oneLine).map(([a, b]) => '<pre>\n' + a + '\n\n' + b + '\n</pre>') },
	{ weight: 1, arbitrary: oneLine.map((s) => '> ```\n> ' + s + '\n> ```') },
	{ weight: 1, arbitrary: oneLine.map((s) => '> > ' + s) },
	{ weight: 1, arbitrary: oneLine.map((s) => '\t' + s) },
	{ weight: 1, arbitrary: oneLine.map((s) => s + '  \n' + s) },
	{ weight: 1, arbitrary: fc.tuple(oneLine, sentence).map(([a, b]) => '> [!note|Moscow x]- ' + a + '\n> ' + b.replace(/\n/g, '\n> ')) },
);

export const note = fc
	.tuple(
		fc.constantFrom('', '', '---\ntitle: Moscow\ntags: [Putin]\n---\n', '\ufeff---\ntitle: Moscow\n---\n'),
		fc.array(block, { minLength: 1, maxLength: 8 }),
		fc.array(fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n'), { minLength: 8, maxLength: 8 }),
		fc.boolean(),
	)
	.map(([fm, blocks, seps, nl]) => fm + blocks.map((b, i) => (i ? seps[i] : '') + b).join('') + (nl ? '\n' : ''));
