import { discoverEntities } from '../../core/entities';
import { extractArticle, findSharedLines } from '../../core/extract';
import { decodeSource } from '../../core/import';
import type { Mention } from '../../core/types';
import { parseCommandArgs, UsageError, type Io } from '../io';
import { collectSources } from '../sources';
import { articleOnlyText } from '../../core/pipeline/article-text';

interface FileResult {
	source: string;
	mentions: Mention[];
	reason: string | null;
}

export async function runEntities(args: string[], io: Io): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, true);
	if (positionals.length === 0) throw new UsageError('name at least one file or folder');
	const { sources, unreadable } = await collectSources(positionals);

	const files: FileResult[] = unreadable.map((u) => ({ source: u.source, mentions: [], reason: u.reason }));
	const decoded: { source: string; text: string }[] = [];
	for (const source of sources) {
		const result = decodeSource(source.bytes, source.name);
		if (result.ok) decoded.push({ source: source.name, text: result.text });
		else files.push({ source: source.name, mentions: [], reason: result.reason });
	}
	// Discovery reads only what the cleaner keeps, with everything else blanked out so offsets still point into the file.
	const shared = findSharedLines(decoded.map((d) => d.text));
	const docs = decoded.map((d) => ({ id: d.source, text: articleOnlyText(d.text, extractArticle(d.text, { sharedLines: shared })) }));
	const { mentions } = discoverEntities(docs);
	for (const doc of decoded) files.push({ source: doc.source, mentions: mentions.get(doc.source) ?? [], reason: null });
	files.sort((a, b) => a.source.localeCompare(b.source));

	if (values.json) io.out(JSON.stringify({ files }) + '\n');
	else {
		for (const file of files) {
			io.out(`${file.source}${file.reason ? `: ${file.reason}` : ''}\n`);
			for (const m of file.mentions) io.out(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.type.padEnd(12)} ${m.surface} → ${m.entity}\n`);
		}
	}
	for (const file of files.filter((f) => f.reason)) io.err(`failed: ${file.reason}\n`);
	return files.some((f) => f.reason) ? 1 : 0;
}
