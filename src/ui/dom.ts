// Building DOM without Obsidian's element helpers, so that what the views render can be bundled into a
// plain page and tested in a real browser. Text goes in as textContent only: it comes from the user's notes.

export type Dom = Pick<Document, 'createElement' | 'createTextNode'>;

export function el<K extends keyof HTMLElementTagNameMap>(doc: Dom, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = doc.createElement(tag);
	if (cls !== undefined) node.className = cls;
	if (text !== undefined) node.textContent = text;
	return node;
}
