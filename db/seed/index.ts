import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import { hashPassword } from '../../src/lib/auth/server/password';
import { ALLIANCE_ACTIVITIES } from './activities-alliance';
import { MUSEUM_ACTIVITIES } from './activities-museum';
import { RECRUITMENT_ACTIVITIES } from './activities-recruitment';
import { SCHOOL_ACTIVITIES } from './activities-school';
import { CATEGORIES, TRADES } from './catalogue';
import { HOLIDAYS } from './holidays';
import { ORGANISATIONS } from './organisations';
import { DEMO_PASSWORD, DEMO_USERS } from './users';
import { upsertCategories, upsertOrganisations, upsertTrades, upsertUsers } from './write';
import { upsertActivities, upsertHolidays } from './write-activities';
import { seedOffers } from './offers';
import { seedApprenticeships } from './apprenticeships';
import { seedEvaluations } from './evaluations';
import { seedMeetings } from './meetings';
import { seedAllocation, seedPupilCounts } from './allocation';

export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from './users';

const DEMO_ACTIVITIES = [
	...SCHOOL_ACTIVITIES,
	...MUSEUM_ACTIVITIES,
	...RECRUITMENT_ACTIVITIES,
	...ALLIANCE_ACTIVITIES
];
export { CATEGORIES as DEMO_CATEGORIES, ORGANISATIONS as DEMO_ORGANISATIONS };

export interface SeedSummary {
	offers: number;
	bookings: number;
	organisations: number;
	users: number;
	activities: number;
	holidays: number;
}

/** True when no organisation exists yet (a fresh installation). */
export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
	const row = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst();
	return row === undefined;
}

/** Argon2 is slow on purpose: hash once for all new demo users, and not at all when none is new. */
async function demoPasswordHashIfNeeded(db: Kysely<DB>): Promise<string | null> {
	const emails = DEMO_USERS.map((u) => u.email.toLowerCase());
	const existing = await db
		.selectFrom('appUser')
		.select('email')
		.where((eb) => eb(eb.fn('lower', ['email']), 'in', emails))
		.execute();
	if (existing.length === emails.length) return null;
	return hashPassword(DEMO_PASSWORD);
}

/**
 * Loads the demo alliance (school year 2026/27) in one transaction. Idempotent: rows have
 * stable ids or natural keys, so a second run updates the same rows and adds none.
 */
export async function seedDemo(db: Kysely<DB>): Promise<SeedSummary> {
	// Hashed before the transaction: with the embedded engine a transaction holds the only connection.
	const passwordHash = await demoPasswordHashIfNeeded(db);
	let offers = { offers: 0, bookings: 0 };
	let allocation = { places: 0, pupils: 0 };
	await db.transaction().execute(async (trx) => {
		await upsertTrades(trx, TRADES);
		const organisationIds = await upsertOrganisations(trx, ORGANISATIONS);
		await upsertUsers(trx, DEMO_USERS, organisationIds, passwordHash);
		const categoryIds = await upsertCategories(trx, CATEGORIES);
		await upsertActivities(trx, DEMO_ACTIVITIES, organisationIds, categoryIds);
		await upsertHolidays(trx, HOLIDAYS, organisationIds);
		offers = await seedOffers(trx);
		await seedApprenticeships(trx);
		await seedEvaluations(trx);
		await seedMeetings(trx);
		allocation = await seedAllocation(trx);
		await seedPupilCounts(trx);
	});
	return {
		organisations: ORGANISATIONS.length,
		users: DEMO_USERS.length,
		// Every offer is an activity on the wheel too.
		activities: DEMO_ACTIVITIES.length + offers.offers + allocation.places,
		holidays: HOLIDAYS.length,
		offers: offers.offers + allocation.places,
		bookings: offers.bookings
	};
}
