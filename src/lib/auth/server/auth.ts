import type { Kysely } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { DB } from '$lib/platform/server/db/schema';
import { hashPassword, verifyPassword } from './password';
import { generateSecureRandomString } from '$lib/platform/server/random';
import { sendPasswordResetMail } from '$lib/platform/server/mail';
import { invalidateUserSessions } from './session';
import {
	LOGIN_PER_ACCOUNT,
	LOGIN_PER_IP,
	RESET_PER_ACCOUNT,
	RESET_PER_IP,
	consumeToken,
	loginAccountKey,
	loginIpKey,
	passwordChangeKey,
	resetAccountKey,
	refundToken,
	resetBucket,
	resetIpKey
} from './throttle';
import { createPasswordReset } from './user-token';
import { loginDeviceKey, type KnownDevice } from './login-device';
import { findPasswordHash, findUserByEmail, setPasswordHash, setUserName } from './queries/users';

export type LogInResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export type ChangePasswordResult =
	| { ok: true }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

// Verifying against this when the e-mail is unknown costs the same time as a real check,
// so the response time does not tell whether an account exists.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
	dummyHash ??= hashPassword(generateSecureRandomString());
	return dummyHash;
}

/**
 * Checks e-mail and password, throttled per IP and per account. A browser that has logged in to
 * this account before (`device`, from its signed cookie) is counted in its own bucket instead of
 * the account's, so guesses from elsewhere cannot lock the owner out.
 */
export async function logIn(
	db: Kysely<DB>,
	input: { email: string; password: string; ip: string; now?: Date; device?: KnownDevice | null }
): Promise<LogInResult> {
	const now = input.now ?? new Date();
	const email = input.email.trim().toLowerCase();
	const perIp = await consumeToken(db, loginIpKey(input.ip), LOGIN_PER_IP, now);
	if (!perIp.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: perIp.retryAfterSeconds };

	const user = await findUserByEmail(db, email);
	const known = user && input.device?.userIds.includes(user.id) ? input.device : null;
	const bucket = known && user ? loginDeviceKey(known.id, user.id) : loginAccountKey(email);
	const perAccount = await consumeToken(db, bucket, LOGIN_PER_ACCOUNT, now);
	if (!perAccount.allowed) {
		return { ok: false, reason: 'throttled', retryAfterSeconds: perAccount.retryAfterSeconds };
	}

	const valid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
	if (!user || !user.passwordHash || !valid) return { ok: false, reason: 'invalid' };
	// Only the bucket this login used: the owner on a known browser does not refill the account's
	// bucket for whoever is guessing elsewhere.
	await resetBucket(db, bucket);
	await refundToken(db, loginIpKey(input.ip), LOGIN_PER_IP);
	return { ok: true, userId: user.id };
}

/**
 * Changes the password after checking the current one, and logs the user out everywhere else:
 * whoever might have known the old password loses their session too.
 */
export async function changePassword(
	db: Kysely<DB>,
	userId: string,
	currentPassword: string,
	newPassword: string,
	keepSessionId: string,
	now = new Date()
): Promise<ChangePasswordResult> {
	const throttle = await consumeToken(db, passwordChangeKey(userId), LOGIN_PER_ACCOUNT, now);
	if (!throttle.allowed) {
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	}
	const currentHash = await findPasswordHash(db, userId);
	if (!currentHash || !(await verifyPassword(currentHash, currentPassword))) {
		return { ok: false, reason: 'invalid' };
	}
	const passwordHash = await hashPassword(newPassword);
	await db.transaction().execute(async (trx) => {
		await setPasswordHash(trx, userId, passwordHash, now);
		await invalidateUserSessions(trx, userId, keepSessionId);
	});
	await resetBucket(db, passwordChangeKey(userId));
	return { ok: true };
}

/** The profile's one editable field besides the password. */
export async function changeName(db: Kysely<DB>, userId: string, name: string): Promise<void> {
	await setUserName(db, userId, name);
}

/**
 * "Forgot password": mails a reset link when the account exists. The answer does not say whether
 * it does; a throttled address gets no further mail but the same answer. Only a throttled IP is told.
 */
export async function requestPasswordReset(
	db: Kysely<DB>,
	input: { email: string; ip: string; origin: string; now?: Date }
): Promise<{ ok: true } | { ok: false; reason: 'throttled'; retryAfterSeconds: number }> {
	const now = input.now ?? new Date();
	const perIp = await consumeToken(db, resetIpKey(input.ip), RESET_PER_IP, now);
	if (!perIp.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: perIp.retryAfterSeconds };
	const perAccount = await consumeToken(db, resetAccountKey(input.email), RESET_PER_ACCOUNT, now);
	if (!perAccount.allowed) return { ok: true };
	const reset = await createPasswordReset(db, input.email, now);
	if (reset) {
		// Delivery in the background: waiting for SMTP only when the account exists would reveal it.
		const mail = { to: input.email, token: reset.token, origin: input.origin };
		await sendPasswordResetMail(db, mail, { background: true });
	}
	return { ok: true };
}

/** 'For mange forsøg. Prøv igen om 2 minutter.' — rounded up to whole minutes. */
export function throttledMessage(retryAfterSeconds: number): string {
	const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
	return minutes === 1 ? m.auth_throttled_one() : m.auth_throttled_many({ minutes });
}
