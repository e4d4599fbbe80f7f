// The door of audit (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { auditActionLabel, auditEntityHref, auditTypeChoices, auditTypeLabel } from './labels';
export { parseAuditFilter } from './schema';
