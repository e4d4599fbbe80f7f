// The door of audit (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { recordAudit } from './audit';
export { listAuditEvents, listAuditOrganisations } from './log';
export { canViewOrganisationAudit } from './policy';
export { actorIdOf, bookingSummary, checklistSummary, memberSummary, summaries } from './text';
