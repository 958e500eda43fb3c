// Small synchronous string hashes. The core runs on phones and in the CLI, so no Node crypto and no
// async SubtleCrypto: these are for change detection and ids, not for security.

// cyrb53's two 32-bit lanes over UTF-16 code units. The steps are exported so that a caller can feed
// code units as it scans (block ids hash a paragraph's words without building the string).
// As int32 too (0xdeadbeef | 0): the lanes start as small integers, so the loops never hold a double.
export const LANE_START_1 = 0xdeadbeef | 0;
export const LANE_START_2 = 0x41c6ce57;
// As int32 (2654435761 | 0): Math.imul reads it the same, and a small integer stays one in the hot loops.
export const LANE_MUL_1 = -1640531535;
export const LANE_MUL_2 = 1597334677;

/** Final mixing of the two lanes. */
function finish(h1: number, h2: number): [number, number] {
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return [h1 >>> 0, h2 >>> 0];
}

/** hash53 from lanes already fed with every code unit. */
export function finishHash53(h1: number, h2: number): number {
	const [a, b] = finish(h1, h2);
	return 4294967296 * (2097151 & b) + a;
}

function lanes(text: string, seed = 0): [number, number] {
	let h1 = LANE_START_1 ^ seed;
	let h2 = LANE_START_2 ^ seed;
	const m1 = LANE_MUL_1;
	const m2 = LANE_MUL_2;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, m1);
		h2 = Math.imul(h2 ^ ch, m2);
	}
	return finish(h1, h2);
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
