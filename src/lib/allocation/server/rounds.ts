import type { Kysely } from 'kysely';
import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';
import type { AgeGroupValue, DB } from '$lib/platform/server/db/schema';
import { isIsoDate } from '$lib/platform/dates/iso';
import { refuse, success, UUID, type Result } from '$lib/platform/server/http/result';
import { auditRound } from './audit';
import { AGE_GROUPS, summarise, type AllocationPupil, type GroupSummary } from '../model';
import {
	canManageRound,
	canOpenRound,
	canViewRound,
	ownCompanyIds,
	ownMunicipalityIds,
	ownSchoolIds
} from './policy';
import * as q from './queries';

export interface OpenRoundInput {
	title: string;
	municipalityId: string | null;
	startDate: string;
	endDate: string;
	wishDeadline: string;
	publishDate: string;
}

/** Opens a round; the secretariat for all schools, a municipality for its own. */
export async function openRound(
	db: Kysely<DB>,
	user: Actor | null,
	input: OpenRoundInput
): Promise<Result<{ id: string }>> {
	if (!canOpenRound(user, input.municipalityId)) return refuse(403, m.allocation_err_forbidden());
	const title = input.title.trim();
	if (!title || title.length > 120) {
		return refuse(400, m.allocation_err_title(), { title: m.allocation_err_title() });
	}
	const dates = ['startDate', 'endDate', 'wishDeadline', 'publishDate'] as const;
	const bad = dates.filter((d) => !isIsoDate(input[d]));
	if (bad.length > 0) {
		return refuse(
			400,
			m.allocation_err_date(),
			Object.fromEntries(bad.map((d) => [d, m.allocation_err_date()]))
		);
	}
	if (
		input.endDate < input.startDate ||
		input.wishDeadline > input.publishDate ||
		input.wishDeadline >= input.startDate
	) {
		return refuse(400, m.allocation_err_dates(), { endDate: m.allocation_err_dates() });
	}
	const row = await db.transaction().execute(async (trx) => {
		const created = await q.insertRound(trx, { ...input, title, createdBy: user!.id });
		const round = { id: created.id, municipalityId: input.municipalityId };
		await auditRound(trx, user!, round, `Praktikfordeling åbnet: ${title}`, 'create');
		return created;
	});
	return success(row);
}

export async function listRounds(db: Kysely<DB>, user: Actor | null) {
	if (!canViewRound(user)) return [];
	return q.selectRounds(db);
}

/** The municipalities the user may open a round for (the secretariat also for all, as null). */
export function roundOwnerChoices(user: Actor | null) {
	if (user === null) return [];
	const owners: (string | null)[] = user.isSecretariat ? [null] : [];
	return [...owners, ...ownMunicipalityIds(user)];
}

export async function findRound(db: Kysely<DB>, id: string) {
	if (!UUID.test(id)) return null;
	return q.selectRound(db, id);
}

type PupilRow = Awaited<ReturnType<typeof q.selectPupils>>[number];
type PlaceRow = Awaited<ReturnType<typeof q.selectRoundPlaces>>[number];

export interface PupilView extends PupilRow {
	wishes: { rank: number; tradeCode: string | null; offerId: string | null }[];
}

/** Turns stored pupils and wishes into the solver's model. */
export function toModel(pupils: readonly PupilView[]): AllocationPupil[] {
	return pupils.map((p) => ({
		id: p.id,
		schoolId: p.schoolId,
		municipalityId: p.municipalityId ?? '',
		grade: p.grade,
		ageGroup: p.ageGroup,
		wishes: p.wishes.map((w) =>
			w.tradeCode !== null
				? { kind: 'trade' as const, tradeCode: w.tradeCode }
				: { kind: 'place' as const, placeId: w.offerId! }
		),
		ownPlace: p.ownPlace,
		lockedPlaceId: p.locked ? p.offerId : null
	}));
}

export async function loadPupils(
	db: Kysely<DB>,
	roundId: string,
	schoolIds: 'all' | readonly string[]
): Promise<PupilView[]> {
	const pupils = await q.selectPupils(db, roundId, schoolIds);
	const wishes = await q.selectWishes(
		db,
		pupils.map((p) => p.id)
	);
	const byPupil = new Map<string, PupilView['wishes']>();
	for (const w of wishes) {
		const list = byPupil.get(w.pupilId) ?? [];
		list.push(w);
		byPupil.set(w.pupilId, list);
	}
	return pupils.map((p) => ({ ...p, wishes: byPupil.get(p.id) ?? [] }));
}

export interface RoundSummaries {
	school: GroupSummary[];
	municipality: GroupSummary[];
	company: GroupSummary[];
	trade: GroupSummary[];
}

function summariesOf(
	pupils: readonly PupilView[],
	places: readonly PlaceRow[],
	names: Map<string, string>
): RoundSummaries {
	const model = toModel(pupils);
	const assignments = pupils
		.filter((p) => p.offerId)
		.map((p) => ({ pupilId: p.id, placeId: p.offerId!, rank: p.wishRank, locked: p.locked }));
	const place = new Map(places.map((p) => [p.id, p]));
	const byPupil = new Map(pupils.map((p) => [p.id, p]));
	const named = (list: GroupSummary[]) =>
		list.map((g) => ({ ...g, key: names.get(g.key) ?? g.key }));
	return {
		school: named(summarise(model, assignments, (p) => byPupil.get(p.id)!.schoolName)),
		municipality: named(summarise(model, assignments, (p) => p.municipalityId || null)),
		company: summarise(model, assignments, (_, a) =>
			a ? (place.get(a.placeId)?.companyName ?? null) : null
		),
		trade: named(
			summarise(model, assignments, (_, a) =>
				a ? (place.get(a.placeId)?.tradeCode ?? null) : null
			)
		)
	};
}

/**
 * The round's page as this user may see it: the owner everything; a school its own pupils and
 * wishes; a company the pupils placed with it once published (no wishes); a municipality its
 * schools' totals. Null when the round does not exist or the user is not logged in.
 */
export async function roundPage(db: Kysely<DB>, user: Actor | null, id: string) {
	const round = await findRound(db, id);
	if (!round || !canViewRound(user)) return null;
	const manager = canManageRound(user, round);
	const schoolIds = ownSchoolIds(user);
	const places = await q.selectRoundPlaces(db, round.id);
	const trades = await q.selectTrades(db);
	const names = new Map<string, string>(trades.map((t) => [t.code, t.nameDa]));
	const municipalityIds = ownMunicipalityIds(user);
	const pupils = manager
		? await loadPupils(db, round.id, 'all')
		: await loadPupils(db, round.id, schoolIds);
	const visiblePlaces = manager || schoolIds.length > 0 ? places : [];
	let summaries: RoundSummaries | null = null;
	let municipalityTotals: GroupSummary[] = [];
	if (manager && round.status !== 'open') {
		const orgs = await q.selectOrganisationNames(db);
		for (const o of orgs) names.set(o.id, o.name);
		summaries = summariesOf(pupils, places, names);
	} else if (municipalityIds.length > 0) {
		// Totals only: counts per school of the user's municipalities, never pupils or wishes.
		const all = await loadPupils(db, round.id, 'all');
		const own = all.filter((p) => p.municipalityId && municipalityIds.includes(p.municipalityId));
		const model = toModel(own);
		const assignments =
			round.status === 'open'
				? []
				: own
						.filter((p) => p.offerId)
						.map((p) => ({
							pupilId: p.id,
							placeId: p.offerId!,
							rank: p.wishRank,
							locked: p.locked
						}));
		const schoolName = new Map(own.map((p) => [p.id, p.schoolName]));
		municipalityTotals = summarise(model, assignments, (p) => schoolName.get(p.id)!);
	}
	const placedWithCompany =
		round.status === 'published'
			? await q.selectPupilsPlacedWith(db, round.id, ownCompanyIds(user))
			: [];
	const available = manager
		? (await q.selectPraktikOffersInPeriod(db, round.startDate, round.endDate)).filter(
				(o) => o.roundId === null
			)
		: [];
	const schools = manager ? [] : await q.selectSchools(db, schoolIds);
	return {
		round,
		manager,
		places: visiblePlaces,
		available,
		pupils: manager || schoolIds.length > 0 ? pupils : [],
		schools: schools.filter(
			(s) => round.municipalityId === null || s.municipalityId === round.municipalityId
		),
		trades,
		summaries,
		municipalityTotals,
		placedWithCompany
	};
}

/** Adds erhvervspraktik offers of the period to the round (while it is open). */
export async function joinPlaces(
	db: Kysely<DB>,
	user: Actor | null,
	roundId: string,
	places: { offerId: string; minAgeGroup: string }[]
): Promise<Result<{ joined: number }>> {
	const round = await findRound(db, roundId);
	if (!round) return refuse(404, m.allocation_err_not_found());
	if (!canManageRound(user, round)) return refuse(403, m.allocation_err_forbidden());
	if (round.status === 'published') return refuse(409, m.allocation_err_published());
	const candidates = await q.selectPraktikOffersInPeriod(db, round.startDate, round.endDate);
	const free = new Map(candidates.filter((c) => c.roundId === null).map((c) => [c.id, c]));
	const chosen: { offerId: string; minAgeGroup: AgeGroupValue }[] = [];
	for (const p of places) {
		if (!free.has(p.offerId)) return refuse(400, m.allocation_err_place());
		const age = (AGE_GROUPS as readonly string[]).includes(p.minAgeGroup)
			? (p.minAgeGroup as AgeGroupValue)
			: 'under13';
		chosen.push({ offerId: p.offerId, minAgeGroup: age });
	}
	await db.transaction().execute(async (trx) => {
		await q.insertPlaces(trx, round.id, chosen);
		await auditRound(
			trx,
			user!,
			round,
			`Praktikfordeling: ${chosen.length} pladser tilføjet (${round.title})`
		);
	});
	return success({ joined: chosen.length });
}

/** The round an offer is shared out in, for the offer page. */
export async function roundOfOffer(db: Kysely<DB>, offerId: string) {
	if (!UUID.test(offerId)) return null;
	return q.selectRoundOfOffer(db, offerId);
}
