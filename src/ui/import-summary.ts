// The import window's report: a count per status, then one line per file, failures first. Plain DOM
// (no Obsidian helpers), so the browser tests render exactly this code.
import type { ImportReportEntry, ImportStatus } from '../core/types';
import { el, type Dom } from './dom';

export interface ImportOutcome {
	notes: ImportReportEntry[];
	entities: number;
	linked: number;
}

const STATUS_ORDER: ImportStatus[] = ['failed', 'created', 'updated', 'duplicate', 'skipped', 'unchanged'];

export function renderImportSummary(root: HTMLElement, outcome: ImportOutcome, doc: Dom = root.ownerDocument): void {
	/** File names and reasons come from the user's files: text only (see el). */
	const child = <K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, cls: string, text?: string) => parent.appendChild(el(doc, tag, cls, text));
	root.replaceChildren();
	const counts = new Map<ImportStatus, number>();
	for (const n of outcome.notes) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
	const parts = STATUS_ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s) ?? 0} ${s}`);
	child(root, 'p', 'envoy-import-totals', `${parts.join(', ') || 'Nothing to import'}; ${outcome.entities} entity notes; ${outcome.linked} links added.`);
	const list = child(root, 'ul', 'envoy-import-files');
	const sorted = [...outcome.notes].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
	for (const note of sorted) {
		const item = child(list, 'li', 'envoy-import-file');
		item.dataset.status = note.status;
		child(item, 'span', 'envoy-import-status-label', note.status);
		child(item, 'span', 'envoy-import-source', note.source);
		const detail = note.status === 'duplicate' ? `duplicate of ${note.duplicateOf ?? '?'}` : note.path;
		if (detail) child(item, 'span', 'envoy-import-detail', `→ ${detail}`);
		if (note.reason) child(item, 'div', 'envoy-import-reason', note.reason);
	}
}
