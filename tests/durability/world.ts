// What the durability tests put in the database before the app starts, and how they read it
// back afterwards: opened in the test process with the app's own engine setup and migrations.
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../src/lib/platform/server/db/engine';
import { databaseOptionsFromEnv } from '../../src/lib/platform/server/db/index';
import { migrateToLatest } from '../../src/lib/platform/server/db/migrate';
import type { BookingStatus, DB } from '../../src/lib/platform/server/db/schema';
import { seedDemo } from '../../db/seed/index';
import type { Target } from './app';

/** Far ahead, so that the offer is open whatever day the test runs. */
const VISIT_DAY = '2035-03-07';

export interface World {
	offerId: string;
	activityId: string;
	schoolId: string;
	capacity: number;
}

/** Opens the database exactly as `node build` would with this DATA_DIR / DATABASE_URL. */
export async function withDatabase<T>(target: Target, work: (db: Kysely<DB>) => Promise<T>) {
	const options = databaseOptionsFromEnv({
		DATA_DIR: target.dataDir,
		DATABASE_URL: target.databaseUrl
	});
	const database = await openDatabase({ ...options, poolSize: 2 });
	try {
		return await work(database.db);
	} finally {
		await database.close();
	}
}

/** The offers the tests book: a large one for the burst, a small one for backup and restore. */
export const CAPACITIES = { crash: 40, restore: 4 } as const;
export type Worlds = Record<keyof typeof CAPACITIES, World>;

/**
 * The demo alliance (its logins) plus two visit offers of Bygholm Stål with a known capacity,
 * which Stensballeskolen's coordinator books. Written before any app starts: the embedded
 * engine's folder cannot be opened by two processes.
 */
export function prepareWorlds(target: Target): Promise<Worlds> {
	return withDatabase(target, async (db) => {
		await migrateToLatest(db);
		await seedDemo(db);
		const org = (slug: string) =>
			db.selectFrom('organisation').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
		const owner = await org('bygholm-staal');
		const school = await org('stensballeskolen');
		const category = await db
			.selectFrom('category')
			.select('id')
			.where('slug', '=', 'virksomhedsbesoeg')
			.executeTakeFirstOrThrow();
		const world = async (capacity: number): Promise<World> => {
			const activity = await db
				.insertInto('activity')
				.values({
					ownerId: owner.id,
					categoryId: category.id,
					title: `Holdbarhedstest: virksomhedsbesøg for ${capacity}`,
					startDate: VISIT_DAY,
					endDate: VISIT_DAY,
					startTime: '09:00:00',
					endTime: '12:00:00',
					visibility: 'alliance'
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const offer = await db
				.insertInto('offer')
				.values({ activityId: activity.id, kind: 'visit', gradeLevels: [8, 9], capacity })
				.returning('id')
				.executeTakeFirstOrThrow();
			return { offerId: offer.id, activityId: activity.id, schoolId: school.id, capacity };
		};
		return { crash: await world(CAPACITIES.crash), restore: await world(CAPACITIES.restore) };
	});
}

export interface StoredBooking {
	id: string;
	idempotencyKey: string;
	status: BookingStatus;
	seats: number;
	classLabel: string;
	teacherName: string;
	teacherEmail: string;
	schoolId: string;
	/** Whether the school is a participant of the offer's activity (written with a live booking). */
	participant: boolean;
}

export function readBookings(target: Target, world: World): Promise<StoredBooking[]> {
	return withDatabase(target, (db) =>
		db
			.selectFrom('booking')
			.leftJoin('activityParticipant as p', (join) =>
				join
					.onRef('p.organisationId', '=', 'booking.schoolId')
					.on('p.activityId', '=', world.activityId)
			)
			.select([
				'booking.id',
				'booking.idempotencyKey',
				'booking.status',
				'booking.seats',
				'booking.classLabel',
				'booking.teacherName',
				'booking.teacherEmail',
				'booking.schoolId',
				sql<boolean>`p.organisation_id is not null`.as('participant')
			])
			.where('booking.offerId', '=', world.offerId)
			.execute()
	);
}
