// Bundled by esbuild into an IIFE and loaded into a plain Chromium page: exposes the renderer as
// `window.render(model, state)` and records every handler call so the test can assert on them.
import type { CapitalMessage, MessagesModel } from '../../src/core/types';
import { renderMessages, type MarkAction } from '../../src/ui/messages/render';
import { defaultViewState, type ViewState } from '../../src/ui/messages/state';

export interface OpenCall {
	note: string;
	line: number;
	recipient: string;
	text: string;
	newLeaf: boolean;
}

export interface HarnessCalls {
	open: OpenCall[];
	states: ViewState[];
	marks: { text: string; action: MarkAction }[];
	exports: number;
}

declare global {
	interface Window {
		render: (model: MessagesModel | null, state?: Partial<ViewState>, options?: { mark?: boolean; export?: boolean }) => number;
		calls: HarnessCalls;
		lastState: () => ViewState | undefined;
		pwned?: unknown;
	}
}

window.calls = { open: [], states: [], marks: [], exports: 0 };
window.lastState = () => window.calls.states[window.calls.states.length - 1];

/** Renders into #root and returns the time it took in milliseconds. */
window.render = (model, state = {}, options = {}) => {
	const root = document.getElementById('root');
	if (!root) throw new Error('no #root in the test page');
	window.calls = { open: [], states: [], marks: [], exports: 0 };
	const t0 = performance.now();
	renderMessages(root, model, { ...defaultViewState(), ...state }, {
		onOpen: (m: CapitalMessage, newLeaf: boolean) =>
			window.calls.open.push({ note: m.note, line: m.line, recipient: m.recipient, text: m.text, newLeaf }),
		onStateChange: (s) => window.calls.states.push(s),
		onMark: options.mark ? (m, action) => window.calls.marks.push({ text: m.text, action }) : undefined,
		onExport: options.export ? () => void (window.calls.exports += 1) : undefined,
	});
	return performance.now() - t0;
};
