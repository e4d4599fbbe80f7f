import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import {
	addBucketToken,
	deleteBucket,
	deleteBucketsRefilledBefore,
	insertBucketIfMissing,
	lockBucket,
	setBucket
} from './queries/rate-limit';

// Token buckets in the database, so that every app instance shares the same counts.
export interface BucketPolicy {
	/** Bucket size: this many attempts in a burst. */
	max: number;
	/** One attempt comes back every this many seconds. */
	refillSeconds: number;
}

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const LOGIN_PER_IP: BucketPolicy = { max: 20, refillSeconds: 30 };
export const LOGIN_PER_ACCOUNT: BucketPolicy = { max: 5, refillSeconds: 60 };
/** Reset mails: a few per address and per IP, so the form cannot be used to flood an inbox. */
export const RESET_PER_IP: BucketPolicy = { max: 10, refillSeconds: 60 };
export const RESET_PER_ACCOUNT: BucketPolicy = { max: 3, refillSeconds: 300 };

export const loginIpKey = (ip: string) => `login:ip:${ip}`;
export const loginAccountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`;
export const resetIpKey = (ip: string) => `reset:ip:${ip}`;
export const resetAccountKey = (email: string) => `reset:account:${email.trim().toLowerCase()}`;
export const passwordChangeKey = (userId: string) => `password:user:${userId}`;

/**
 * Takes one token from the bucket if there is one. The row is locked (`select … for update`) so
 * that two instances consuming at the same moment cannot both take the last token.
 */
export async function consumeToken(
	db: Kysely<DB>,
	key: string,
	policy: BucketPolicy,
	now = new Date()
): Promise<ThrottleResult> {
	return db.transaction().execute(async (trx) => {
		await insertBucketIfMissing(trx, key, policy.max, now);
		const row = await lockBucket(trx, key);
		// A clock behind another instance's must not drain the bucket: elapsed never below 0.
		const elapsedSeconds = Math.max(0, (now.getTime() - row.refilledAt.getTime()) / 1000);
		const available = Math.min(policy.max, row.tokens + elapsedSeconds / policy.refillSeconds);
		const allowed = available >= 1;
		const tokens = allowed ? available - 1 : available;
		await setBucket(trx, key, tokens, now);
		if (allowed) return { allowed: true } as const;
		return {
			allowed: false,
			retryAfterSeconds: Math.max(1, Math.ceil((1 - available) * policy.refillSeconds))
		} as const;
	});
}

/**
 * Gives back the token an attempt took, so that only failed attempts count against an IP: a
 * school's many teachers behind one address can all log in, while guessing is still slowed.
 */
export async function refundToken(
	db: Kysely<DB>,
	key: string,
	policy: BucketPolicy
): Promise<void> {
	await addBucketToken(db, key, policy.max);
}

/** Fills a bucket again (a successful login resets the account's bucket). */
export async function resetBucket(db: Kysely<DB>, key: string): Promise<void> {
	await deleteBucket(db, key);
}

/** Removes buckets untouched for a day: by then every policy here has refilled completely. */
export async function deleteStaleBuckets(db: Kysely<DB>, now = new Date()): Promise<number> {
	const cutoff = new Date(now.getTime() - 24 * 60 * 60 * 1000);
	return deleteBucketsRefilledBefore(db, cutoff);
}
