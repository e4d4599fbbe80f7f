import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { RightsUser } from '$lib/activities/server';
import { findSessionMemberships } from '$lib/auth/server';
import type { FeedSubject } from './token';
import { findFeedOrganisation, findFeedPerson, listSchoolIdsOf } from './queries';

// What a feed holds, decided once per subject. The audience is who the feed is for (a member of
// the organisation, the person, or nobody for the public feed); every activity in it passes
// visibilityFilter(audience), the one visibility rule. The other fields only narrow it down.

export type FeedTarget = FeedSubject | { scope: 'public' };

export interface FeedSpec {
	/** Identifies the feed in ETags and caches. */
	key: string;
	name: string;
	secret: boolean;
	audience: RightsUser | null;
	/** Every activity the audience may see (the public feed). */
	everything: boolean;
	/** Activities owned by these, or (unless offers) taken part in. */
	orgIds: string[];
	/** Also the activities for the whole alliance: public or alliance visibility, whoever takes
	 * part (see forWholeAlliance); an offer booked by bookingSchoolIds comes as its booking. */
	allianceWide: boolean;
	/** Bookings of these schools, one event each. */
	bookingSchoolIds: string[];
	/** Offers of these providers carry their current bookings in the description. */
	providerIds: string[];
	/** School holidays of these municipalities (?ferier=1). */
	holidayMunicipalityIds: string[];
}

export const PUBLIC_FEED: FeedSpec = {
	key: 'public',
	name: 'Lokal Alliance – offentlig kalender',
	secret: false,
	audience: null,
	everything: true,
	orgIds: [],
	allianceWide: false,
	bookingSchoolIds: [],
	providerIds: [],
	holidayMunicipalityIds: []
};

const member = (organisationId: string): RightsUser => ({
	isSecretariat: false,
	memberships: [{ organisationId, role: 'member' }]
});

interface OrgInfo {
	id: string;
	name: string;
	kind: DB['organisation']['kind'];
	municipalityId: string | null;
}

type Part = Pick<
	FeedSpec,
	'orgIds' | 'allianceWide' | 'bookingSchoolIds' | 'providerIds' | 'holidayMunicipalityIds'
>;

/** The part one organisation contributes: a school with its municipality's shared events, a
 * municipality with its schools, any other organisation as a provider of offers. */
async function organisationPart(db: Kysely<DB>, org: OrgInfo): Promise<Part> {
	if (org.kind === 'school') {
		const municipality = org.municipalityId ? [org.municipalityId] : [];
		return {
			orgIds: [org.id, ...municipality],
			allianceWide: true,
			bookingSchoolIds: [org.id],
			providerIds: [],
			holidayMunicipalityIds: municipality
		};
	}
	if (org.kind === 'municipality') {
		const schools = await listSchoolIdsOf(db, org.id);
		return {
			orgIds: [org.id, ...schools],
			allianceWide: true,
			bookingSchoolIds: schools,
			providerIds: [],
			holidayMunicipalityIds: [org.id]
		};
	}
	return {
		orgIds: [org.id],
		allianceWide: false,
		bookingSchoolIds: [],
		providerIds: [org.id],
		holidayMunicipalityIds: []
	};
}

const unique = (ids: string[]) => [...new Set(ids)];

function merge(parts: Part[]): Part {
	return {
		orgIds: unique(parts.flatMap((p) => p.orgIds)),
		allianceWide: parts.some((p) => p.allianceWide),
		bookingSchoolIds: unique(parts.flatMap((p) => p.bookingSchoolIds)),
		providerIds: unique(parts.flatMap((p) => p.providerIds)),
		holidayMunicipalityIds: unique(parts.flatMap((p) => p.holidayMunicipalityIds))
	};
}

/** The spec of a feed, or null when its organisation or person no longer exists. */
export async function resolveFeedSpec(
	db: Kysely<DB>,
	target: FeedTarget
): Promise<FeedSpec | null> {
	if (target.scope === 'public') return PUBLIC_FEED;
	if (target.scope === 'user') {
		const user = await findFeedPerson(db, target.userId);
		if (!user) return null;
		const memberships = await findSessionMemberships(db, user.id);
		const parts = await Promise.all(
			memberships.map((m) => organisationPart(db, { ...m, id: m.organisationId }))
		);
		return {
			key: `user:${user.id}`,
			name: `Årshjul – ${user.name}`,
			secret: true,
			audience: { isSecretariat: user.isSecretariat, memberships },
			everything: false,
			...merge(parts)
		};
	}
	const org = await findFeedOrganisation(db, target.organisationId);
	if (!org) return null;
	return {
		key: `${target.scope}:${org.id}`,
		name: `Årshjul – ${org.name}`,
		secret: true,
		audience: member(org.id),
		everything: false,
		...(await organisationPart(db, org))
	};
}
