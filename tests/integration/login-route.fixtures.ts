import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { SessionRecord, SessionUser } from '../../src/lib/auth/server/session';

/** A cookie jar with SvelteKit's Cookies interface: what one browser keeps between requests. */
export class CookieJar {
	readonly values = new Map<string, string>();
	readonly options = new Map<string, Record<string, unknown>>();
	get = (name: string) => this.values.get(name);
	getAll = () => [...this.values].map(([name, value]) => ({ name, value }));
	set = (name: string, value: string, options: Record<string, unknown> = {}) => {
		this.values.set(name, value);
		this.options.set(name, options);
	};
	delete = (name: string) => {
		this.values.delete(name);
	};
	serialize = () => '';
}

/** A SvelteKit request event for the login page or another auth route, as one browser sends it. */
export function authEvent(
	db: Kysely<DB>,
	input: {
		path: string;
		fields?: Record<string, string>;
		jar?: CookieJar;
		ip?: string;
		user?: SessionUser | null;
		session?: SessionRecord | null;
		params?: Record<string, string>;
	}
) {
	const url = new URL(`http://localhost${input.path}`);
	let request = new Request(url);
	if (input.fields) {
		const form = new FormData();
		for (const [key, value] of Object.entries(input.fields)) form.append(key, value);
		request = new Request(url, { method: 'POST', body: form });
	}
	return {
		request,
		url,
		params: input.params ?? {},
		cookies: input.jar ?? new CookieJar(),
		locals: { db, user: input.user ?? null, session: input.session ?? null },
		getClientAddress: () => input.ip ?? '198.51.100.1',
		setHeaders() {}
	} as never;
}

/** Runs a load or action and returns what it ended in: a redirect's location, an error, or data. */
export async function outcome(
	call: () => unknown
): Promise<
	| { kind: 'redirect'; status: number; location: string }
	| { kind: 'error'; status: number; message: string }
	| { kind: 'fail'; status: number; data: Record<string, unknown> }
	| { kind: 'data'; data: unknown }
> {
	try {
		const result = (await call()) as { status?: number; data?: Record<string, unknown> };
		if (result && typeof result.status === 'number' && result.data)
			return { kind: 'fail', status: result.status, data: result.data };
		return { kind: 'data', data: result };
	} catch (thrown) {
		const t = thrown as { status?: number; location?: string; body?: { message?: string } };
		if (typeof t?.status === 'number' && t.location)
			return { kind: 'redirect', status: t.status, location: t.location };
		if (typeof t?.status === 'number' && t.status >= 400 && t.status < 500)
			return { kind: 'error', status: t.status, message: t.body?.message ?? '' };
		throw thrown;
	}
}
