import { describe, expect, it } from 'vitest';
import type { Actor } from '$lib/auth';
import { actor } from '../../../tests/helpers/actor';
import { allianceSectionsFor } from './alliance-sections';
import type { OrganisationKind, Role } from './types';

function user(isSecretariat: boolean, memberships: [OrganisationKind, Role][] = []): Actor {
	return actor(
		memberships.map(([kind, role]) => ({ kind, role })),
		{ isSecretariat }
	);
}
const hrefs = (u: Actor | null) => allianceSectionsFor(u).map((s) => s.href);

describe('alliance-sections', () => {
	describe('allianceSectionsFor', () => {
		it('shows a visitor only the public apprenticeship alliance', () => {
			expect(hrefs(null)).toEqual(['/laerepladsalliance']);
		});

		it('shows the secretariat every section', () => {
			expect(hrefs(user(true))).toEqual([
				'/laerepladsalliance',
				'/praktikfordeling',
				'/moeder',
				'/evalueringer',
				'/rapporter',
				'/log',
				'/skoleaar'
			]);
		});

		it('keeps reports from a school member and the log from non-admins', () => {
			expect(hrefs(user(false, [['school', 'member']]))).toEqual([
				'/laerepladsalliance',
				'/praktikfordeling',
				'/moeder',
				'/evalueringer'
			]);
		});

		it('gives a municipality admin reports and its log but not the school-year close', () => {
			expect(hrefs(user(false, [['municipality', 'admin']]))).toEqual([
				'/laerepladsalliance',
				'/praktikfordeling',
				'/moeder',
				'/evalueringer',
				'/rapporter',
				'/log'
			]);
		});

		it('keeps praktikfordeling from a company member', () => {
			expect(hrefs(user(false, [['company', 'admin']]))).not.toContain('/praktikfordeling');
		});

		it('gives every section a Danish title and text', () => {
			for (const s of allianceSectionsFor(user(true))) {
				expect(s.title().length).toBeGreaterThan(2);
				expect(s.text().length).toBeGreaterThan(10);
			}
		});
	});
});
