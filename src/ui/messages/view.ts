// The "Messages to capitals" sidebar view: a thin Obsidian shell around renderMessages.
// It owns no data: a provider (wired in main.ts to the messages index) hands it the model and
// tells it when the model changed, so the view can be closed and reopened at any time.

import { ItemView, Notice, debounce, type ViewStateResult, type WorkspaceLeaf } from 'obsidian';
import type { CapitalMessage, MessagesModel } from '../../core/types';
import { releaseMessages, renderMessages, type MarkAction } from './render';
import { defaultViewState, describeFilters, parseViewState, visibleModel, type ViewState } from './state';

export const MESSAGES_VIEW_TYPE = 'envoy-messages';

export interface MessagesProvider {
	/** The current model, or null while the index is still being built. */
	getModel(): MessagesModel | null;
	/** Calls the listener whenever the model may have changed; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
	open(message: CapitalMessage, newLeaf: boolean): void;
	mark?(message: CapitalMessage, action: MarkAction): void | Promise<void>;
	/** Writes what the view shows (filters and order applied) to a note; `description` says how it was filtered. */
	exportNote?(visible: MessagesModel, description: string | null): Promise<void>;
	/**
	 * Asks the model for mere mentions and dismissed passages too (core `showAllMentions`). Called when
	 * the reader flips "Show all mentions"; the provider then publishes a new model as usual.
	 */
	setShowAllMentions?(value: boolean): void;
}

/** Key of the view's own data inside the leaf state, apart from anything ItemView keeps there. */
const STATE_KEY = 'envoyMessages';
/** Vault events arrive in bursts (a link pass touches hundreds of notes): redraw once they settle. */
const RENDER_DELAY_MS = 250;

export class MessagesView extends ItemView {
	private viewState: ViewState = defaultViewState();
	private unsubscribe: (() => void) | null = null;
	/** What the provider was last told about mentions, so it is only asked to rebuild on a change. */
	private sentShowAll: boolean | null = null;
	private readonly scheduleRender = debounce(() => this.render(), RENDER_DELAY_MS, true);

	constructor(
		leaf: WorkspaceLeaf,
		private readonly provider: MessagesProvider,
	) {
		super(leaf);
	}

	override getViewType(): string {
		return MESSAGES_VIEW_TYPE;
	}

	override getDisplayText(): string {
		return 'Messages to capitals';
	}

	override getIcon(): string {
		return 'send';
	}

	/** Obsidian's convention: children[0] is the header, children[1] the content. */
	private get root(): HTMLElement {
		return (this.containerEl.children[1] as HTMLElement | undefined) ?? this.contentEl;
	}

	override async onOpen(): Promise<void> {
		this.root.addClass('envoy-messages-view');
		this.unsubscribe = this.provider.subscribe(() => this.scheduleRender());
		this.syncShowAll();
		this.render();
	}

	override async onClose(): Promise<void> {
		this.scheduleRender.cancel();
		this.unsubscribe?.();
		this.unsubscribe = null;
		releaseMessages(this.root);
		this.root.empty();
	}

	/** Redraw now, e.g. after the command that reveals the view. */
	refresh(): void {
		this.scheduleRender.cancel();
		this.render();
	}

	override getState(): Record<string, unknown> {
		// Copied so the workspace never holds a reference the view mutates later.
		return { ...super.getState(), [STATE_KEY]: structuredClone(this.viewState) };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const saved = typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[STATE_KEY] : undefined;
		// A call without our key (e.g. revealing the leaf with a bare view type) keeps what the reader set.
		if (saved !== undefined) this.viewState = parseViewState(saved);
		await super.setState(state, result);
		this.syncShowAll();
		this.render();
	}

	private render(): void {
		renderMessages(this.root, this.provider.getModel(), this.viewState, {
			onOpen: (message, newLeaf) => this.provider.open(message, newLeaf),
			onStateChange: (next) => {
				this.viewState = next;
				this.syncShowAll();
				// Filters and collapsed sections belong to the workspace layout: ask Obsidian to save it.
				this.app.workspace.requestSaveLayout();
			},
			onMark: this.provider.mark ? (message, action) => void this.mark(message, action) : undefined,
			onExport: this.provider.exportNote ? () => void this.exportNote() : undefined,
		});
	}

	private syncShowAll(): void {
		if (!this.provider.setShowAllMentions || this.sentShowAll === this.viewState.showAllMentions) return;
		this.sentShowAll = this.viewState.showAllMentions;
		this.provider.setShowAllMentions(this.sentShowAll);
	}

	private async mark(message: CapitalMessage, action: MarkAction): Promise<void> {
		try {
			await this.provider.mark?.(message, action);
		} catch (error) {
			const what = action === 'clear' ? 'undo your verdict on' : action;
			new Notice(`Could not ${what} the message: ${(error as Error).message}`);
		}
	}

	private async exportNote(): Promise<void> {
		const model = this.provider.getModel();
		if (!model) return;
		try {
			await this.provider.exportNote?.(visibleModel(model, this.viewState), describeFilters(this.viewState));
		} catch (error) {
			new Notice(`Export failed: ${(error as Error).message}`);
		}
	}
}
