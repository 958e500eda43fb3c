/** Whether `s` has no lower-case letter (`s === s.toUpperCase()`), without making the copy for plain ASCII. */
export function isUpperCased(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 97 && c <= 122) return false;
		if (c >= 128) return s === s.toUpperCase();
	}
	return true;
}
