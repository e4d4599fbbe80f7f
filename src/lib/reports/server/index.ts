// The door of reports (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { isEnglish, reportCsvResponse, reportPageData } from './page';
export { loadReport, type Report } from './report';
