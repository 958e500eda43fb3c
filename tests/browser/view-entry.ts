// Second bundle: the real MessagesView class over the obsidian stand-in (esbuild alias), with a
// provider whose model the test can swap, to check wiring, persistence and clean-up.
// Kept apart from harness-entry so the stand-in's element helpers cannot leak into the render tests.
import type { CapitalMessage, MessagesModel } from '../../src/core/types';
import { MESSAGES_VIEW_TYPE, MessagesView, type MessagesProvider } from '../../src/ui/messages/view';

interface ViewHarness {
	type: string;
	displayText: string;
	icon: string;
	opens: { text: string; newLeaf: boolean }[];
	exports: number;
	listeners: number;
	renders: number;
	setModel(model: MessagesModel | null): void;
	mount(model: MessagesModel | null): Promise<void>;
	view(): MessagesView;
	close(): Promise<void>;
	failExport: boolean;
	showAllCalls: boolean[];
	exported: { visible: MessagesModel; description: string | null } | null;
}

declare global {
	interface Window {
		viewHarness: ViewHarness;
	}
}

let model: MessagesModel | null = null;
const listeners = new Set<() => void>();
let view: MessagesView | null = null;

const provider: MessagesProvider = {
	getModel: () => {
		window.viewHarness.renders += 1;
		return model;
	},
	subscribe(listener) {
		listeners.add(listener);
		window.viewHarness.listeners = listeners.size;
		return () => {
			listeners.delete(listener);
			window.viewHarness.listeners = listeners.size;
		};
	},
	open: (m: CapitalMessage, newLeaf: boolean) => void window.viewHarness.opens.push({ text: m.text, newLeaf }),
	exportNote: async (visible, description) => {
		window.viewHarness.exports += 1;
		window.viewHarness.exported = { visible, description };
		if (window.viewHarness.failExport) throw new Error('disk full');
	},
	setShowAllMentions: (value) => void window.viewHarness.showAllCalls.push(value),
};

window.viewHarness = {
	type: MESSAGES_VIEW_TYPE,
	displayText: '',
	icon: '',
	opens: [],
	exports: 0,
	listeners: 0,
	renders: 0,
	failExport: false,
	showAllCalls: [],
	exported: null,
	setModel(next) {
		model = next;
		for (const l of listeners) l();
	},
	async mount(initial) {
		model = initial;
		const leaf = { containerEl: document.getElementById('leaf') as HTMLElement };
		leaf.containerEl.replaceChildren();
		view = new MessagesView(leaf as never, provider);
		this.displayText = view.getDisplayText();
		this.icon = view.getIcon();
		this.type = view.getViewType();
		await view.onOpen();
	},
	view() {
		if (!view) throw new Error('not mounted');
		return view;
	},
	async close() {
		await view?.onClose();
	},
};
