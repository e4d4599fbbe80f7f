import {
	fits,
	MAX_WISHES,
	rankOf,
	rankWeight,
	sortInputs,
	unplacedReason,
	type AllocationPlace,
	type AllocationPupil,
	type Assignment,
	type Unplaced
} from './model';
import { loadHighs, terms, type Highs, type HighsResult } from './highs';
import { placeMostPupils } from './placement';

// The allocation as linear programs solved by HiGHS (WebAssembly), in two stages:
//
// 1. Placed, then wishes: maximise Σ x·(P + w(rank)) over the pupil–place pairs, with every pupil
//    at most one place and every place at most its capacity (minus locked pupils). P is larger
//    than any gain in wish weights a solution with one pupil fewer could have (N·(w1 − w5) + 1),
//    so the first goal is the number placed and the second the sum of the wish weights: a strict
//    lexicographic order in one objective. The constraint matrix is a network matrix (totally
//    unimodular), so the simplex's optimal vertex is whole: x ∈ {0, 1} without branching. It is
//    solved on interchangeable pupils and places taken together (placement.ts), which keeps it
//    fast at 30,000 pupils.
// 2. Fairness: with the number placed and the wish score held at their optimum, maximise z, the
//    lowest average wish weight of any school (unplaced pupils count 0, own-place pupils do not
//    count). The z rows break the unimodularity, so x is binary here (a MIP). If this stage does
//    not finish within its time limit, stage 1's assignment stands and the status says so.
//
// Determinism: pupils and places are sorted by id and the variables are numbered in that order,
// so the same inputs give the same LP text, and HiGHS gives the same answer for the same text.

export interface SolveOptions {
	/** Seconds the fairness stage may take before stage 1's assignment is kept. */
	fairnessTimeLimit?: number;
	/** Branch-and-bound nodes the fairness stage may use (deterministic, unlike the clock). */
	fairnessMaxNodes?: number;
	/** Above this many variables the fairness stage is skipped (its MIP takes minutes there). */
	fairnessMaxVariables?: number;
	/** Skip the fairness stage (the benchmark measures both). */
	fairness?: boolean;
	/** The solver; HiGHS in this process when not given (the server gives its helper process). */
	highs?: Highs;
}

export interface AllocationResult {
	/** HiGHS's status of stage 1 ('Optimal' when solved to proven optimality). */
	status: string;
	/** HiGHS's status of the fairness stage, 'Skipped' when there was nothing to balance. */
	fairnessStatus: string;
	/** Stage 1's objective: placed·P + Σ wish weights. */
	objective: number;
	placed: number;
	/** Σ wish weights of the assignment (locked pupils included). */
	score: number;
	/** The lowest average wish weight of a school after the fairness stage. */
	worstSchoolAverage: number | null;
	assignments: Assignment[];
	unplaced: Unplaced[];
	variables: number;
}

function signed(parts: readonly string[], sign: '+' | '-'): string {
	return parts.map((v, i) => (i % 12 === 0 ? '\n ' : ' ') + sign + ' ' + v).join('');
}

/**
 * The network: pupil → trade group → place. A trade wish is one arc from the pupil to the group
 * of places of that trade that take its grade and age group; a wish for a specific place is one
 * arc straight to the place. Groups pass their pupils on to their places (flow arcs f). This keeps
 * the model small (pupils × wishes + groups × places, not pupils × places) and still a network
 * matrix, so the LP's optimal vertex is whole.
 */
export interface Network {
	/** Pupil arcs: y{i}, to a group (kind 'group') or a place. */
	arcs: { pupilIndex: number; rank: number; group: number | null; place: number | null }[];
	/** Flow arcs: f{j}, group → place. */
	flows: { group: number; place: number }[];
	groupCount: number;
}

export function buildNetwork(
	pupils: readonly AllocationPupil[],
	places: readonly AllocationPlace[],
	capacity: readonly number[]
): Network {
	const groups = new Map<string, number>();
	const flows: Network['flows'] = [];
	let groupCount = 0;
	const groupOf = (pupil: AllocationPupil, tradeCode: string): number | null => {
		const key = `${tradeCode}|${pupil.grade}|${pupil.ageGroup}`;
		const known = groups.get(key);
		if (known !== undefined) return known < 0 ? null : known;
		const members = places
			.map((place, i) => ({ place, i }))
			.filter(
				({ place, i }) => place.tradeCode === tradeCode && capacity[i] > 0 && fits(pupil, place)
			);
		if (members.length === 0) {
			groups.set(key, -1);
			return null;
		}
		const g = groupCount++;
		groups.set(key, g);
		for (const { i } of members) flows.push({ group: g, place: i });
		return g;
	};
	const placeIndex = new Map(places.map((p, i) => [p.id, i]));
	const arcs: Network['arcs'] = [];
	pupils.forEach((pupil, pupilIndex) => {
		if (pupil.ownPlace || pupil.lockedPlaceId) return;
		const seen = new Set<string>();
		pupil.wishes.slice(0, MAX_WISHES).forEach((wish, w) => {
			const key = wish.kind === 'trade' ? `t:${wish.tradeCode}` : `p:${wish.placeId}`;
			if (seen.has(key)) return;
			seen.add(key);
			if (wish.kind === 'trade') {
				const group = groupOf(pupil, wish.tradeCode);
				if (group !== null) arcs.push({ pupilIndex, rank: w + 1, group, place: null });
			} else {
				const place = placeIndex.get(wish.placeId);
				if (place !== undefined && capacity[place] > 0 && fits(pupil, places[place])) {
					arcs.push({ pupilIndex, rank: w + 1, group: null, place });
				}
			}
		});
	});
	return { arcs, flows, groupCount };
}

function networkRows(net: Network, pupilCount: number, capacity: readonly number[]): string[] {
	const byPupil: string[][] = Array.from({ length: pupilCount }, () => []);
	const intoGroup: string[][] = Array.from({ length: net.groupCount }, () => []);
	const outOfGroup: string[][] = Array.from({ length: net.groupCount }, () => []);
	const intoPlace: string[][] = capacity.map(() => []);
	net.arcs.forEach((a, i) => {
		byPupil[a.pupilIndex].push(`y${i}`);
		if (a.group !== null) intoGroup[a.group].push(`y${i}`);
		else intoPlace[a.place!].push(`y${i}`);
	});
	net.flows.forEach((f, j) => {
		outOfGroup[f.group].push(`f${j}`);
		intoPlace[f.place].push(`f${j}`);
	});
	const rows: string[] = [];
	byPupil.forEach((vars, p) => {
		if (vars.length > 1) rows.push(`p${p}:\n${terms(vars)} <= 1`);
	});
	intoGroup.forEach((vars, g) => {
		rows.push(`g${g}:\n${terms(vars)}${signed(outOfGroup[g], '-')} = 0`);
	});
	intoPlace.forEach((vars, c) => {
		if (vars.length > 0) rows.push(`c${c}:\n${terms(vars)} <= ${capacity[c]}`);
	});
	return rows;
}

function networkBounds(net: Network, capacity: readonly number[]): string {
	return [
		...net.arcs.map((_, i) => ` 0 <= y${i} <= 1`),
		...net.flows.map((f, j) => ` 0 <= f${j} <= ${capacity[f.place]}`)
	].join('\n');
}

function fairnessLp(
	net: Network,
	pupilCount: number,
	capacity: readonly number[],
	placed: number,
	score: number,
	schools: { size: number; lockedScore: number; vars: string[] }[]
): string {
	const all = net.arcs.map((_, i) => `y${i}`);
	const weighted = net.arcs.map((a, i) => `${rankWeight(a.rank)} y${i}`);
	const schoolRows = schools.map(
		(s, i) => `s${i}:\n ${s.size} z${signed(s.vars, '-')} <= ${s.lockedScore}`
	);
	return [
		'Maximize',
		'obj: z',
		'Subject To',
		...networkRows(net, pupilCount, capacity),
		`tot:\n${terms(all)} >= ${placed}`,
		`scr:\n${terms(weighted)} >= ${score}`,
		...schoolRows,
		'Bounds',
		networkBounds(net, capacity),
		` 0 <= z <= ${rankWeight(1)}`,
		'Binary',
		terms(all, ' '),
		...(net.flows.length
			? [
					'General',
					terms(
						net.flows.map((_, j) => `f${j}`),
						' '
					)
				]
			: []),
		'End'
	].join('\n');
}

function fitsFairness(net: Network | null, maxVariables: number): net is Network {
	return net !== null && net.arcs.length + net.flows.length <= maxVariables;
}

const value = (result: HighsResult, name: string) => Math.round(result.Columns[name]?.Primal ?? 0);

/** Reads the pupils' places back: direct arcs as they are, group arcs spread over the group's flows. */
function readAssignments(
	result: HighsResult,
	net: Network,
	pupils: readonly AllocationPupil[],
	places: readonly AllocationPlace[]
): Assignment[] {
	const assignments: Assignment[] = [];
	const waiting: { pupilIndex: number; rank: number }[][] = Array.from(
		{ length: net.groupCount },
		() => []
	);
	net.arcs.forEach((a, i) => {
		if (value(result, `y${i}`) !== 1) return;
		if (a.place !== null) {
			assignments.push({
				pupilId: pupils[a.pupilIndex].id,
				placeId: places[a.place].id,
				rank: a.rank,
				locked: false
			});
		} else waiting[a.group!].push(a);
	});
	const cursor = waiting.map(() => 0);
	net.flows.forEach((f, j) => {
		for (let n = value(result, `f${j}`); n > 0; n--) {
			const a = waiting[f.group][cursor[f.group]++];
			if (!a) throw new Error('Allocation solver: a flow without a pupil');
			assignments.push({
				pupilId: pupils[a.pupilIndex].id,
				placeId: places[f.place].id,
				rank: a.rank,
				locked: false
			});
		}
	});
	return assignments;
}

/**
 * Allocates the pupils to the places: locked pupils stay where they are (their places' capacity
 * is reduced), own-place pupils are left out, every other pupil gets at most one place among its
 * wishes that fits its grade and age group, and no place gets more pupils than its capacity.
 */
export async function allocate(
	pupilsIn: readonly AllocationPupil[],
	placesIn: readonly AllocationPlace[],
	options: SolveOptions = {}
): Promise<AllocationResult> {
	const { pupils, places } = sortInputs(pupilsIn, placesIn);
	const placeIndex = new Map(places.map((p, i) => [p.id, i]));
	const capacity = places.map((p) => p.capacity);
	const lockedAssignments: Assignment[] = [];
	for (const pupil of pupils) {
		if (pupil.ownPlace || !pupil.lockedPlaceId) continue;
		const c = placeIndex.get(pupil.lockedPlaceId);
		if (c === undefined) continue;
		capacity[c] = Math.max(0, capacity[c] - 1);
		const rank = rankOf(pupil, places[c]);
		lockedAssignments.push({ pupilId: pupil.id, placeId: places[c].id, rank, locked: true });
	}
	const highs = options.highs ?? (await loadHighs());
	const stage1 = await placeMostPupils(highs, pupils, places, capacity);
	const { status, objective } = stage1;
	let assignments = stage1.assignments;
	// The fairness stage works on every pupil's own arcs (its school counts), on small rounds only:
	// when the pupils' wishes alone are too many, the network is not even built.
	const maxVariables = options.fairnessMaxVariables ?? 5000;
	const net = stage1.arcs <= maxVariables ? buildNetwork(pupils, places, capacity) : null;

	const sizes = new Map<string, number>();
	for (const pupil of pupils) {
		if (!pupil.ownPlace) sizes.set(pupil.schoolId, (sizes.get(pupil.schoolId) ?? 0) + 1);
	}
	const schoolOf = new Map(pupils.map((p) => [p.id, p.schoolId]));
	const lockedScore = new Map<string, number>();
	for (const a of lockedAssignments) {
		const school = schoolOf.get(a.pupilId)!;
		lockedScore.set(school, (lockedScore.get(school) ?? 0) + rankWeight(a.rank));
	}
	const schoolIds = [...sizes.keys()].sort();
	let fairnessStatus = 'Skipped';
	if (options.fairness !== false && schoolIds.length > 1 && !fitsFairness(net, maxVariables)) {
		fairnessStatus = 'Skipped (too large)';
	} else if (net && options.fairness !== false && schoolIds.length > 1 && assignments.length > 0) {
		const varsBySchool = new Map<string, string[]>(schoolIds.map((s) => [s, []]));
		net.arcs.forEach((a, i) => {
			varsBySchool.get(pupils[a.pupilIndex].schoolId)!.push(`${rankWeight(a.rank)} y${i}`);
		});
		const placed = assignments.length;
		const score = assignments.reduce((sum, a) => sum + rankWeight(a.rank), 0);
		const schools = schoolIds.map((id) => ({
			size: sizes.get(id)!,
			lockedScore: lockedScore.get(id) ?? 0,
			vars: varsBySchool.get(id)!
		}));
		const result = await highs.solve(
			fairnessLp(net, pupils.length, capacity, placed, score, schools),
			{
				// A node limit, not only a clock, so the same inputs stop at the same point.
				mip_max_nodes: options.fairnessMaxNodes ?? 2000,
				time_limit: options.fairnessTimeLimit ?? 10
			}
		);
		fairnessStatus = result.Status;
		const hasSolution = result.Columns && Object.keys(result.Columns).length > 0;
		if (hasSolution && result.Status !== 'Infeasible') {
			const fair = readAssignments(result, net, pupils, places);
			const fairScore = fair.reduce((sum, a) => sum + rankWeight(a.rank), 0);
			// Held by the rows tot and scr; checked so a tolerance can never cost a pupil a place.
			if (fair.length === placed && fairScore === score) assignments = fair;
			else fairnessStatus = `${result.Status} (not used)`;
		}
	}

	assignments = [...lockedAssignments, ...assignments].sort((a, b) =>
		a.pupilId < b.pupilId ? -1 : 1
	);
	const placedIds = new Set(assignments.map((a) => a.pupilId));
	const unplaced = pupils
		.filter((p) => !p.ownPlace && !placedIds.has(p.id))
		.map((p) => ({ pupilId: p.id, reason: unplacedReason(p, places) }));

	const schoolScore = new Map<string, number>();
	for (const a of assignments) {
		const s = schoolOf.get(a.pupilId)!;
		schoolScore.set(s, (schoolScore.get(s) ?? 0) + rankWeight(a.rank));
	}
	const averages = schoolIds.map((s) => (schoolScore.get(s) ?? 0) / sizes.get(s)!);
	return {
		status,
		fairnessStatus,
		objective,
		placed: assignments.length,
		score: assignments.reduce((sum, a) => sum + rankWeight(a.rank), 0),
		worstSchoolAverage: averages.length ? Math.min(...averages) : null,
		assignments,
		unplaced,
		variables: stage1.variables
	};
}
