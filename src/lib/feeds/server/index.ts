// The door of feeds (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { buildActivityIcs } from './activity';
export { issueFeedAddress, loadFeedCards, shownAddresses } from './page';
export { feedFastPath } from './fast-path';
export { respondToFeedRequest } from './serve';
export { revokeMemberFeed } from './members';
export { mailSoonChanges } from './soon-changes';
