import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { DB } from '$lib/platform/server/db/schema';
import type { SessionUser } from '$lib/auth/server';
import {
	canManageFeed,
	getOrCreateFeedToken,
	listLiveFeeds,
	rotateFeedToken,
	scopeForKind,
	type FeedSubject
} from './token';
import { PUBLIC_FEED_FILE } from './serve';

// The subscribe page: one card per feed the person has. A secret address is known only right
// after it was made (only its hash is stored), so a card shows it then, and otherwise offers to
// make a new one (which ends the old).

export interface FeedLinks {
	url: string;
	/** The same feed with the municipality's school holidays, where a feed has them. */
	withHolidays: string | null;
	webcal: string;
	google: string;
	/** data: URL of an SVG QR code of the webcal address. */
	qr: string;
}

export interface FeedCard {
	/** 'public', 'user' or the organisation's id; posted back by the forms. */
	key: string;
	kind: 'public' | 'user' | 'organisation';
	name: string;
	scope: string;
	exists: boolean;
	createdAt: Date | null;
	canManage: boolean;
	links: FeedLinks | null;
}

async function feedLinks(url: string, holidays: boolean): Promise<FeedLinks> {
	const webcal = url.replace(/^https?:\/\//, 'webcal://');
	const svg = await QRCode.toString(webcal, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return {
		url,
		withHolidays: holidays ? `${url}?ferier=1` : null,
		webcal,
		google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
		qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
	};
}

const feedUrl = (origin: string, token: string) => `${origin}/feeds/${token}.ics`;

function subjectOf(user: SessionUser, key: string): FeedSubject | null {
	if (key === 'user') return { scope: 'user', userId: user.id };
	const membership = user.memberships.find((m) => m.organisationId === key);
	if (!membership) return null;
	return { scope: scopeForKind(membership.kind), organisationId: membership.organisationId };
}

const hasHolidays = (scope: string) => scope !== 'company' && scope !== 'organisation';

export async function loadFeedCards(
	db: Kysely<DB>,
	user: SessionUser,
	origin: string
): Promise<FeedCard[]> {
	const orgIds = user.memberships.map((m) => m.organisationId);
	const live = await listLiveFeeds(db, orgIds, user.id);
	const createdAt = (key: string) =>
		live.find((f) =>
			key === 'user'
				? f.subject.scope === 'user'
				: f.subject.scope !== 'user' && f.subject.organisationId === key
		)?.createdAt ?? null;
	const card = (key: string, kind: FeedCard['kind'], name: string): FeedCard => {
		const subject = subjectOf(user, key)!;
		return {
			key,
			kind,
			name,
			scope: subject.scope,
			exists: createdAt(key) !== null,
			createdAt: createdAt(key),
			canManage: canManageFeed(user, subject),
			links: null
		};
	};
	return [
		...user.memberships.map((m) => card(m.organisationId, 'organisation', m.name)),
		card('user', 'user', user.name),
		{
			key: 'public',
			kind: 'public',
			name: 'public',
			scope: 'public',
			exists: true,
			createdAt: null,
			canManage: false,
			links: await feedLinks(`${origin}/feeds/${PUBLIC_FEED_FILE}`, false)
		}
	];
}

export type FeedActionResult =
	| { ok: true; key: string; links: FeedLinks }
	| { ok: false; reason: 'not_found' | 'forbidden' | 'exists' };

/** Makes the first address (`rotate` false) or a new one; the secret is in the links, once. */
export async function issueFeedAddress(
	db: Kysely<DB>,
	user: SessionUser,
	key: string,
	origin: string,
	rotate: boolean
): Promise<FeedActionResult> {
	const subject = subjectOf(user, key);
	if (!subject) return { ok: false, reason: 'not_found' };
	if (!canManageFeed(user, subject)) return { ok: false, reason: 'forbidden' };
	const token = rotate
		? (await rotateFeedToken(db, subject, user.id)).token
		: (await getOrCreateFeedToken(db, subject, user.id)).token;
	if (!token) return { ok: false, reason: 'exists' };
	return {
		ok: true,
		key,
		links: await feedLinks(feedUrl(origin, token), hasHolidays(subject.scope))
	};
}
