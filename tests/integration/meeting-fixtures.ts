import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/engine';
import type { DB } from '../../src/lib/server/db/schema';
import { findSessionMemberships, type SessionUser } from '../../src/lib/server/session';
import { createMeeting } from '../../src/lib/server/meeting';
import { meetingSchema } from '../../src/lib/validation/meeting';

// A small alliance for meeting tests: the secretariat calls, a municipality and a partner are
// invited, a company is not.

export const MEETING_ROLES = ['secretariat', 'invitedMember', 'otherMember', 'anonymous'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

export interface MeetingWorld {
	org: { secretariat: string; municipality: string; partner: string; company: string };
	users: Record<MeetingRole, SessionUser | null>;
	secretariat: SessionUser;
}

async function organisation(db: Kysely<DB>, name: string, kind: DB['organisation']['kind']) {
	const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	const row = await db
		.insertInto('organisation')
		.values({ name, slug, kind })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function user(
	db: Kysely<DB>,
	name: string,
	organisationId: string,
	isSecretariat = false
): Promise<SessionUser> {
	const email = `${name.toLowerCase()}@example.dk`;
	const row = await db
		.insertInto('appUser')
		.values({ email, name, isSecretariat })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('membership')
		.values({ userId: row.id, organisationId, role: 'member' })
		.execute();
	const memberships = await findSessionMemberships(db, row.id);
	return { id: row.id, email, name, isSecretariat, locale: 'da', memberships };
}

export async function createMeetingWorld(database: Database): Promise<MeetingWorld> {
	const db = database.db;
	await db
		.insertInto('category')
		.values({
			slug: 'alliancemoede',
			nameDa: 'Alliancemøde',
			nameEn: 'Alliance meeting',
			pillar: 'faelles',
			colour: '#455a64',
			ring: 2
		})
		.execute();
	const org = {
		secretariat: await organisation(db, 'DI Lærlingeindsatsen', 'partner'),
		municipality: await organisation(db, 'Horsens Kommune', 'municipality'),
		partner: await organisation(db, 'Dansk Metal Horsens', 'partner'),
		company: await organisation(db, 'Smedjen ApS', 'company')
	};
	const secretariat = await user(db, 'Sekretariat', org.secretariat, true);
	return {
		org,
		secretariat,
		users: {
			secretariat,
			invitedMember: await user(db, 'Kommunemedlem', org.municipality),
			otherMember: await user(db, 'Smedemedlem', org.company),
			anonymous: null
		}
	};
}

/** The create form as the secretariat fills it in. */
export function meetingFields(
	world: MeetingWorld,
	over: Record<string, string | string[]> = {}
): Record<string, string | string[]> {
	return {
		title: 'Alliancemøde september 2026',
		place: 'Learnmark Horsens',
		ownerId: world.org.secretariat,
		date: '2026-09-24',
		startTime: '14:00',
		endTime: '16:30',
		visibility: 'alliance',
		invited: [world.org.municipality, world.org.partner],
		agenda: '# Dagsorden\n\n1. Velkomst\n2. Status på årshjulet',
		...over
	};
}

/** A meeting made through the domain, as the route would. */
export async function makeMeeting(
	database: Database,
	world: MeetingWorld,
	over: Record<string, string | string[]> = {}
): Promise<string> {
	const input = meetingSchema.parse(meetingFields(world, over));
	const result = await createMeeting(database.db, world.secretariat, input);
	if (!result.ok) throw new Error(`meeting not created: ${JSON.stringify(result)}`);
	return result.value.id;
}

const TABLES = [
	'activity',
	'activityParticipant',
	'meeting',
	'meetingOrganisation',
	'auditEvent'
] as const;

/** Row counts of every table meetings write, to prove a refused request wrote nothing. */
export async function meetingRowCounts(db: Kysely<DB>): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

/** The stored meeting row, to prove what was (or was not) written. */
export function meetingRow(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('meeting')
		.selectAll()
		.where('activityId', '=', id)
		.executeTakeFirstOrThrow();
}
