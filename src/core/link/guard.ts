// Which surface forms are safe to link, and in which case variants. Short names and common words
// produce far more wrong links than right ones, so they are refused outright.

export type TargetKind = 'proper' | 'acronym' | 'concept';

/** Common English words that are never linked on their own, whatever note claims them. */
const STOP_WORDS = new Set(
	(
		'a an the and or but nor for yet so of to in on at by as is it be am are was were been being has have had do does did ' +
		'not no yes all any some each every both few many much more most other such only own same than too very can will just ' +
		'should would could may might must shall now then there here when where why how what which who whom whose this that these those ' +
		'i me my we us our you your he him his she her they them their its mine ours yours theirs ' +
		'from into onto upon with without within about above below after before again against between through during under over ' +
		'up down out off once further while because if until since though although unless whether ' +
		'said says say new old one two three first last next year years day days time times way people man men woman women ' +
		'world state states government country countries president minister official officials week month today also well even still ' +
		'back good great high long little own right big small last late early major part place point case group number fact ' +
		'january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
		'will may can mark bill rose hope grace art say see get make go know take come think look want give use find tell ask work seem feel try leave call'
	).split(' '),
);

/** All-caps words too common in prose to be acronyms of an entity. */
const STOP_CAPS = new Set('I A AN AM PM OK OR AND THE OF TO IN ON AT BY AS BE NO SO DO GO WE HE ME MY UP IF IT IS'.split(' '));

function letters(s: string): number {
	let n = 0;
	for (const ch of s) if (ch.toLowerCase() !== ch.toUpperCase()) n++;
	return n;
}

export function isAllCaps(s: string): boolean {
	return s === s.toUpperCase() && s !== s.toLowerCase();
}

export function inferKind(name: string): TargetKind {
	if (isAllCaps(name) && letters(name) >= 2) return 'acronym';
	const first = name.charAt(0);
	return first !== first.toUpperCase() ? 'concept' : 'proper';
}

/** True when a surface form may be linked at all. */
export function acceptable(name: string, kind: TargetKind): boolean {
	const n = letters(name);
	if (kind === 'acronym') return n >= 2 && isAllCaps(name) && !STOP_CAPS.has(name);
	if (n < 3) return false;
	if (STOP_WORDS.has(name.toLowerCase())) return false;
	// Characters that would break the link syntax.
	return !/[[\]|#^\n]/.test(name);
}

/** Case variants matched for one surface form: exact always; a concept also sentence-initially capitalised. */
export function variants(name: string, kind: TargetKind): Array<{ surface: string; initialOnly: boolean }> {
	const out = [{ surface: name, initialOnly: false }];
	if (kind === 'concept') {
		const cap = name.charAt(0).toUpperCase() + name.slice(1);
		if (cap !== name) out.push({ surface: cap, initialOnly: true });
	}
	return out;
}
