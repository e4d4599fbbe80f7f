// The allocation round's pure model: pupils with ranked wishes, places (one company offer for one
// week, with places per week), who may take which place, and what the result says. No I/O.

/** Age groups decide which tasks a pupil may do: under 13, 13, 14 and over. */
export type AgeGroup = 'under13' | 'age13' | 'age14plus';
export const AGE_GROUPS: readonly AgeGroup[] = ['under13', 'age13', 'age14plus'];

export const MAX_WISHES = 5;

/** A wish is a trade (any place in it) or one specific place. */
export type Wish = { kind: 'trade'; tradeCode: string } | { kind: 'place'; placeId: string };

export interface AllocationPupil {
	id: string;
	schoolId: string;
	municipalityId: string;
	grade: number;
	ageGroup: AgeGroup;
	/** In rank order: wishes[0] is the 1st wish. */
	wishes: readonly Wish[];
	/** The pupil found a place on its own: not part of the allocation. */
	ownPlace: boolean;
	/** Put here by hand (moved or locked): kept as it is when the round runs again. */
	lockedPlaceId: string | null;
}

export interface AllocationPlace {
	id: string;
	companyId: string;
	tradeCode: string;
	/** ISO week, e.g. '2027-W05'; a place is one week of one offer. */
	week: string;
	/** Pupils per week. */
	capacity: number;
	grades: readonly number[];
	minAgeGroup: AgeGroup;
}

export type UnplacedReason =
	/** The pupil has no wishes. */
	| 'no_wishes'
	/** The round has no place in any of the wished trades or places. */
	| 'no_place_in_wishes'
	/** There are places in the wishes, but none takes the pupil's grade or age group. */
	| 'not_eligible'
	/** Places in the wishes fit the pupil, but all were filled by others. */
	| 'all_full';

export interface Assignment {
	pupilId: string;
	placeId: string;
	/** 1 for the 1st wish … 5; null for a place outside the wishes (put there by hand). */
	rank: number | null;
	locked: boolean;
}

export interface Unplaced {
	pupilId: string;
	reason: UnplacedReason;
}

/**
 * The weights of the wish ranks, after "as many pupils as possible get a place": a 1st wish counts
 * 5, a 2nd 4, a 3rd 3, a 4th 2, a 5th 1 (a place outside the wishes, by hand, 0).
 */
export const RANK_WEIGHTS: readonly number[] = [5, 4, 3, 2, 1];

export function rankWeight(rank: number | null): number {
	return rank === null ? 0 : (RANK_WEIGHTS[rank - 1] ?? 0);
}

const AGE_ORDER: Record<AgeGroup, number> = { under13: 0, age13: 1, age14plus: 2 };

/** Whether the place takes the pupil: its grade, and at least the place's minimum age group. */
export function fits(pupil: AllocationPupil, place: AllocationPlace): boolean {
	return (
		place.grades.includes(pupil.grade) && AGE_ORDER[pupil.ageGroup] >= AGE_ORDER[place.minAgeGroup]
	);
}

/** One pupil–place pair the solver may choose, with the best wish rank that covers it. */
export interface Edge {
	pupilIndex: number;
	placeIndex: number;
	rank: number;
}

/** Pupils and places in a stable order (by id), so the same inputs give the same model. */
export function sortInputs(pupils: readonly AllocationPupil[], places: readonly AllocationPlace[]) {
	const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return { pupils: [...pupils].sort(byId), places: [...places].sort(byId) };
}

/**
 * The pairs of the model, in a stable order: for each pupil (not own place, not locked) each place
 * its wishes cover and that fits it, with the best (lowest) rank among the wishes covering it.
 */
export function buildEdges(
	pupils: readonly AllocationPupil[],
	places: readonly AllocationPlace[]
): Edge[] {
	const byTrade = new Map<string, number[]>();
	const indexById = new Map<string, number>();
	places.forEach((place, i) => {
		indexById.set(place.id, i);
		const list = byTrade.get(place.tradeCode) ?? [];
		list.push(i);
		byTrade.set(place.tradeCode, list);
	});
	const edges: Edge[] = [];
	pupils.forEach((pupil, pupilIndex) => {
		if (pupil.ownPlace || pupil.lockedPlaceId) return;
		const best = new Map<number, number>();
		pupil.wishes.slice(0, MAX_WISHES).forEach((wish, w) => {
			const covered =
				wish.kind === 'trade'
					? (byTrade.get(wish.tradeCode) ?? [])
					: indexById.has(wish.placeId)
						? [indexById.get(wish.placeId)!]
						: [];
			for (const placeIndex of covered) {
				if (!best.has(placeIndex) && fits(pupil, places[placeIndex])) best.set(placeIndex, w + 1);
			}
		});
		for (const [placeIndex, rank] of [...best].sort((a, b) => a[0] - b[0])) {
			edges.push({ pupilIndex, placeIndex, rank });
		}
	});
	return edges;
}

/** The rank of a place in a pupil's wishes (1 …), or null when no wish covers it. */
export function rankOf(pupil: AllocationPupil, place: AllocationPlace): number | null {
	const w = pupil.wishes.findIndex((wish) =>
		wish.kind === 'trade' ? wish.tradeCode === place.tradeCode : wish.placeId === place.id
	);
	return w < 0 || w >= MAX_WISHES ? null : w + 1;
}

/** Why a pupil without a place has none (called after the solve, with the places' use). */
export function unplacedReason(
	pupil: AllocationPupil,
	places: readonly AllocationPlace[]
): UnplacedReason {
	if (pupil.wishes.length === 0) return 'no_wishes';
	const wished = places.filter((place) => rankOf(pupil, place) !== null);
	if (wished.length === 0) return 'no_place_in_wishes';
	if (!wished.some((place) => fits(pupil, place))) return 'not_eligible';
	return 'all_full';
}

/** The share of pupils with their 1st, 2nd … wish and without a place, for one group. */
export interface GroupSummary {
	key: string;
	pupils: number;
	/** byRank[0] = pupils with their 1st wish … byRank[4] = 5th; outsideWishes = placed by hand elsewhere. */
	byRank: number[];
	outsideWishes: number;
	unplaced: number;
	ownPlace: number;
}

/** Counts per group (school, municipality, company, trade …) of the pupils the key names. */
export function summarise(
	pupils: readonly AllocationPupil[],
	assignments: readonly Assignment[],
	keyOf: (pupil: AllocationPupil, assignment: Assignment | undefined) => string | null
): GroupSummary[] {
	const byPupil = new Map(assignments.map((a) => [a.pupilId, a]));
	const groups = new Map<string, GroupSummary>();
	for (const pupil of pupils) {
		const assignment = byPupil.get(pupil.id);
		const key = keyOf(pupil, assignment);
		if (key === null) continue;
		let g = groups.get(key);
		if (!g) {
			g = { key, pupils: 0, byRank: [0, 0, 0, 0, 0], outsideWishes: 0, unplaced: 0, ownPlace: 0 };
			groups.set(key, g);
		}
		g.pupils++;
		if (pupil.ownPlace) g.ownPlace++;
		else if (!assignment) g.unplaced++;
		else if (assignment.rank === null) g.outsideWishes++;
		else g.byRank[assignment.rank - 1]++;
	}
	return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
