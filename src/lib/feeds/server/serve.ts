import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { DB } from '$lib/platform/server/db/schema';
import { buildFeedBody, feedValidators, PUBLIC_FEED, resolveFeedSpec, type FeedSpec } from './feed';
import { cacheBody, cachedBody, specs, validators } from './cache';
import { FEED_TOKEN, findFeedByToken } from './token';
import { hashSecret } from '$lib/platform/server/random';
import { recordFeedFetch } from './fetches';

// HTTP for /feeds/<file>: conditional GET and HEAD. Every way of not finding a feed (wrong,
// malformed, revoked token, unknown file name) gets the same 404, so nothing about other feeds
// leaks. Request URLs are never logged here: they hold the secret.

export const PUBLIC_FEED_FILE = 'offentlig.ics';
/** Feed addresses take at most ?ferier=1&kommende=1&uden-aflyste=1; anything much longer is not
 * from us. */
const MAX_QUERY = 1024;

const notFound = () =>
	new Response('Ikke fundet\n', {
		status: 404,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});

const badRequest = () =>
	new Response('Ugyldig forespørgsel\n', {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});

/** The subscriber's choices, carried by the address: school holidays, only upcoming events,
 * no cancelled events. Anything but '1' means no. */
export function feedChoicesFromUrl(url: URL) {
	const on = (name: string) => url.searchParams.get(name) === '1';
	return {
		holidays: on('ferier'),
		upcomingOnly: on('kommende'),
		withoutCancelled: on('uden-aflyste')
	};
}

interface Found {
	spec: FeedSpec;
	/** The secret address's token hash, raw and hex (none for the public feed). */
	hash: { raw: Uint8Array; hex: string } | null;
}

async function specForFile(db: Kysely<DB>, file: string, now: number): Promise<Found | null> {
	if (file === PUBLIC_FEED_FILE) return { spec: PUBLIC_FEED, hash: null };
	if (!file.endsWith('.ics')) return null;
	const token = file.slice(0, -4);
	if (!FEED_TOKEN.test(token)) return null;
	const raw = hashSecret(token);
	const hash = { raw, hex: encodeHexLowerCase(raw) };
	const hit = specs.get(hash.hex, now);
	if (hit) return { spec: hit, hash };
	const feed = await findFeedByToken(db, token);
	const spec = feed ? await resolveFeedSpec(db, feed.subject) : null;
	if (spec) specs.set(hash.hex, spec, now);
	return spec ? { spec, hash } : null;
}

/** True when the client's copy is current (If-None-Match wins over If-Modified-Since). */
function isNotModified(headers: Headers, etag: string, lastModified: Date | null): boolean {
	const match = headers.get('if-none-match');
	if (match !== null) {
		if (match.trim() === '*') return true;
		// The gzipped body has its own strong tag: the same with -gz (see respondToFeedRequest).
		return match
			.split(',')
			.some((tag) => tag.trim().replace(/^W\//, '').replace(/-gz"$/, '"') === etag);
	}
	const since = headers.get('if-modified-since');
	if (since === null || lastModified === null) return false;
	const sinceMs = Date.parse(since);
	// HTTP dates have whole seconds.
	return !Number.isNaN(sinceMs) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceMs;
}

export interface FeedRequest {
	method: 'GET' | 'HEAD';
	file: string;
	url: URL;
	headers: Headers;
}

export async function respondToFeedRequest(
	db: Kysely<DB>,
	request: FeedRequest
): Promise<Response> {
	if (request.url.search.length > MAX_QUERY) return badRequest();
	const nowMs = Date.now();
	const found = await specForFile(db, request.file, nowMs);
	if (!found) return notFound();
	const { spec, hash } = found;
	// Feed health for the address's owner (throttled: see fetches.ts).
	const fetched = (size: number | null) =>
		hash
			? recordFeedFetch(db, hash.raw, hash.hex, request.headers.get('user-agent'), size, nowMs)
			: undefined;
	const options = {
		origin: request.url.origin,
		now: new Date(nowMs),
		...feedChoicesFromUrl(request.url)
	};
	const validatorKey = [
		spec.key,
		options.holidays,
		options.upcomingOnly,
		options.withoutCancelled,
		options.origin
	].join('|');
	let current = validators.get(validatorKey, nowMs);
	if (!current) {
		current = await feedValidators(db, spec, options);
		validators.set(validatorKey, current, nowMs);
	}
	const headers = new Headers({
		etag: current.etag,
		'cache-control': spec.secret ? 'private, max-age=300' : 'public, max-age=300'
	});
	if (spec.secret) headers.set('x-robots-tag', 'noindex');
	// Bodies differ by encoding; shared caches must keep them apart.
	headers.set('vary', 'Accept-Encoding');
	if (current.lastModified) headers.set('last-modified', current.lastModified.toUTCString());
	if (isNotModified(request.headers, current.etag, current.lastModified)) {
		await fetched(null);
		return new Response(null, { status: 304, headers });
	}
	headers.set('content-type', 'text/calendar; charset=utf-8');
	headers.set(
		'content-disposition',
		`inline; filename="${spec.secret ? 'aarshjul' : 'aarshjul-offentlig'}.ics"`
	);
	if (request.method === 'HEAD') {
		await fetched(null);
		return new Response(null, { status: 200, headers });
	}
	let body = cachedBody(current.etag);
	if (body === undefined) {
		const text = await buildFeedBody(db, spec, options);
		body = { text, bytes: Buffer.byteLength(text), gzip: null };
		cacheBody(current.etag, body);
	}
	await fetched(body.bytes);
	// A feed of 1,000 events is ~700 kB of text and ~60 kB gzipped; calendar clients accept gzip.
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		if (body.gzip === null) {
			body.gzip = gzipSync(body.text, { level: 6 });
			cacheBody(current.etag, body);
		}
		headers.set('content-encoding', 'gzip');
		headers.set('etag', current.etag.replace(/"$/, '-gz"'));
		return new Response(body.gzip as Uint8Array<ArrayBuffer>, { status: 200, headers });
	}
	return new Response(body.text, { status: 200, headers });
}
