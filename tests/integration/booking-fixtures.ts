import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/platform/server/db/engine';
import type { DB, OrganisationKind } from '../../src/lib/platform/server/db/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { beforeAll } from 'vitest';
import {
	buildWorld,
	slugOf,
	TRADE,
	useWorld,
	type UserSpec,
	type WorldInDatabase
} from '../helpers/world';
import { useForRoutes } from './organisation.fixtures';
import { createOffer } from '../../src/lib/bookings/server/offer';
import { bookSeats, type BookSeatsInput } from '../../src/lib/bookings/server/booking';
import { offerSchema } from '../../src/lib/bookings/offer-schema';

// A small alliance for offer and booking tests: Smedjen offers places, Byskolen (Horsens) books.

/**
 * Every test publishes and books "today" = this date, before every offer in the fixtures: the
 * offers' 2027 weeks stay in the future whatever the clock says (past weeks are refused).
 */
export const TODAY = '2027-01-04';

export const PERSONS = [
	'coordinator',
	'teacher',
	'municipality',
	'otherMunicipality',
	'otherSchool',
	'providerAdmin',
	'providerMember',
	'otherCompany',
	'secretariat',
	'anonymous'
] as const;
export type Person = (typeof PERSONS)[number];

export interface BookingWorld {
	org: {
		horsens: string;
		odder: string;
		school: string;
		otherSchool: string;
		odderSchool: string;
		company: string;
		otherCompany: string;
		museum: string;
		learnmark: string;
		partner: string;
	};
	users: Record<Person, SessionUser | null>;
}

export async function createBookingWorld(database: Database): Promise<BookingWorld> {
	const categories = [
		['erhvervspraktik', 'skole_virksomhed'],
		['virksomhedsbesoeg', 'skole_virksomhed'],
		['industrimuseet', 'skole_virksomhed'],
		['gf1-inspirationsdag', 'rekruttering']
	] as const;
	const withContact = (name: string, kind: OrganisationKind, municipality?: string) => ({
		name,
		kind,
		municipality,
		contactEmail: `kontakt@${slugOf(name)}.dk`
	});
	const { org, users } = await buildWorld(database.db, {
		trades: [TRADE.smed, TRADE.industritekniker],
		categories: Object.fromEntries(
			categories.map(([slug, pillar], i) => [
				slug,
				{ slug, nameDa: slug, nameEn: slug, pillar, colour: '#2e7d32', ring: i + 1 }
			])
		),
		organisations: {
			horsens: withContact('Horsens Kommune', 'municipality'),
			odder: withContact('Odder Kommune', 'municipality'),
			school: withContact('Byskolen', 'school', 'horsens'),
			otherSchool: withContact('Bakkeskolen', 'school', 'horsens'),
			odderSchool: withContact('Odder Skole', 'school', 'odder'),
			company: withContact('Smedjen ApS', 'company', 'horsens'),
			otherCompany: withContact('Tekniq A/S', 'company', 'odder'),
			museum: withContact('Industrimuseet', 'museum', 'horsens'),
			learnmark: withContact('Learnmark', 'vocational_school', 'horsens'),
			partner: withContact('Dansk Metal', 'partner')
		},
		users: {
			coordinator: { name: 'Koordinator', memberships: [['school', 'admin']] },
			teacher: { name: 'Laerer', memberships: [['school', 'member']] },
			municipality: { name: 'Kommune', memberships: [['horsens', 'member']] },
			otherMunicipality: { name: 'Odderkommune', memberships: [['odder', 'admin']] },
			otherSchool: { name: 'Bakke', memberships: [['otherSchool', 'admin']] },
			providerAdmin: { name: 'Smedeadmin', memberships: [['company', 'admin']] },
			providerMember: { name: 'Smedemedlem', memberships: [['company', 'member']] },
			otherCompany: { name: 'Tekniq', memberships: [['otherCompany', 'admin']] },
			secretariat: {
				name: 'Sekretariat',
				isSecretariat: true,
				memberships: [['partner', 'admin']]
			},
			anonymous: null
		} satisfies Record<Person, UserSpec | null>
	});
	return { org, users };
}

/**
 * The booking world for each test of a file, in the file's test database (see useWorld);
 * `routes` also points the route handlers at that database.
 */
export function useBookingWorld(options: { routes?: boolean } = {}): WorldInDatabase<BookingWorld> {
	const world = useWorld(createBookingWorld);
	if (options.routes) beforeAll(() => useForRoutes(world.database));
	return world;
}

export type OfferFields = Record<string, unknown>;

/** Form-like input for a company visit on Wednesday 10 February 2027 (uge 6), 09–11. */
export function visitFields(world: BookingWorld, over: OfferFields = {}): OfferFields {
	return {
		kind: 'visit',
		ownerId: world.org.company,
		title: 'Besøg på smedjen',
		gradeLevels: ['8', '9'],
		capacity: '5',
		dates: ['2027-02-10'],
		startTime: '09:00',
		endTime: '11:00',
		contactName: 'Lars Smed',
		contactEmail: 'lars@smedjen.dk',
		address: 'Stålgade 1, 8700 Horsens',
		whatToBring: 'Sikkerhedssko',
		whatYouSee: 'Svejsning og CNC',
		visibility: 'alliance',
		...over
	};
}

/** Erhvervspraktik as smed in uge 10 of 2027 (8–12 March). */
export function praktikFields(world: BookingWorld, over: OfferFields = {}): OfferFields {
	return visitFields(world, {
		kind: 'erhvervspraktik',
		title: 'Erhvervspraktik som smed',
		tradeCode: 'smed',
		weeks: ['2027-W10'],
		dates: [],
		startTime: '',
		endTime: '',
		...over
	});
}

/** Creates an offer as the provider admin on TODAY; returns the first offer id. */
export async function makeOffer(
	db: Kysely<DB>,
	world: BookingWorld,
	fields: OfferFields
): Promise<string> {
	const result = await createOffer(db, world.users.secretariat!, offerSchema.parse(fields), {
		today: TODAY
	});
	if (!result.ok)
		throw new Error(`createOffer failed: ${result.message} ${JSON.stringify(result.errors)}`);
	return result.value.offerIds[0];
}

export function bookingInput(
	world: BookingWorld,
	offerId: string,
	over: Partial<BookSeatsInput> = {}
): BookSeatsInput {
	return {
		offerId,
		schoolId: world.org.school,
		classLabel: '8.B',
		seats: 1,
		teacherName: 'Rasmus Lærer',
		teacherEmail: 'rasmus@byskolen.dk',
		idempotencyKey: randomUUID(),
		...over
	};
}

/** Books as the school coordinator (or `as`) on TODAY; throws when refused. */
export async function book(
	db: Kysely<DB>,
	world: BookingWorld,
	offerId: string,
	over: Partial<BookSeatsInput> = {},
	as: Person = 'coordinator'
) {
	const result = await bookSeats(db, world.users[as], bookingInput(world, offerId, over), {
		today: TODAY
	});
	if (!result.ok) throw new Error(`bookSeats failed: ${result.message}`);
	return result.value.booking;
}

export async function counts(db: Kysely<DB>) {
	const rows = await db.selectFrom('booking').select(['status', 'seats']).execute();
	const outbox = await db.selectFrom('outbox').select('id').execute();
	return {
		bookings: rows.length,
		seats: rows
			.filter((r) => r.status === 'requested' || r.status === 'confirmed')
			.reduce((s, r) => s + r.seats, 0),
		outbox: outbox.length
	};
}
