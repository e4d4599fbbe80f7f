import { m } from '$lib/paraglide/messages.js';
import type { Actor } from '$lib/auth';
import { refuse, type Refusal } from '$lib/platform/server/http/result';

// Shared by the commitment and opening modules: refusing a change, checking trades.

function belongsTo(user: Actor | null, organisationId: string): boolean {
	return (
		user !== null &&
		(user.isSecretariat || user.memberships.some((ms) => ms.organisationId === organisationId))
	);
}

/**
 * Refused change: the company's own people learn that they lack the role (403); anyone else is
 * told nothing exists (404), so another company's commitment or opening is not even confirmed.
 */
export function changeRefusal(
	user: Actor | null,
	organisationId: string,
	allowed: boolean,
	notFound: () => string
): Refusal | null {
	if (allowed) return null;
	return belongsTo(user, organisationId)
		? refuse(403, m.alliance_err_forbidden())
		: refuse(404, notFound());
}

/** A 400 naming the first code that is not in the trade catalogue, or null when all are known. */
export function unknownTradeRefusal(
	codes: readonly string[],
	known: Map<string, string>,
	field: 'trades' | 'tradeCode'
): Refusal | null {
	const unknown = codes.find((c) => !known.has(c));
	if (unknown === undefined) return null;
	const message = m.alliance_err_trade_unknown({ code: unknown.slice(0, 60) });
	return refuse(400, m.form_fix_errors(), { [field]: message });
}
