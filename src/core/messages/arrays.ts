// V8 gives an array that grows by push room for 16 more elements (about 150 bytes on 64-bit Node); the index
// keeps tens of thousands of short lists (links, highlights, mentions), which a rebuild's collector then copies.
// A list that is done growing and will be kept is handed over at its exact size.

/** `xs` at its exact size (the same list when empty, a copy otherwise). */
export function settled<T>(xs: T[]): T[] {
	return xs.length === 0 ? xs : xs.slice();
}
