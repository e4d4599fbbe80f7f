// The door of organisations (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { exportCsv, exportFilename, exportJson } from './export-format';
export { EXPORT_TABLES, exportOrganisationData, type ExportTable, isExportTable } from './export';
export { auditMembership } from './member-audit';
export {
	changeMemberRole,
	createOrganisationWithAdmin,
	inviteMember,
	listMembers,
	removeMember
} from './membership';
export {
	findMunicipality,
	findOrganisationBySlug,
	listDirectory,
	listMunicipalities,
	listTrades,
	type MunicipalityRef,
	updateOrganisation
} from './organisation';
export {
	canChangeMemberRole,
	canChangeOrganisationKind,
	canCreateOrganisation,
	canEditOrganisation,
	canInviteWithRole,
	canManageMembers,
	canRemoveMember,
	canViewMembers,
	canViewOrganisationPrivate,
	type OrganisationRef,
	roleIn
} from './policy';
