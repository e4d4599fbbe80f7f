import { inspect } from 'node:util';
import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages.js';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb, getDatabase } from '$lib/platform/server/db';
import { isDatabaseUnavailable } from '$lib/platform/server/db-unavailable';
import { startJobs } from '$lib/platform/server/jobs';
import { serverJobs } from '$lib/platform/server/server-jobs';
import { prepareDemo } from '$lib/platform/server/startup';
import {
	SESSION_COOKIE,
	validateSessionToken,
	deleteSessionCookie,
	setSessionCookie,
	oidcProviders
} from '$lib/auth/server';
import { securityHeaders } from '$lib/platform/server/http/security-headers';
import { queryBreaksInputRule } from '$lib/platform/server/http/query-input';
import { compressResponse } from '$lib/platform/server/http/compress';
import { registerFastPath } from '$lib/platform/server/http/fast-path';
import { feedFastPath } from '$lib/feeds/server';
import { bodySizeRefusal } from '$lib/platform/server/http/body-size';

export const init: ServerInit = async () => {
	// A mistake in the OpenID Connect settings stops the start, with each problem named.
	oidcProviders();
	const database = await getDatabase();
	await prepareDemo(database, !dev);
	// Mail retries and the cleanup of expired rows (docs/OPERATIONS.md, "Background jobs").
	const jobs = startJobs(database.db, serverJobs);
	// Feed polls are answered in front of SvelteKit in the built app (the same answers, faster);
	// only with ORIGIN set, the origin the feeds' links are made from.
	if (process.env.ORIGIN) registerFastPath(feedFastPath(getDb, process.env.ORIGIN));
	// adapter-node closes the HTTP server on SIGINT/SIGTERM; the database (PGlite above all)
	// must be closed too, or the process never exits — after the jobs' runs in progress.
	process.once('sveltekit:shutdown', () => {
		void jobs
			.stop()
			.then(() => database.close())
			.catch((e: unknown) => console.error(`shutdown: ${describe(e)}`));
	});
};

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e));
const databaseUnavailable = () => m.error_database_unavailable({}, { locale: 'da' });

/** Requests whose load, action or endpoint failed because the database could not be reached. */
const lostDatabase = new WeakSet<App.Locals>();

// A lost database connection is no bug of the request: it answers 503 in Danish (with
// Retry-After), not 500, and the process lives on; the next request connects again. Errors
// thrown in the hooks below arrive here; those in loads, actions and endpoints were rendered
// as 500 by SvelteKit, after handleError marked the request.
const handleDatabaseLoss: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (e) {
		if (!isDatabaseUnavailable(e)) throw e;
		console.error(`database unavailable: ${describe(e).replace(TOKEN_LIKE, '[token]')}`);
		error(503, databaseUnavailable());
	}
	if (response.status !== 500 || !lostDatabase.has(event.locals)) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', '5');
	return new Response(response.body, { status: 503, headers });
};

// Routes take the database from locals (nothing under routes/ imports it). Set before anything
// else reads locals, short-circuiting paths like /healthz and the feeds included.
const handleDb: Handle = async ({ event, resolve }) => {
	event.locals.db = await getDb();
	return resolve(event);
};

const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = await validateSessionToken(event.locals.db, token);
		if (result.session) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.fresh) setSessionCookie(event.cookies, event.url, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};

// Calendar clients poll feeds often and never see text in a language: skip the locale
// middleware there (it clones every request). The JSON booking API answers in Danish, the base
// locale, and is the throughput path of issue 4 (docs/BENCHMARKS.md).
const needsNoLocale = (pathname: string) =>
	pathname === '/healthz' ||
	(pathname.startsWith('/feeds/') && pathname.endsWith('.ics')) ||
	/^\/api\/offers\/[^/]+\/bookings$/.test(pathname);

const DANISH_ROOT = '<html lang="da">';

const handleLocale: Handle = ({ event, resolve }) =>
	needsNoLocale(event.url.pathname)
		? resolve(event)
		: paraglideMiddleware(event.request, ({ request, locale }) => {
				event.request = request;
				// app.html says lang="da": only a page in another language is copied to say so (a copy
				// of the wheel page's 1.3 MB of HTML cost milliseconds per page).
				return resolve(
					event,
					locale === 'da'
						? undefined
						: {
								transformPageChunk: ({ html }) =>
									html.replace(DANISH_ROOT, `<html lang="${locale}">`)
							}
				);
			});

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	securityHeaders(event.url.pathname, response.headers);
	return response;
};

// One input rule for forms, JSON and query strings: a query with a control character is refused
// here, before any page reads it, in Danish (the locale is not known yet at this point).
const handleQueryInput: Handle = ({ event, resolve }) =>
	queryBreaksInputRule(event.url)
		? new Response(m.val_query_control_chars({}, { locale: 'da' }), {
				status: 400,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
			})
		: resolve(event);

// Bodies over 512 kB (or without a length) are refused here in Danish; the wish CSV upload of
// praktikfordeling may be up to 10 MB and checks that in its action (platform/server/http/body-size.ts).
const LARGE_UPLOADS = [/^\/praktikfordeling\/[^/?]+\?\/upload$/];
const handleBodySize: Handle = ({ event, resolve }) =>
	bodySizeRefusal(event.request, event.url, LARGE_UPLOADS) ?? resolve(event);

// Pages, JSON and SVG go out gzip- or brotli-compressed when the browser accepts it (the wheel
// page of 2,000 activities: about 1 MB of HTML, a fifth of that on the wire). Outermost, so it
// compresses what every other hook produced, error pages included.
const handleCompression: Handle = async ({ event, resolve }) =>
	compressResponse(event.request, await resolve(event));

export const handle = sequence(
	handleCompression,
	handleHeaders,
	handleDatabaseLoss,
	handleQueryInput,
	handleBodySize,
	handleDb,
	handleAuth,
	handleLocale
);

// Session, invitation, reset and feed tokens are runs of 32 base32 characters (random.ts). An
// error's text may quote the URL holding one (SvelteKit logs "Failed to decode URI: /nulstil/
// <token>%" for a mangled link), so such runs are blanked out of every logged error.
const TOKEN_LIKE = /[a-z2-7]{32,}/gi;

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseUnavailable(error)) {
		lostDatabase.add(event.locals);
		console.error(`database unavailable: ${describe(error).replace(TOKEN_LIKE, '[token]')}`);
		return { message: databaseUnavailable() };
	}
	// Expected 404s need no log line; anything else is a bug worth seeing — without secrets.
	if (status !== 404) console.error(inspect(error).replace(TOKEN_LIKE, '[token]'));
	return { message: status === 404 ? 'Siden findes ikke' : 'Der skete en fejl på serveren' };
};
