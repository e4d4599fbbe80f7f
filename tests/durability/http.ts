// Plain HTTP as a browser without JavaScript, or a calendar client, talks to the built app.
import { randomBytes } from 'node:crypto';
import { postAction, type App } from './app';

/** Token-shaped, but never issued. */
export const unknownToken = () =>
	Array.from(randomBytes(32), (b) => 'abcdefghijklmnopqrstuvwxyz234567'[b % 32]).join('');

/** Posts a form as a browser without JavaScript does (SvelteKit checks the Origin). */
export function postForm(app: App, path: string, fields: Record<string, string>, cookie = '') {
	return fetch(`${app.origin}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: app.origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
}

export const get = (app: App, path: string, cookie = '', method = 'GET') =>
	fetch(`${app.origin}${path}`, { method, redirect: 'manual', headers: { cookie } });

/** The session token a response sets (the value of its session cookie). */
export function sessionSet(response: Response): string {
	const set = response.headers.getSetCookie().find((c) => /^session=[^;]/.test(c));
	if (!set) throw new Error(`no session cookie set (HTTP ${response.status})`);
	return set.slice('session='.length).split(';')[0];
}

/** Makes the person's own feed address on /feeds; returns its token. */
export async function makeFeed(app: App, cookie: string): Promise<string> {
	const answer = await postAction(app.origin, cookie, '/feeds?/create', { card: 'user' });
	const links = answer.data.links as { url: string } | undefined;
	const token = links?.url.match(/\/feeds\/([a-z2-7]{32})\.ics$/)?.[1];
	if (!token) throw new Error(`no feed address made: ${JSON.stringify(answer)}`);
	return token;
}

/** Polls until the condition holds (output arriving from the app, say). */
export async function until(condition: () => boolean, what: string, ms = 15_000) {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}
