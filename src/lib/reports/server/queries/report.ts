import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { bookingsWithParties } from '$lib/bookings/server';

// The report's aggregates, in SQL that both engines (PGlite and PostgreSQL) run. Every query counts
// activities that start inside the period and are not cancelled; the definitions are written on the
// page ("Sådan tælles") and must stay in step with this file.

export interface ReportScope {
	from: string;
	to: string;
	/** Copenhagen date of "now": a booking is used once its activity ended before this day. */
	today: string;
	/** Schools' side: only bookings made by schools of this municipality. */
	municipalityId: string | null;
	/** Erhvervspraktik of this trade, and visits/forløb at companies that train it. */
	tradeCode: string | null;
}

const LIVE = ['requested', 'confirmed'] as const;
const n = (value: unknown) => Number(value ?? 0);

/** Bookings on offers of activities in the period, with the school and the provider (owner). */
export function bookingsInScope(db: Kysely<DB>, scope: ReportScope, byTrade = true) {
	let q = bookingsWithParties(db)
		.where('activity.startDate', '>=', scope.from)
		.where('activity.startDate', '<=', scope.to)
		.where('activity.status', '!=', 'cancelled')
		.where('offer.status', '!=', 'cancelled');
	if (scope.municipalityId) q = q.where('school.municipalityId', '=', scope.municipalityId);
	const trade = scope.tradeCode;
	if (trade && byTrade) {
		// An offer's own trade wins; an offer without one counts for the trades its company trains.
		q = q.where((eb) =>
			eb.or([
				eb('offer.tradeCode', '=', trade),
				eb.and([
					eb('offer.tradeCode', 'is', null),
					eb('provider.kind', '=', 'company'),
					eb.exists(
						eb
							.selectFrom('organisationTrade')
							.select('organisationTrade.tradeCode')
							.whereRef('organisationTrade.organisationId', '=', 'provider.id')
							.where('organisationTrade.tradeCode', '=', trade)
					)
				])
			])
		);
	}
	return q;
}

export interface PraktikFigures {
	tradeCode: string | null;
	offered: number;
	booked: number;
	used: number;
}

/** Places offered (companies' side: no municipality filter), booked and used, per trade. */
export async function praktikByTrade(
	db: Kysely<DB>,
	scope: ReportScope
): Promise<PraktikFigures[]> {
	let offered = db
		.selectFrom('offer')
		.innerJoin('activity', 'activity.id', 'offer.activityId')
		.where('offer.kind', '=', 'erhvervspraktik')
		.where('offer.status', '!=', 'cancelled')
		.where('activity.status', '!=', 'cancelled')
		.where('activity.startDate', '>=', scope.from)
		.where('activity.startDate', '<=', scope.to)
		.groupBy('offer.tradeCode')
		.select((eb) => ['offer.tradeCode', eb.fn.sum<string>('offer.capacity').as('places')]);
	if (scope.tradeCode) offered = offered.where('offer.tradeCode', '=', scope.tradeCode);
	const offeredRows = await offered.execute();
	const bookedRows = await bookingsInScope(db, scope)
		.where('offer.kind', '=', 'erhvervspraktik')
		.groupBy('offer.tradeCode')
		.select((eb) => [
			'offer.tradeCode',
			eb.fn.sum<string>('booking.seats').filterWhere('booking.status', 'in', LIVE).as('booked'),
			eb.fn
				.sum<string>('booking.seats')
				.filterWhere((f) =>
					f.and([f('booking.status', '=', 'confirmed'), f('activity.endDate', '<', scope.today)])
				)
				.as('used')
		])
		.execute();
	const byTrade = new Map<string | null, PraktikFigures>();
	const row = (tradeCode: string | null) => {
		let r = byTrade.get(tradeCode);
		if (!r) byTrade.set(tradeCode, (r = { tradeCode, offered: 0, booked: 0, used: 0 }));
		return r;
	};
	for (const o of offeredRows) row(o.tradeCode).offered = n(o.places);
	for (const b of bookedRows)
		Object.assign(row(b.tradeCode), { booked: n(b.booked), used: n(b.used) });
	return [...byTrade.values()];
}

export interface VisitFigures {
	id: string;
	name: string;
	visits: number;
	pupils: number;
}

/** Confirmed visit bookings per school or per provider (the owner of the offer's activity). */
export async function visitsBy(
	db: Kysely<DB>,
	scope: ReportScope,
	side: 'school' | 'provider'
): Promise<VisitFigures[]> {
	const rows = await bookingsInScope(db, scope)
		.where('offer.kind', '=', 'visit')
		.where('booking.status', '=', 'confirmed')
		.groupBy([`${side}.id`, `${side}.name`])
		.select((eb) => [
			`${side}.id as id`,
			`${side}.name as name`,
			eb.fn.countAll<string>().as('visits'),
			eb.fn.sum<string>('booking.seats').as('pupils')
		])
		.orderBy(`${side}.name`)
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, visits: n(r.visits), pupils: n(r.pupils) }));
}

export interface ReachFigures {
	municipalityId: string | null;
	praktik: number;
	visit: number;
	forloeb: number;
}

/** Seats of confirmed bookings of every kind, by the booking school's municipality. */
export async function pupilsByMunicipality(
	db: Kysely<DB>,
	scope: ReportScope
): Promise<ReachFigures[]> {
	const rows = await bookingsInScope(db, scope)
		.where('booking.status', '=', 'confirmed')
		.groupBy('school.municipalityId')
		.select((eb) => {
			const seatsOf = (kind: 'erhvervspraktik' | 'visit' | 'forloeb') =>
				eb.fn.sum<string>('booking.seats').filterWhere('offer.kind', '=', kind);
			return [
				'school.municipalityId as municipalityId',
				seatsOf('erhvervspraktik').as('praktik'),
				seatsOf('visit').as('visit'),
				seatsOf('forloeb').as('forloeb')
			];
		})
		.execute();
	return rows.map((r) => ({
		municipalityId: r.municipalityId,
		praktik: n(r.praktik),
		visit: n(r.visit),
		forloeb: n(r.forloeb)
	}));
}
