// A small stand-in for the parts of the `obsidian` module MessagesView uses, so the real view class
// can be bundled (esbuild alias obsidian → this file) and driven in plain Chromium. It mimics the
// documented behaviour only: containerEl holds [header, content], requestSaveLayout is counted,
// debounce delays and can be cancelled.

declare global {
	interface HTMLElement {
		addClass(...classes: string[]): void;
		empty(): void;
	}
	interface Window {
		obsidianStub: { notices: string[]; layoutSaves: number };
	}
}

window.obsidianStub = { notices: [], layoutSaves: 0 };

// Obsidian adds these helpers to every element; the view relies on two of them.
HTMLElement.prototype.addClass = function (this: HTMLElement, ...classes: string[]) {
	this.classList.add(...classes);
};
HTMLElement.prototype.empty = function (this: HTMLElement) {
	this.replaceChildren();
};

export interface ViewStateResult {
	history: boolean;
}

export interface WorkspaceLeaf {
	containerEl: HTMLElement;
}

export class ItemView {
	app = { workspace: { requestSaveLayout: () => void (window.obsidianStub.layoutSaves += 1) } };
	containerEl: HTMLElement;
	contentEl: HTMLElement;
	private baseState: Record<string, unknown> = {};

	constructor(readonly leaf: WorkspaceLeaf) {
		this.containerEl = document.createElement('div');
		this.containerEl.className = 'view-content-container';
		const header = document.createElement('div');
		header.className = 'view-header';
		this.contentEl = document.createElement('div');
		this.contentEl.className = 'view-content';
		this.containerEl.append(header, this.contentEl);
		leaf.containerEl.appendChild(this.containerEl);
	}

	getState(): Record<string, unknown> {
		return { ...this.baseState };
	}

	async setState(state: unknown, _result: ViewStateResult): Promise<void> {
		void _result;
		if (typeof state === 'object' && state !== null) this.baseState = { base: true };
	}
}

export class Notice {
	constructor(message: string) {
		window.obsidianStub.notices.push(message);
	}
}

export interface Debouncer<T extends unknown[], V> {
	(...args: [...T]): this;
	cancel(): this;
	run(): V | void;
}

export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: number | null = null;
	let pending: T | null = null;
	const fire = (): V | void => {
		timer = null;
		if (pending === null) return;
		const args = pending;
		pending = null;
		return cb(...args);
	};
	const d = ((...args: [...T]) => {
		pending = args;
		if (timer !== null && resetTimer) window.clearTimeout(timer);
		if (timer === null || resetTimer) timer = window.setTimeout(fire, timeout);
		return d;
	}) as Debouncer<T, V>;
	d.cancel = () => {
		if (timer !== null) window.clearTimeout(timer);
		timer = null;
		pending = null;
		return d;
	};
	d.run = () => {
		if (timer !== null) window.clearTimeout(timer);
		return fire();
	};
	return d;
}
