import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { DB } from '$lib/platform/server/db/schema';
import type { Actor } from '$lib/auth';
import {
	canManageFeed,
	findFeedByToken,
	FEED_TOKEN,
	getOrCreateFeedToken,
	rotateFeedToken,
	scopeForKind,
	type FeedSubject
} from './token';
import { resolveFeedSpec } from './scope';
import { PUBLIC_FEED_FILE } from './serve';
import { feedHealth, type FeedHealth } from './health';
import { findFeedHealthRows } from './queries';
import { listMemberFeeds, type MemberFeed } from './members';

// The subscribe page: one card per feed the person has. A secret address is known only right
// after it was made (only its hash is stored), so a card shows it then, and otherwise offers to
// make a new one (which ends the old). While the page is open, every form on it carries the
// addresses already shown back to the server (hidden `shown` fields), which checks each is still
// live and the person's own and shows it again: making a second address, or changing the choices
// of one, does not hide the first.

/** One address in the forms a calendar takes: to copy, to open (webcal), Google, a QR code. */
export interface FeedLinkSet {
	url: string;
	webcal: string;
	google: string;
	/** data: URL of an SVG QR code of the webcal address. */
	qr: string;
}

/** The subscriber's choices, carried in the address (see feedChoicesFromUrl). */
export interface FeedAddressChoices {
	upcomingOnly: boolean;
	withoutCancelled: boolean;
}

export interface FeedLinks extends FeedLinkSet {
	/** The same feed with the municipality's school holidays, where a feed has any. */
	holidays: FeedLinkSet | null;
	choices: FeedAddressChoices;
	/** What the page posts back (hidden `shown` field) to keep showing this address; null for the
	 * public feed, whose address is no secret. */
	carry: string | null;
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
	/** How the live address is used: last fetch, by which client, its size. */
	health: FeedHealth | null;
	/** Members' personal addresses, for the organisation's admins. */
	members: MemberFeed[] | null;
}

const NO_CHOICES: FeedAddressChoices = { upcomingOnly: false, withoutCancelled: false };

async function linkSet(url: string): Promise<FeedLinkSet> {
	const webcal = url.replace(/^https?:\/\//, 'webcal://');
	const svg = await QRCode.toString(webcal, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
	return {
		url,
		webcal,
		google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
		qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
	};
}

function withQuery(base: string, holidays: boolean, choices: FeedAddressChoices): string {
	const params = [
		holidays && 'ferier=1',
		choices.upcomingOnly && 'kommende=1',
		choices.withoutCancelled && 'uden-aflyste=1'
	].filter(Boolean);
	return params.length ? `${base}?${params.join('&')}` : base;
}

export async function feedLinks(
	base: string,
	holidays: boolean,
	choices: FeedAddressChoices = NO_CHOICES,
	carry: string | null = null
): Promise<FeedLinks> {
	return {
		...(await linkSet(withQuery(base, false, choices))),
		holidays: holidays ? await linkSet(withQuery(base, true, choices)) : null,
		choices,
		carry
	};
}

const feedUrl = (origin: string, token: string) => `${origin}/feeds/${token}.ics`;

function subjectOf(user: Actor, key: string): FeedSubject | null {
	if (key === 'user') return { scope: 'user', userId: user.id };
	const membership = user.memberships.find((m) => m.organisationId === key);
	if (!membership) return null;
	return { scope: scopeForKind(membership.kind), organisationId: membership.organisationId };
}

const sameSubject = (a: FeedSubject, b: FeedSubject) =>
	a.scope === 'user'
		? b.scope === 'user' && a.userId === b.userId
		: b.scope !== 'user' && a.organisationId === b.organisationId;

/** Whether the feed has school holidays to offer: a company's (or a company person's) has none. */
async function offersHolidays(db: Kysely<DB>, subject: FeedSubject): Promise<boolean> {
	const spec = await resolveFeedSpec(db, subject);
	return (spec?.holidayMunicipalityIds.length ?? 0) > 0;
}

const carryOf = (key: string, token: string, choices: FeedAddressChoices) =>
	`${key} ${token} ${choices.upcomingOnly ? 'k' : ''}${choices.withoutCancelled ? 'a' : ''}`;

async function linksFor(
	db: Kysely<DB>,
	subject: FeedSubject,
	key: string,
	origin: string,
	token: string,
	choices: FeedAddressChoices
): Promise<FeedLinks> {
	return feedLinks(
		feedUrl(origin, token),
		await offersHolidays(db, subject),
		choices,
		carryOf(key, token, choices)
	);
}

export async function loadFeedCards(
	db: Kysely<DB>,
	user: Actor,
	origin: string,
	now = new Date()
): Promise<FeedCard[]> {
	const orgIds = user.memberships.map((m) => m.organisationId);
	const live = await findFeedHealthRows(db, orgIds, user.id);
	const liveFor = (key: string) =>
		live.find((f) => (key === 'user' ? f.userId === user.id : f.organisationId === key)) ?? null;
	const card = async (key: string, kind: FeedCard['kind'], name: string): Promise<FeedCard> => {
		const subject = subjectOf(user, key)!;
		const row = liveFor(key);
		return {
			key,
			kind,
			name,
			scope: subject.scope,
			exists: row !== null,
			createdAt: row?.createdAt ?? null,
			canManage: canManageFeed(user, subject),
			links: null,
			health: row ? feedHealth(row, now) : null,
			members: kind === 'organisation' ? await listMemberFeeds(db, user, key, now) : null
		};
	};
	const cards: FeedCard[] = [];
	for (const m of user.memberships)
		cards.push(await card(m.organisationId, 'organisation', m.name));
	cards.push(await card('user', 'user', user.name));
	cards.push({
		key: 'public',
		kind: 'public',
		name: 'public',
		scope: 'public',
		exists: true,
		createdAt: null,
		canManage: false,
		links: await feedLinks(`${origin}/feeds/${PUBLIC_FEED_FILE}`, false),
		health: null,
		members: null
	});
	return cards;
}

/** The addresses the page showed and posted back, each checked again: still live and the
 * person's own (a rotated or foreign one is dropped). Keyed by card. */
export async function shownAddresses(
	db: Kysely<DB>,
	user: Actor,
	origin: string,
	shown: string[],
	/** New choices for one card's address (the page's "show with these choices" form). */
	change?: { key: string; choices: FeedAddressChoices }
): Promise<Record<string, FeedLinks>> {
	const out: Record<string, FeedLinks> = {};
	for (const value of shown.slice(0, 50)) {
		const [key = '', token = '', flags = ''] = value.split(' ');
		if (!FEED_TOKEN.test(token) || key in out) continue;
		const subject = subjectOf(user, key);
		if (!subject) continue;
		const feed = await findFeedByToken(db, token);
		if (!feed || !sameSubject(feed.subject, subject)) continue;
		const choices =
			change?.key === key
				? change.choices
				: { upcomingOnly: flags.includes('k'), withoutCancelled: flags.includes('a') };
		out[key] = await linksFor(db, subject, key, origin, token, choices);
	}
	return out;
}

export type FeedActionResult =
	| { ok: true; key: string; links: FeedLinks }
	| { ok: false; reason: 'not_found' | 'forbidden' | 'exists' };

/** Makes the first address (`rotate` false) or a new one; the secret is in the links, once. */
export async function issueFeedAddress(
	db: Kysely<DB>,
	user: Actor,
	key: string,
	origin: string,
	rotate: boolean,
	choices: FeedAddressChoices = NO_CHOICES
): Promise<FeedActionResult> {
	const subject = subjectOf(user, key);
	if (!subject) return { ok: false, reason: 'not_found' };
	if (!canManageFeed(user, subject)) return { ok: false, reason: 'forbidden' };
	const token = rotate
		? (await rotateFeedToken(db, subject, user.id)).token
		: (await getOrCreateFeedToken(db, subject, user.id)).token;
	if (!token) return { ok: false, reason: 'exists' };
	return { ok: true, key, links: await linksFor(db, subject, key, origin, token, choices) };
}
