// The door of dashboard (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { loadDashboard } from './dashboard';
export { navBadges } from './nav-badges';
