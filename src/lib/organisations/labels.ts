import { m } from '$lib/paraglide/messages.js';
import type { OrganisationKind, Role } from './types';

const KIND: Record<OrganisationKind, () => string> = {
	municipality: m.kind_municipality,
	school: m.kind_school,
	company: m.kind_company,
	vocational_school: m.kind_vocational_school,
	museum: m.kind_museum,
	partner: m.kind_partner
};

export function kindLabel(kind: OrganisationKind): string {
	return KIND[kind]();
}

export function roleLabel(role: Role): string {
	return role === 'admin' ? m.role_admin() : m.role_member();
}
