import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { DB } from '$lib/platform/server/db/schema';
import type { NodeFastPath } from '$lib/platform/server/http/fast-path';
import { queryBreaksInputRule } from '$lib/platform/server/http/query-input';
import { securityHeaders } from '$lib/platform/server/http/security-headers';
import { respondToFeedRequest } from './serve';

// Calendar clients poll every feed address again and again, mostly to hear "304 Not Modified".
// Through SvelteKit each poll is turned into a Web Request, routed, passed through every hook and
// turned back; here, in front of SvelteKit (build/index.js calls it first), a feed request goes
// straight to respondToFeedRequest — the same function the route calls, so the answers are the
// same — and is written to Node's response. Whatever it is not sure of, it leaves to SvelteKit.

const FEED_PATH = /^\/feeds\/([^/]+\.ics)$/;

function webHeaders(req: IncomingMessage): Headers {
	const headers = new Headers();
	for (const [name, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		headers.set(name, Array.isArray(value) ? value.join(', ') : value);
	}
	return headers;
}

/**
 * The feeds' fast path for `origin` (the site's ORIGIN). Returns false at once for anything but
 * GET or HEAD of /feeds/<file>.ics, and resolves to false (nothing written) where SvelteKit's
 * route should answer instead: a query that breaks the input rule, a file name that is not
 * valid percent-encoding, or any error (a lost database is answered by the hooks, with 503).
 */
export function feedFastPath(getDb: () => Promise<Kysely<DB>>, origin: string): NodeFastPath {
	return (req: IncomingMessage, res: ServerResponse) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return false;
		const target = req.url ?? '';
		const query = target.indexOf('?');
		const pathname = query === -1 ? target : target.slice(0, query);
		const match = FEED_PATH.exec(pathname);
		if (!match) return false;
		return serve(match[1], pathname, target, req, res);
	};

	async function serve(
		encoded: string,
		pathname: string,
		target: string,
		req: IncomingMessage,
		res: ServerResponse
	): Promise<boolean> {
		let response: Response;
		try {
			const url = new URL(target, origin);
			if (queryBreaksInputRule(url)) return false;
			response = await respondToFeedRequest(await getDb(), {
				method: req.method === 'HEAD' ? 'HEAD' : 'GET',
				file: decodeURIComponent(encoded),
				url,
				headers: webHeaders(req)
			});
		} catch {
			return false;
		}
		const headers = new Headers(response.headers);
		securityHeaders(pathname, headers);
		const body = response.body ? new Uint8Array(await response.arrayBuffer()) : null;
		for (const [name, value] of headers) res.setHeader(name, value);
		if (body && req.method !== 'HEAD') res.setHeader('content-length', body.byteLength);
		res.writeHead(response.status);
		res.end(req.method === 'HEAD' ? undefined : body);
		return true;
	}
}
