import { sql, type Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { bookingsInScope, type ReportScope } from './report';

// The report's activity-side aggregates: museum forløb, recruitment events and evaluation ratings.
// Neither the municipality nor the trade filter applies here, except the municipality to museum
// seats (they are bookings by schools); "Sådan tælles" on the page says so.

const n = (value: unknown) => Number(value ?? 0);

/** Evaluation participants summed per activity (every evaluating organisation). */
async function evaluationParticipants(db: Kysely<DB>, activityIds: string[]) {
	if (activityIds.length === 0) return new Map<string, number>();
	const rows = await db
		.selectFrom('evaluation')
		.where('activityId', 'in', activityIds)
		.groupBy('activityId')
		.select((eb) => ['activityId', eb.fn.sum<string>('participants').as('participants')])
		.execute();
	return new Map(rows.map((r) => [r.activityId, n(r.participants)]));
}

export interface MuseumFigures {
	activityId: string;
	title: string;
	startDate: string;
	classes: number;
	seats: number;
	evaluated: number;
}

/** Museum-owned forløb in the period: confirmed classes and seats, and evaluated participants. */
export async function museumForloeb(db: Kysely<DB>, scope: ReportScope): Promise<MuseumFigures[]> {
	const activities = await db
		.selectFrom('activity')
		.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
		.where('owner.kind', '=', 'museum')
		.where('activity.status', '!=', 'cancelled')
		.where('activity.startDate', '>=', scope.from)
		.where('activity.startDate', '<=', scope.to)
		.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('offer')
					.select('offer.id')
					.whereRef('offer.activityId', '=', 'activity.id')
					.where('offer.kind', '=', 'forloeb')
					.where('offer.status', '!=', 'cancelled')
			)
		)
		.select(['activity.id', 'activity.title', 'activity.startDate'])
		.orderBy('activity.startDate')
		.orderBy('activity.title')
		.execute();
	// Museum forløb are not tied to a trade: only the municipality filter applies to them.
	const seats = await bookingsInScope(db, scope, false)
		.where('offer.kind', '=', 'forloeb')
		.where('provider.kind', '=', 'museum')
		.where('booking.status', '=', 'confirmed')
		.groupBy('activity.id')
		.select((eb) => [
			'activity.id',
			eb.fn.countAll<string>().as('classes'),
			eb.fn.sum<string>('booking.seats').as('seats')
		])
		.execute();
	const byActivity = new Map(seats.map((s) => [s.id, s]));
	const evaluated = await evaluationParticipants(
		db,
		activities.map((a) => a.id)
	);
	return activities.map((a) => ({
		activityId: a.id,
		title: a.title,
		startDate: a.startDate,
		classes: n(byActivity.get(a.id)?.classes),
		seats: n(byActivity.get(a.id)?.seats),
		evaluated: evaluated.get(a.id) ?? 0
	}));
}

/** Activities of one pillar in the period, not cancelled. */
function activitiesInPeriod(db: Kysely<DB>, scope: ReportScope) {
	return db
		.selectFrom('activity')
		.innerJoin('category', 'category.id', 'activity.categoryId')
		.where('activity.startDate', '>=', scope.from)
		.where('activity.startDate', '<=', scope.to);
}

export interface RecruitmentFigures {
	categoryId: string;
	events: number;
	participants: number;
}

/** Recruitment events per category, with participants as the evaluations give them. */
export async function recruitmentEvents(
	db: Kysely<DB>,
	scope: ReportScope
): Promise<RecruitmentFigures[]> {
	const rows = await activitiesInPeriod(db, scope)
		.where('category.pillar', '=', 'rekruttering')
		.where('activity.status', '!=', 'cancelled')
		.groupBy('category.id')
		.select((eb) => [
			'category.id as categoryId',
			eb.fn.countAll<string>().as('events'),
			eb
				.selectFrom('evaluation')
				.innerJoin('activity as evaluated', 'evaluated.id', 'evaluation.activityId')
				.whereRef('evaluated.categoryId', '=', 'category.id')
				.where('evaluated.startDate', '>=', scope.from)
				.where('evaluated.startDate', '<=', scope.to)
				.where('evaluated.status', '!=', 'cancelled')
				.select(sql<string>`coalesce(sum(evaluation.participants), 0)`.as('p'))
				.as('participants')
		])
		.execute();
	return rows.map((r) => ({
		categoryId: r.categoryId,
		events: n(r.events),
		participants: n(r.participants)
	}));
}

export interface RatingFigures {
	categoryId: string;
	evaluations: number;
	ratingSum: number;
}

/** Evaluations of activities in the period, per category: how many and their summed rating. */
export async function ratingsByCategory(
	db: Kysely<DB>,
	scope: ReportScope
): Promise<RatingFigures[]> {
	const rows = await activitiesInPeriod(db, scope)
		.innerJoin('evaluation', 'evaluation.activityId', 'activity.id')
		.groupBy('category.id')
		.select((eb) => [
			'category.id as categoryId',
			eb.fn.countAll<string>().as('evaluations'),
			eb.fn.sum<string>('evaluation.rating').as('ratingSum')
		])
		.execute();
	return rows.map((r) => ({
		categoryId: r.categoryId,
		evaluations: n(r.evaluations),
		ratingSum: n(r.ratingSum)
	}));
}
