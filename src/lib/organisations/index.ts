// The door of organisations (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { allianceSectionsFor } from './alliance-sections';
export { kindLabel, roleLabel } from './labels';
export {
	createOrganisationSchema,
	directoryFilterSchema,
	inviteSchema,
	KINDS,
	organisationSchema,
	removeMemberSchema,
	roleChangeSchema,
	ROLES
} from './schema';
export { type OrganisationKind, type Role } from './types';
