// The door of auth (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export { changeName, changePassword, logIn, requestPasswordReset, throttledMessage } from './auth';
export { hasNoUsers } from './first-admin';
export { findOidcProvider, oidcProviders, type OidcProvider } from './oidc-config';
export { finishOidcLogin, startOidcLogin, type OidcOutcome, type OidcResult } from './oidc';
export { listLinkedLogins, unlinkLogin, type LinkedLogin } from './oidc-identity';
export { createOidcSession, deleteExpiredOidcAttempts, logOutSession } from './oidc-session';
export { acceptInvitation, findInvitation } from './invitation';
export {
	DEVICE_COOKIE,
	deviceCookieOptions,
	knownDeviceCookie,
	readKnownDevice
} from './login-device';
export {
	deleteOidcAttemptCookie,
	deleteSessionCookie,
	OIDC_ATTEMPT_COOKIE,
	setOidcAttemptCookie,
	setSessionCookie
} from './session-cookie';
export {
	createSession,
	deleteExpiredSessions,
	findSessionMemberships,
	invalidateSession,
	SESSION_COOKIE,
	type SessionRecord,
	type SessionUser,
	validateSessionToken
} from './session';
export { deleteStaleBuckets } from './throttle';
export { createInvitation, findValidToken, resetPassword } from './user-token';
