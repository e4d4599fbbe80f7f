// When a mail that could not be sent is tried again. Pure: the outbox queries and the job use it.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wait after the 1st, 2nd, … failed try. After the try that follows the last wait, give up. */
export const RETRY_DELAYS_MS: readonly number[] = [
	1 * MINUTE,
	5 * MINUTE,
	30 * MINUTE,
	2 * HOUR,
	12 * HOUR
];

/** Tries in all: the first send and one after each wait. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * How long to wait after try number `attempt` (1 for the first send) failed, or null when that
 * was the last try and the mail is to be marked failed.
 */
export function retryDelayAfter(attempt: number): number | null {
	if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`no such try: ${attempt}`);
	return RETRY_DELAYS_MS[attempt - 1] ?? null;
}

/** When the next try is due after try number `attempt` failed at `failedAt`; null: give up. */
export function nextAttemptAfter(attempt: number, failedAt: Date): Date | null {
	const delay = retryDelayAfter(attempt);
	return delay === null ? null : new Date(failedAt.getTime() + delay);
}
