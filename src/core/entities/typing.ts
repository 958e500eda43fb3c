// Deciding an unknown name's type from the cues gathered over every mention in the corpus: the text's own cues
// win over hints, and the shape of the name decides last (two or three capitalised words are usually a person).
import type { EntityType } from '../types';
import type { Cue } from './candidates';

export type Votes = Record<Cue, number>;

export function noVotes(): Votes {
	return { person: 0, organisation: 0, place: 0, concept: 0, event: 0, adjective: 0 };
}

/** One more vote for a cue (named fields, not a lookup by a cue string: this runs once per mention). */
export function vote(votes: Votes, cue: Cue): void {
	switch (cue) {
		case 'person':
			votes.person++;
			break;
		case 'organisation':
			votes.organisation++;
			break;
		case 'place':
			votes.place++;
			break;
		case 'concept':
			votes.concept++;
			break;
		case 'event':
			votes.event++;
			break;
		case 'adjective':
			votes.adjective++;
			break;
	}
}

// Ties go to the earlier type: people are the commonest names in news.
const ORDER: Cue[] = ['person', 'organisation', 'place', 'event', 'concept', 'adjective'];

function best(votes: Votes): Cue | null {
	let top: Cue | null = null;
	let most = 0;
	for (const cue of ORDER) {
		const n = votes[cue];
		if (n > most) {
			top = cue;
			most = n;
		}
	}
	return top;
}

export function decideType(cues: Votes, hints: Votes, shape: { words: number; acronym: boolean; connector: boolean; commonLast: number; mentions: number }): EntityType {
	const cue = best(cues) ?? best(hints);
	if (cue === 'adjective') return 'concept';
	if (cue) return cue;
	// Long names with "of"/"for" inside are institutions far more often than people.
	if (shape.acronym || shape.connector || shape.words >= 4) return 'organisation';
	// "Pirelli Cables", "Democracy Wall": a last word that is also a plain noun is rarely a surname.
	if (shape.commonLast * 2 > shape.mentions) return 'organisation';
	return shape.words >= 2 ? 'person' : 'organisation';
}

/** The CoNLL-style class of an entity type: what the bench and any NER-minded consumer expects. */
export function nerClass(type: EntityType): 'PER' | 'LOC' | 'ORG' | 'MISC' {
	if (type === 'person') return 'PER';
	if (type === 'organisation') return 'ORG';
	if (type === 'capital' || type === 'country' || type === 'place') return 'LOC';
	return 'MISC';
}
