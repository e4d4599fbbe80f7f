import type { Kysely, Transaction } from 'kysely';
import { addDays } from '$lib/platform/dates/iso';
import { schoolYearRange } from '$lib/platform/dates/school-year';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import { UUID } from '../core';
import { schoolHolidaysBetween } from './holidays';

export interface RollForwardCandidate {
	id: string;
	title: string;
	startDate: string;
	endDate: string;
	ownerId: string;
	ownerName: string;
	categoryId: string;
	categoryNameDa: string;
	categoryNameEn: string;
	colour: string;
	seriesId: string | null;
}

export interface RollForwardFilters {
	categoryId?: string;
}

/**
 * Planned activities starting in the school year that the user may edit (canEditActivity in SQL:
 * the secretariat, or a member of the owner). Only these can be rolled forward.
 */
export async function listRollForwardCandidates(
	db: Kysely<DB>,
	user: Actor,
	fromYear: string,
	filters: RollForwardFilters = {},
	activityIds?: readonly string[]
): Promise<RollForwardCandidate[]> {
	const range = schoolYearRange(fromYear);
	const orgIds = user.memberships.map((m) => m.organisationId);
	if (!user.isSecretariat && orgIds.length === 0) return [];
	let query = db
		.selectFrom('activity')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.select([
			'activity.id',
			'activity.title',
			'activity.startDate',
			'activity.endDate',
			'activity.ownerId',
			'owner.name as ownerName',
			'activity.categoryId',
			'category.nameDa as categoryNameDa',
			'category.nameEn as categoryNameEn',
			'category.colour',
			'activity.seriesId'
		])
		.where('activity.status', '=', 'planned')
		.where('activity.startDate', '>=', range.start)
		.where('activity.startDate', '<=', range.end);
	if (!user.isSecretariat) query = query.where('activity.ownerId', 'in', orgIds);
	if (filters.categoryId && UUID.test(filters.categoryId)) {
		query = query.where('activity.categoryId', '=', filters.categoryId);
	}
	if (activityIds) {
		const ids = activityIds.filter((id) => UUID.test(id));
		if (ids.length === 0) return [];
		query = query.where('activity.id', 'in', ids);
	}
	return query
		.orderBy('activity.startDate')
		.orderBy('activity.title')
		.orderBy('activity.id')
		.execute();
}

export interface MunicipalHoliday {
	start: string;
	end: string;
	name: string;
	municipalityId: string;
	municipality: string;
}

/**
 * For each activity, the municipalities it touches: its owner's and its participants' (a
 * municipality itself, or the municipality a school belongs to).
 */
export async function municipalitiesOf(
	db: Kysely<DB>,
	activities: readonly { id: string; ownerId: string }[]
): Promise<Map<string, Set<string>>> {
	const result = new Map(activities.map((a) => [a.id, new Set<string>()]));
	if (activities.length === 0) return result;
	const participants = await db
		.selectFrom('activityParticipant')
		.select(['activityId', 'organisationId'])
		.where(
			'activityId',
			'in',
			activities.map((a) => a.id)
		)
		.execute();
	const links = [
		...activities.map((a) => ({ activityId: a.id, organisationId: a.ownerId })),
		...participants
	];
	const orgs = await db
		.selectFrom('organisation')
		.select(['id', 'kind', 'municipalityId'])
		.where('id', 'in', [...new Set(links.map((l) => l.organisationId))])
		.execute();
	const municipalityOf = new Map(
		orgs.map((o) => [o.id, o.kind === 'municipality' ? o.id : o.municipalityId])
	);
	for (const link of links) {
		const municipality = municipalityOf.get(link.organisationId);
		if (municipality) result.get(link.activityId)?.add(municipality);
	}
	return result;
}

/** School holidays of the given municipalities around the target school year. */
export async function holidaysAround(
	db: Kysely<DB>,
	municipalityIds: readonly string[],
	toYear: string
): Promise<MunicipalHoliday[]> {
	if (municipalityIds.length === 0) return [];
	const range = schoolYearRange(toYear);
	// Keeping the week can move a span a few days out of the school year; look a little wider.
	const rows = await schoolHolidaysBetween(
		db,
		municipalityIds,
		addDays(range.start, -14),
		addDays(range.end, 14)
	);
	return rows.map((h) => ({
		start: h.startDate,
		end: h.endDate,
		name: h.name,
		municipalityId: h.municipalityId,
		municipality: h.municipalityName
	}));
}

/** The (owner, title, start) of the activities of these owners starting on these days. */
export function selectActivityStarts(
	db: Kysely<DB>,
	ownerIds: readonly string[],
	startDates: readonly string[]
) {
	return db
		.selectFrom('activity')
		.select(['ownerId', 'title', 'startDate'])
		.where('startDate', 'in', [...startDates])
		.where('ownerId', 'in', [...ownerIds])
		.execute();
}

/** The activities to copy, whole, and their participants. */
export async function selectRollSources(trx: Transaction<DB>, ids: readonly string[]) {
	const sources = await trx
		.selectFrom('activity')
		.selectAll()
		.where('id', 'in', [...ids])
		.execute();
	const participants = await trx
		.selectFrom('activityParticipant')
		.selectAll()
		.where('activityId', 'in', [...ids])
		.execute();
	return { sources, participants };
}
