import { m } from '$lib/paraglide/messages.js';
import type { Actor } from '$lib/auth';
import type { OrganisationKind } from '$lib/organisations/types';

export interface AllianceSection {
	href: string;
	title: () => string;
	text: () => string;
}

/** The organisations that carry the agreement and read its reports (not schools or companies). */
const PARTNER_KINDS: readonly OrganisationKind[] = [
	'municipality',
	'vocational_school',
	'museum',
	'partner'
];

type Rule = (user: Actor | null) => boolean;
const anyone: Rule = () => true;
const member: Rule = (u) => !!u && (u.isSecretariat || u.memberships.length > 0);
const partner: Rule = (u) =>
	!!u && (u.isSecretariat || u.memberships.some((ms) => PARTNER_KINDS.includes(ms.kind)));
const admin: Rule = (u) =>
	!!u && (u.isSecretariat || u.memberships.some((ms) => ms.role === 'admin'));
const secretariat: Rule = (u) => !!u && u.isSecretariat;
const schoolSide: Rule = (u) =>
	!!u &&
	(u.isSecretariat ||
		u.memberships.some((ms) => ms.kind === 'municipality' || ms.kind === 'school'));

const SECTIONS: { section: AllianceSection; shown: Rule }[] = [
	{
		section: {
			href: '/laerepladsalliance',
			title: m.alliancehub_apprenticeships,
			text: m.alliancehub_apprenticeships_text
		},
		shown: anyone
	},
	{
		section: {
			href: '/praktikfordeling',
			title: m.alliancehub_allocation,
			text: m.alliancehub_allocation_text
		},
		shown: schoolSide
	},
	{
		section: { href: '/moeder', title: m.alliancehub_meetings, text: m.alliancehub_meetings_text },
		shown: member
	},
	{
		section: {
			href: '/evalueringer',
			title: m.alliancehub_evaluations,
			text: m.alliancehub_evaluations_text
		},
		shown: member
	},
	{
		section: { href: '/rapporter', title: m.alliancehub_reports, text: m.alliancehub_reports_text },
		shown: partner
	},
	{
		section: { href: '/log', title: m.alliancehub_audit, text: m.alliancehub_audit_text },
		shown: admin
	},
	{
		section: {
			href: '/skoleaar',
			title: m.alliancehub_school_years,
			text: m.alliancehub_school_years_cleared_reasons
		},
		shown: secretariat
	}
];

/**
 * The alliance's own work, as far as this user may use it. Each page checks its rights again;
 * this only keeps the hub from offering doors that answer 404.
 */
export function allianceSectionsFor(user: Actor | null): AllianceSection[] {
	return SECTIONS.filter((s) => s.shown(user)).map((s) => s.section);
}
