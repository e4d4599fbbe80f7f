import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { beforeAll } from 'vitest';
import { buildWorld, useWorld, type UserSpec, type WorldInDatabase } from '../helpers/world';
import { useForRoutes } from './organisation.fixtures';
import { createMeeting } from '../../src/lib/meetings/server/meeting';
import { meetingSchema } from '../../src/lib/meetings/schema';

// A small alliance for meeting tests: the secretariat calls, a municipality and a partner are
// invited, a company is not.

export const MEETING_ROLES = ['secretariat', 'invitedMember', 'otherMember', 'anonymous'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

export interface MeetingWorld {
	org: { secretariat: string; municipality: string; partner: string; company: string };
	users: Record<MeetingRole, SessionUser | null>;
	secretariat: SessionUser;
}

export async function createMeetingWorld(database: Database): Promise<MeetingWorld> {
	const member = (name: string, organisation: string, isSecretariat = false): UserSpec => ({
		name,
		isSecretariat,
		memberships: [[organisation, 'member']]
	});
	const { org, users } = await buildWorld(database.db, {
		categories: {
			moede: {
				slug: 'alliancemoede',
				nameDa: 'Alliancemøde',
				nameEn: 'Alliance meeting',
				pillar: 'faelles',
				colour: '#455a64',
				ring: 2
			}
		},
		organisations: {
			secretariat: { name: 'DI Lærlingeindsatsen', kind: 'partner' },
			municipality: { name: 'Horsens Kommune', kind: 'municipality' },
			partner: { name: 'Dansk Metal Horsens', kind: 'partner' },
			company: { name: 'Smedjen ApS', kind: 'company' }
		},
		users: {
			secretariat: member('Sekretariat', 'secretariat', true),
			invitedMember: member('Kommunemedlem', 'municipality'),
			otherMember: member('Smedemedlem', 'company'),
			anonymous: null
		} satisfies Record<MeetingRole, UserSpec | null>
	});
	return { org, secretariat: users.secretariat!, users };
}

/**
 * The meeting world for each test of a file, in the file's test database (see useWorld), with the
 * route handlers pointed at that database.
 */
export function useMeetingWorld(): WorldInDatabase<MeetingWorld> {
	const world = useWorld(createMeetingWorld);
	beforeAll(() => useForRoutes(world.database));
	return world;
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
