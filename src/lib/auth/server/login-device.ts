import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import { isSecureCookieOrigin } from './session-cookie';
import { findOrInsertSecret } from './queries/app-secret';

// The per-account login limit slows a password guesser, but it also let anyone lock the owner
// out with five wrong passwords a minute. A browser that has logged in to an account before
// carries a signed cookie saying so, and is counted in a bucket of its own: the owner gets in
// while the account's bucket is empty. The cookie only proves "this browser logged in as this
// account before", so a stolen one still gives only a few guesses a minute (and the IP limit).

export const DEVICE_COOKIE = 'known_device';
/** Browsers cap a cookie's lifetime at 400 days; a login renews it. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
/** Accounts remembered per browser: a shared office PC, not a directory of users. */
const MAX_ACCOUNTS = 5;
const SECRET_NAME = 'login-device-hmac';
const DEVICE_ID = /^[0-9a-f]{32}$/;
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface KnownDevice {
	/** Random, per browser: names the browser's own throttle bucket. */
	id: string;
	/** Accounts that logged in successfully on this browser, the latest first. */
	userIds: string[];
}

/** The throttle bucket of one account on one known browser. */
export const loginDeviceKey = (deviceId: string, userId: string) =>
	`login:device:${deviceId}:${userId}`;

function signature(key: Uint8Array, payload: string): Buffer {
	return createHmac('sha256', key).update(`${SECRET_NAME}:${payload}`).digest();
}

/** `<device id>:<user id>+<user id>…:<HMAC>`: readable by the server only with the key. */
export function signDevice(key: Uint8Array, device: KnownDevice): string {
	const payload = `${device.id}:${device.userIds.join('+')}`;
	return `${payload}:${signature(key, payload).toString('base64url')}`;
}

/** The device a cookie names, or null when it is malformed or not signed with `key`. */
export function verifyDevice(key: Uint8Array, value: string | undefined): KnownDevice | null {
	if (!value || value.length > 500) return null;
	const cut = value.lastIndexOf(':');
	if (cut < 0) return null;
	const payload = value.slice(0, cut);
	const given = Buffer.from(value.slice(cut + 1), 'base64url');
	const expected = signature(key, payload);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	const [id, users, ...rest] = payload.split(':');
	const userIds = users ? users.split('+') : [];
	if (rest.length > 0 || !DEVICE_ID.test(id) || !userIds.every((u) => USER_ID.test(u))) return null;
	return { id, userIds };
}

/** The device after a successful login as `userId`: a new one if the browser had none. */
export function rememberAccount(device: KnownDevice | null, userId: string): KnownDevice {
	const others = (device?.userIds ?? []).filter((id) => id !== userId);
	return {
		id: device?.id ?? randomBytes(16).toString('hex'),
		userIds: [userId, ...others].slice(0, MAX_ACCOUNTS)
	};
}

const keys = new WeakMap<object, Promise<Uint8Array>>();

/**
 * The HMAC key: DEVICE_COOKIE_KEY when set, else a random key made once and kept in the
 * database, so every instance and every restart signs and checks with the same one.
 */
export function deviceKey(db: Kysely<DB>): Promise<Uint8Array> {
	const configured = process.env.DEVICE_COOKIE_KEY;
	if (configured) return Promise.resolve(Buffer.from(configured, 'utf8'));
	let key = keys.get(db);
	if (!key) {
		key = loadOrCreateKey(db);
		keys.set(db, key);
		key.catch(() => keys.delete(db));
	}
	return key;
}

async function loadOrCreateKey(db: Kysely<DB>): Promise<Uint8Array> {
	return findOrInsertSecret(db, SECRET_NAME, randomBytes(32));
}

/** The browser's known device from its cookie; the key is only read when there is a cookie. */
export async function readKnownDevice(
	db: Kysely<DB>,
	cookie: string | undefined
): Promise<KnownDevice | null> {
	if (!cookie) return null;
	return verifyDevice(await deviceKey(db), cookie);
}

/** The signed cookie value after a successful login as `userId`. */
export async function knownDeviceCookie(
	db: Kysely<DB>,
	device: KnownDevice | null,
	userId: string
): Promise<string> {
	return signDevice(await deviceKey(db), rememberAccount(device, userId));
}

// HttpOnly (scripts cannot read or copy it), SameSite=Lax, Secure but on localhost, long-lived.
export function deviceCookieOptions(url: URL) {
	return {
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: isSecureCookieOrigin(url),
		path: '/',
		maxAge: MAX_AGE_SECONDS
	};
}
