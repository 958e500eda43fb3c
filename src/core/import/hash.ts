// Small synchronous string hashes. The core runs on phones and in the CLI, so no Node crypto and no
// async SubtleCrypto: these are for change detection and ids, not for security.

/** Two 32-bit lanes of cyrb53-style mixing over UTF-16 code units; returns both lanes. */
function lanes(text: string, seed = 0): [number, number] {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return [h1 >>> 0, h2 >>> 0];
}

/** 64-bit hash as 16 lower-case hex digits: stable across platforms and versions of this code. */
export function hash64(text: string, seed = 0): string {
	const [a, b] = lanes(text, seed);
	return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** 53-bit hash as a non-negative safe integer (cyrb53). */
export function hash53(text: string, seed = 0): number {
	const [a, b] = lanes(text, seed);
	return 4294967296 * (2097151 & b) + a;
}

/** murmur3's finaliser: a cheap bijective scrambler of 32-bit integers. */
export function mix32(x: number): number {
	x ^= x >>> 16;
	x = Math.imul(x, 0x85ebca6b);
	x ^= x >>> 13;
	x = Math.imul(x, 0xc2b2ae35);
	x ^= x >>> 16;
	return x >>> 0;
}
