// Errors that mean "the database cannot be reached right now" rather than a bug: a connection that
// PostgreSQL ended (pg_terminate_backend, a restart, a failover), one that could not be opened,
// or a client the pool handed out just before its connection broke. A request that meets one
// answers 503 in Danish, and the next request gets a new connection.

/** SQLSTATE classes and codes: connection exceptions (08…), and the server shutting a session. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P01|57P02|57P03|53300)$/;
const UNAVAILABLE_NODE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH'
]);
const UNAVAILABLE_MESSAGES = [
	'Connection terminated',
	'Client has encountered a connection error and is not queryable',
	'timeout exceeded when trying to connect',
	'Postgres connection has been discarded'
];

export function isDatabaseUnavailable(error: unknown): boolean {
	for (let e = error, depth = 0; e && depth < 5; depth++) {
		if (typeof e !== 'object') return false;
		if (e instanceof DatabaseUnavailableError) return true;
		const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
		if (typeof code === 'string') {
			if (UNAVAILABLE_SQLSTATES.test(code) || UNAVAILABLE_NODE_CODES.has(code)) return true;
		}
		if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) {
			return true;
		}
		e = cause;
	}
	return false;
}

/**
 * A connection could not be opened (refused, the server starting or shutting down, the database
 * not accepting connections): whatever PostgreSQL's reason, the request cannot be served now.
 */
export class DatabaseUnavailableError extends Error {
	constructor(cause: unknown) {
		super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
			cause
		});
		this.name = 'DatabaseUnavailableError';
	}
}
