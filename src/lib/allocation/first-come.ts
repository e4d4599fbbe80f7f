import {
	fits,
	MAX_WISHES,
	rankOf,
	sortInputs,
	type AllocationPlace,
	type AllocationPupil,
	type Assignment
} from './model';

// First come, first served on the same wishes, to compare with the allocation: pupils arrive in
// the given order and each takes its highest wish that still has a free place that fits it (for a
// trade wish, the first such place by id). Locked and own-place pupils are treated as in allocate.

export function firstCome(
	pupilsIn: readonly AllocationPupil[],
	placesIn: readonly AllocationPlace[],
	order: readonly number[]
): Assignment[] {
	const { pupils, places } = sortInputs(pupilsIn, placesIn);
	const free = new Map(places.map((p) => [p.id, p.capacity]));
	const byTrade = new Map<string, AllocationPlace[]>();
	for (const place of places) {
		const list = byTrade.get(place.tradeCode) ?? [];
		list.push(place);
		byTrade.set(place.tradeCode, list);
	}
	const byId = new Map(places.map((p) => [p.id, p]));
	const assignments: Assignment[] = [];
	for (const index of order) {
		const pupil = pupils[index];
		if (!pupil || pupil.ownPlace) continue;
		for (const wish of pupil.wishes.slice(0, MAX_WISHES)) {
			const candidates =
				wish.kind === 'trade'
					? (byTrade.get(wish.tradeCode) ?? [])
					: byId.has(wish.placeId)
						? [byId.get(wish.placeId)!]
						: [];
			const place = candidates.find((p) => free.get(p.id)! > 0 && fits(pupil, p));
			if (place) {
				free.set(place.id, free.get(place.id)! - 1);
				assignments.push({
					pupilId: pupil.id,
					placeId: place.id,
					rank: rankOf(pupil, place),
					locked: false
				});
				break;
			}
		}
	}
	return assignments;
}

/** A small seeded generator (mulberry32) so the benchmark and the tests repeat exactly. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A random arrival order of n pupils (Fisher–Yates). */
export function shuffledOrder(n: number, random: () => number): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	return order;
}

/**
 * A synthetic round for tests and the benchmark: pupils over schools and municipalities, places
 * over companies, trades and weeks; popular trades are wished more often (a skewed choice).
 */
export function syntheticRound(options: {
	pupils: number;
	places: number;
	weeks: number;
	trades: number;
	schools: number;
	seed: number;
	capacityPerPlace?: number;
}) {
	const random = seededRandom(options.seed);
	const trades = Array.from({ length: options.trades }, (_, i) => `t${i}`);
	const skewed = () => trades[Math.floor(Math.pow(random(), 1.8) * trades.length)];
	// Places spread evenly over the trades; wishes favour the first trades, so those run short.
	const places: AllocationPlace[] = Array.from({ length: options.places }, (_, i) => ({
		id: `pl${String(i).padStart(5, '0')}`,
		companyId: `co${Math.floor(i / options.weeks)}`,
		tradeCode: trades[Math.floor(i / options.weeks) % trades.length],
		week: `2027-W${String(5 + (i % options.weeks)).padStart(2, '0')}`,
		capacity: options.capacityPerPlace ?? 1,
		grades: [7, 8, 9],
		minAgeGroup: random() < 0.1 ? 'age14plus' : 'under13'
	}));
	const pupils: AllocationPupil[] = Array.from({ length: options.pupils }, (_, i) => {
		const wishes: AllocationPupil['wishes'][number][] = [];
		const seen = new Set<string>();
		while (wishes.length < MAX_WISHES && seen.size < trades.length) {
			const trade = skewed();
			if (seen.has(trade)) continue;
			seen.add(trade);
			wishes.push({ kind: 'trade', tradeCode: trade });
		}
		const school = i % options.schools;
		return {
			id: `pu${String(i).padStart(6, '0')}`,
			schoolId: `s${school}`,
			municipalityId: `m${school % 3}`,
			grade: 8,
			ageGroup: random() < 0.7 ? 'age14plus' : 'age13',
			wishes,
			ownPlace: false,
			lockedPlaceId: null
		};
	});
	return { pupils, places };
}
