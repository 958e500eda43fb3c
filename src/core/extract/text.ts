// Small text measures shared by the extractor's stages.

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;

/** Word count that also works for scripts written without spaces (two CJK characters ≈ one word). */
export function wordCount(s: string): number {
	let n = 0;
	const tokens = s.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu);
	if (tokens) n += tokens.length;
	const cjk = s.match(CJK);
	if (cjk && cjk.length > 4) n += Math.floor(cjk.length / 2) - 1;
	return n;
}

/** Key under which a line is compared across files: case, digits, bullets and spacing ignored. */
export function normaliseLine(s: string): string {
	return s
		.toLowerCase()
		.replace(/^[\s•◦▪▫■□☆★○●◆◇►▶▸‣∙·*+\-–]+/u, '')
		.replace(/\d+/g, '0')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Ends like a sentence (allowing closing quotes/brackets). */
export function endsSentence(s: string): boolean {
	return /[.!?…。！？:;]["'”’»)\]]*$/u.test(s);
}
