import type { Kysely, Transaction } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { RightsUser } from '$lib/activities/server';
import { offerForBookingQuery, type OfferForBooking } from './capacity';
import { UUID } from '$lib/platform/server/http/result';
import { prepared } from '$lib/platform/server/db/prepared';

// The first statement of a new booking under the offer lock (booking-insert.ts has the second).

/**
 * The offer row, locked, when the user can see it (else null), with what the provider's
 * 'requested' mail needs, the school (null when the id is no school) and whether the school used
 * the idempotency key before. The school and the key need no lock: they are read from this
 * statement's snapshot, and a key used meanwhile is caught by the insert below.
 */
export async function lockOfferForNewBooking(
	trx: Transaction<DB>,
	user: RightsUser | null,
	input: { offerId: string; schoolId: string; idempotencyKey: string }
) {
	const orgIds = user?.isSecretariat ? [] : (user?.memberships.map((m) => m.organisationId) ?? []);
	// The visibility filter's SQL depends on the kind of user and the number of memberships.
	const shape = user ? `${user.isSecretariat ? 's' : 'm'}${orgIds.length}` : 'visitor';
	let lock = lockQueries.get(shape);
	if (!lock) {
		lock = prepared(lockQuery(user === null, user?.isSecretariat ?? false, orgIds.length));
		lockQueries.set(shape, lock);
	}
	const values: Record<string, string | null> = {
		offerId: input.offerId,
		schoolId: UUID.test(input.schoolId) ? input.schoolId : null,
		idempotencyKey: input.idempotencyKey
	};
	orgIds.forEach((id, i) => (values[`org${i}`] = id));
	const [row] = await lock(trx, values);
	return row ?? null;
}

const lockQueries = new Map<
	string,
	ReturnType<typeof prepared<Record<string, string | null>, LockRow>>
>();

function lockQuery(visitor: boolean, isSecretariat: boolean, memberships: number) {
	return (trx: Kysely<DB>, v: Record<string, string | null>) => {
		const user: RightsUser | null = visitor
			? null
			: ({
					isSecretariat,
					memberships: Array.from({ length: memberships }, (_, i) => ({
						organisationId: v[`org${i}`]
					}))
				} as unknown as RightsUser);
		return offerForBookingQuery(trx, user)
			.innerJoin('organisation as owner', 'owner.id', 'activity.ownerId')
			.leftJoin('organisation as school', (join) =>
				join.on('school.id', '=', v.schoolId).on('school.kind', '=', 'school')
			)
			.leftJoin('booking as prior', (join) =>
				join
					.onRef('prior.schoolId', '=', 'school.id')
					.on('prior.idempotencyKey', '=', v.idempotencyKey!)
			)
			.select([
				'offer.contactName',
				'offer.contactEmail',
				'owner.name as providerName',
				'owner.contactEmail as ownerEmail',
				'school.id as schoolId',
				'school.municipalityId as schoolMunicipalityId',
				'school.name as schoolName',
				'prior.id as priorId'
			])
			.where('offer.id', '=', v.offerId!)
			.forUpdate('offer');
	};
}

type LockRow = OfferForBooking & {
	contactName: string;
	contactEmail: string;
	providerName: string;
	ownerEmail: string;
	schoolId: string | null;
	schoolMunicipalityId: string | null;
	schoolName: string | null;
	priorId: string | null;
};
