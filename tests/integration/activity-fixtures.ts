import type { Kysely } from 'kysely';
import { beforeAll } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { DB, Visibility } from '../../src/lib/platform/server/db/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { buildWorld, TRADE, useWorld, type WorldInDatabase } from '../helpers/world';
import { useForRoutes } from './organisation.fixtures';

// A small alliance for activity tests: a school in Horsens owns activities, a company takes part.

export const ROLES = [
	'secretariat',
	'ownerAdmin',
	'ownerMember',
	'participantMember',
	'otherAdmin',
	'noOrganisation',
	'anonymous'
] as const;
export type RoleName = (typeof ROLES)[number];

export interface ActivityWorld {
	org: {
		horsens: string;
		odder: string;
		school: string;
		odderSchool: string;
		smedCompany: string;
		techCompany: string;
		partner: string;
	};
	category: { praktik: string; moede: string };
	users: Record<RoleName, SessionUser | null>;
}

export async function createWorld(database: Database): Promise<ActivityWorld> {
	return buildWorld(database.db, {
		trades: [TRADE.smed, TRADE.industritekniker],
		categories: {
			praktik: {
				slug: 'erhvervspraktik',
				nameDa: 'Erhvervspraktik',
				nameEn: 'Work experience',
				pillar: 'skole_virksomhed',
				colour: '#2e7d32',
				ring: 1
			},
			moede: {
				slug: 'alliancemoede',
				nameDa: 'Alliancemøde',
				nameEn: 'Alliance meeting',
				pillar: 'faelles',
				colour: '#fbc02d',
				ring: 2
			}
		},
		organisations: {
			horsens: { name: 'Horsens Kommune', kind: 'municipality' },
			odder: { name: 'Odder Kommune', kind: 'municipality' },
			school: { name: 'Byskolen', kind: 'school', municipality: 'horsens' },
			odderSchool: { name: 'Odder Skole', kind: 'school', municipality: 'odder' },
			smedCompany: { name: 'Smedjen ApS', kind: 'company', trades: ['smed'] },
			techCompany: { name: 'Tekniq A/S', kind: 'company', trades: ['industritekniker'] },
			partner: { name: 'Dansk Metal', kind: 'partner' }
		},
		users: {
			secretariat: { name: 'Sekretariat', isSecretariat: true },
			ownerAdmin: { name: 'Skoleadmin', memberships: [['school', 'admin']] },
			ownerMember: { name: 'Skolemedlem', memberships: [['school', 'member']] },
			participantMember: { name: 'Smedemedlem', memberships: [['smedCompany', 'member']] },
			otherAdmin: { name: 'Metaladmin', memberships: [['partner', 'admin']] },
			noOrganisation: { name: 'Uden' },
			anonymous: null
		}
	});
}

export interface ActivitySpec {
	ownerId: string;
	categoryId: string;
	title?: string;
	description?: string;
	place?: string;
	startDate?: string;
	endDate?: string;
	startTime?: string | null;
	endTime?: string | null;
	visibility?: Visibility;
	participants?: string[];
}

export async function insertActivity(db: Kysely<DB>, spec: ActivitySpec): Promise<string> {
	const { participants = [], ...values } = spec;
	const row = await db
		.insertInto('activity')
		.values({
			title: 'Aktivitet',
			startDate: '2027-02-08',
			endDate: '2027-02-12',
			visibility: 'public',
			...values
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	for (const organisationId of participants) {
		await db
			.insertInto('activityParticipant')
			.values({ activityId: row.id, organisationId })
			.execute();
	}
	return row.id;
}

export async function countRows(
	db: Kysely<DB>
): Promise<{ activities: number; participants: number }> {
	const a = await db
		.selectFrom('activity')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const p = await db
		.selectFrom('activityParticipant')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return { activities: Number(a.n), participants: Number(p.n) };
}

/** The activity world with its owner school's member, who most tests act as. */
export type ActivityWorldWithMember = ActivityWorld & { member: SessionUser };

/**
 * The activity world for each test of a file, in the file's test database (see useWorld);
 * `routes` also points the route handlers at that database.
 */
export function useActivityWorld(
	options: { routes?: boolean } = {}
): WorldInDatabase<ActivityWorldWithMember> {
	const world = useWorld(async (database) => {
		const built = await createWorld(database);
		return { ...built, member: built.users.ownerMember! };
	});
	if (options.routes) beforeAll(() => useForRoutes(world.database));
	return world;
}
