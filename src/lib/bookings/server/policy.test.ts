import { describe, expect, it } from 'vitest';
import { actor, secretariat } from '../../../../tests/helpers/actor';
import type { Actor } from '$lib/auth';
import {
	bookingSides,
	canBookFor,
	canCreateOffers,
	canEditOffer,
	canUpdateChecklist,
	canViewMunicipalityBookings,
	canViewSchoolBookings
} from './policy';

// One table: each kind of actor against a booking of Byskolen (in Horsens) on Smedjen's offer.

const SCHOOL = { id: 'byskolen', municipalityId: 'horsens' };
const PARTIES = { schoolId: 'byskolen', schoolMunicipalityId: 'horsens', providerId: 'smedjen' };

const ACTORS: Record<string, Actor> = {
	schoolMember: actor([{ organisationId: 'byskolen', kind: 'school' }]),
	municipality: actor([{ organisationId: 'horsens', kind: 'municipality' }]),
	otherMunicipality: actor([{ organisationId: 'odder', kind: 'municipality' }]),
	provider: actor([{ organisationId: 'smedjen', kind: 'company' }]),
	otherCompany: actor([{ organisationId: 'tekniq', kind: 'company' }]),
	secretariat
};

describe('bookings/server/policy', () => {
	it.each([
		// actor, books for the school, school side, provider side, edits the offer, new offers
		['schoolMember', true, true, false, false, false],
		['municipality', true, true, false, false, false],
		['otherMunicipality', false, false, false, false, false],
		['provider', false, false, true, true, true],
		['otherCompany', false, false, false, false, true],
		['secretariat', true, true, true, true, true]
	])(
		'%s: book %s, school %s, provider %s, edit %s, create %s',
		(who, book, school, provider, edit, create) => {
			const user = ACTORS[who];
			expect(canBookFor(user, SCHOOL)).toBe(book);
			expect(bookingSides(user, PARTIES)).toEqual({ school, provider });
			expect(canEditOffer(user, { ownerId: 'smedjen' })).toBe(edit);
			expect(canCreateOffers(user)).toBe(create);
		}
	);

	it('refuses every rule to a visitor', () => {
		expect(canBookFor(null, SCHOOL)).toBe(false);
		expect(bookingSides(null, PARTIES)).toEqual({ school: false, provider: false });
		expect(canEditOffer(null, { ownerId: 'smedjen' })).toBe(false);
		expect(canCreateOffers(null)).toBe(false);
	});

	it('lets the provider register the agreement only', () => {
		expect(canUpdateChecklist(ACTORS.provider, PARTIES, 'agreementSigned')).toBe(true);
		expect(canUpdateChecklist(ACTORS.provider, PARTIES, 'parentsConsent')).toBe(false);
		expect(canUpdateChecklist(ACTORS.schoolMember, PARTIES, 'uuNotified')).toBe(true);
	});

	it('shows a school’s and a municipality’s bookings to their members only', () => {
		expect(canViewSchoolBookings(ACTORS.municipality, SCHOOL)).toBe(true);
		expect(canViewSchoolBookings(ACTORS.otherMunicipality, SCHOOL)).toBe(false);
		expect(canViewMunicipalityBookings(ACTORS.municipality, 'horsens')).toBe(true);
		expect(canViewMunicipalityBookings(ACTORS.schoolMember, 'horsens')).toBe(false);
		expect(canViewMunicipalityBookings(secretariat, 'horsens')).toBe(true);
	});
});
