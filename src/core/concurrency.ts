// Bounded concurrency for I/O over many notes: the file system and the vault both overlap reads and
// writes well, and a bound keeps open handles and memory in check on a 10,000-note vault.

/**
 * Runs `task` over `items` with at most `limit` in flight. Tasks start in item order, so whatever a
 * task does before its first `await` (picking a unique note name, say) happens in item order too.
 */
export async function forEachConcurrent<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			await task(items[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
