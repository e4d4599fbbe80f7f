// The door of school-year (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { closeSchoolYear, previewClose } from './close';
export { closedSchoolYearOf } from './closed';
export { canCloseSchoolYear, canExportOrganisation } from './policy';
export { listSchoolYears } from './status';
