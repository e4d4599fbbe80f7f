import type { Transaction } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { BOOKINGS, OFFERS } from './offers-data';
import { seedId, slugify } from './ids';
import { fromExcluded, lookup, type IdsBySlug } from './write';

type Trx = Transaction<DB>;

const ACTIVITY_COLUMNS = [
	'ownerId',
	'categoryId',
	'title',
	'description',
	'place',
	'startDate',
	'endDate',
	'startTime',
	'endTime',
	'visibility'
] as const;
const OFFER_COLUMNS = [
	'activityId',
	'groupId',
	'kind',
	'tradeCode',
	'gradeLevels',
	'capacity',
	'bookingClosesAt',
	'contactName',
	'contactEmail',
	'address',
	'whatToBring',
	'whatYouSee'
] as const;
const BOOKING_COLUMNS = [
	'offerId',
	'schoolId',
	'classLabel',
	'seats',
	'teacherName',
	'teacherEmail',
	'pupilFirstNames',
	'status',
	'message',
	'agreementSignedAt'
] as const;

async function idsBySlug(trx: Trx, table: 'organisation' | 'category'): Promise<IdsBySlug> {
	const rows = await trx.selectFrom(table).select(['id', 'slug']).execute();
	return new Map(rows.map((r) => [r.slug, r.id]));
}

const withSeconds = (time?: string) => (time ? `${time}:00` : null);

/** Upserts the demo offers and bookings by stable ids (a second run adds nothing). */
export async function seedOffers(trx: Trx): Promise<{ offers: number; bookings: number }> {
	const orgs = await idsBySlug(trx, 'organisation');
	const categories = await idsBySlug(trx, 'category');
	for (const o of OFFERS) {
		const activityId = seedId('activity', `offer:${o.key}`);
		await trx
			.insertInto('activity')
			.values({
				id: activityId,
				ownerId: lookup(orgs, o.owner, 'organisation'),
				categoryId: lookup(categories, o.category, 'category'),
				title: o.title,
				description: o.description,
				place: o.address,
				startDate: o.dates[0],
				endDate: o.dates[1],
				startTime: withSeconds(o.time?.[0]),
				endTime: withSeconds(o.time?.[1]),
				visibility: 'alliance'
			})
			.onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(ACTIVITY_COLUMNS)))
			.execute();
		await trx
			.insertInto('offer')
			.values({
				id: seedId('offer', o.key),
				activityId,
				groupId: o.group ? seedId('offer-group', o.group) : null,
				kind: o.kind,
				tradeCode: o.trade ?? null,
				gradeLevels: o.grades,
				capacity: o.capacity,
				bookingClosesAt: o.closesAt ?? null,
				contactName: o.contactName,
				contactEmail: `kontakt@${o.owner}.example.dk`,
				address: o.address,
				whatToBring: o.whatToBring ?? '',
				whatYouSee: o.whatYouSee ?? ''
			})
			.onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(OFFER_COLUMNS)))
			.execute();
	}
	for (const b of BOOKINGS) {
		const schoolId = lookup(orgs, slugify(b.school), 'school');
		await trx
			.insertInto('booking')
			.values({
				id: seedId('booking', b.key),
				offerId: seedId('offer', b.offer),
				schoolId,
				classLabel: b.classLabel,
				seats: b.seats,
				teacherName: b.teacher[0],
				teacherEmail: b.teacher[1],
				pupilFirstNames: b.names ?? [],
				status: b.status,
				message: b.message ?? '',
				agreementSignedAt: b.agreementSignedAt ?? null,
				idempotencyKey: `seed-${b.key}`
			})
			.onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(BOOKING_COLUMNS)))
			.execute();
		if (b.status === 'requested' || b.status === 'confirmed') {
			// As bookSeats does: a live booking puts the school on the activity (its wheel, its feed).
			await trx
				.insertInto('activityParticipant')
				.values({ activityId: seedId('activity', `offer:${b.offer}`), organisationId: schoolId })
				.onConflict((oc) => oc.columns(['activityId', 'organisationId']).doNothing())
				.execute();
		}
	}
	return { offers: OFFERS.length, bookings: BOOKINGS.length };
}
