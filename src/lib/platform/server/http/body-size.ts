import { m } from '$lib/paraglide/messages.js';

// How large a request body may be. adapter-node's own limit (BODY_SIZE_LIMIT, 512 kB unless set)
// answers in English before any of our code runs, so build/index.js lifts it (Infinity unless the
// operator sets one) and the app sets its limits here instead, in Danish: 512 kB for every form
// and JSON body, and each large upload's own limit in its action (the wish CSV: 10 MB), where the
// page can come back with the message beside the field.

/** Every form and JSON body of the app fits easily (adapter-node's default). */
export const BODY_LIMIT = 512 * 1024;
/** Room for a multipart form's boundaries and small fields around an uploaded file. */
export const MULTIPART_SLACK = 64 * 1024;

/** The body's declared length, or null when it has none (no body, or a chunked one). */
export function declaredBodySize(request: Request): number | null {
	const header = request.headers.get('content-length');
	if (header === null || !/^\d+$/.test(header.trim())) return null;
	return Number(header);
}

/** A body declared larger than `max` bytes: refused before it is read. */
export function bodyTooLarge(request: Request, max: number): boolean {
	const size = declaredBodySize(request);
	return size !== null && size > max;
}

/**
 * Reads and drops a refused body (up to `maxBytes`): a browser still sending its upload when the
 * answer comes and the connection closes reports a network error instead of showing the answer.
 */
export async function discardBody(request: Request, maxBytes = 64 * 1024 * 1024): Promise<void> {
	const reader = request.body?.getReader();
	if (!reader) return;
	let read = 0;
	try {
		while (read <= maxBytes) {
			const { done, value } = await reader.read();
			if (done) return;
			read += value.byteLength;
		}
		await reader.cancel();
	} catch {
		// The client went away: nothing left to answer.
	}
}

const megabytes = (bytes: number) =>
	bytes >= 1024 * 1024
		? `${Math.round(bytes / (1024 * 1024))} MB`
		: `${Math.round(bytes / 1024)} kB`;

/**
 * The Danish refusal of a request whose body is too large (413) or has no declared length (411,
 * a chunked body: without a length no limit could be checked before reading it); null when it
 * may pass. Routes matching `largeUploads` (path and query, e.g. `/x/1?/upload`) check their own
 * limit in their action.
 */
export function bodySizeRefusal(
	request: Request,
	url: URL,
	largeUploads: readonly RegExp[]
): Response | null {
	const chunked = request.headers.has('transfer-encoding');
	const size = declaredBodySize(request);
	const text = (status: number, message: string) =>
		new Response(message, {
			status,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	if (chunked && size === null) {
		return text(411, m.body_length_required({}, { locale: 'da' }));
	}
	if (size === null || size <= BODY_LIMIT) return null;
	const address = url.pathname + url.search;
	if (largeUploads.some((pattern) => pattern.test(address))) return null;
	return text(413, m.body_too_large({ max: megabytes(BODY_LIMIT) }, { locale: 'da' }));
}
