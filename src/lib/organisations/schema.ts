import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { OrganisationKind, Role } from '$lib/organisations/types';
import { email, optionalText, requiredText, uuid } from '$lib/platform/schema';

export const KINDS = [
	'municipality',
	'school',
	'company',
	'vocational_school',
	'museum',
	'partner'
] as const satisfies readonly OrganisationKind[];
export const ROLES = ['admin', 'member'] as const satisfies readonly Role[];
export const MAX_TRADES = 20;

const choice = <T extends readonly [string, ...string[]]>(options: T) =>
	z.enum(options, { error: () => m.val_invalid_choice() });

/** '' or an absolute http(s) address; anything else (javascript:, ftp:, …) is refused. */
const website = () =>
	z
		.string({ error: () => m.val_text() })
		.trim()
		.max(500, { error: () => m.val_too_long({ max: 500 }) })
		.refine((v) => v === '' || isHttpUrl(v), { error: () => m.val_url() })
		.optional()
		.default('');

function isHttpUrl(value: string): boolean {
	if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
	} catch {
		return false;
	}
}

const optionalEmail = () =>
	z
		.string({ error: () => m.val_text() })
		.trim()
		.max(254, { error: () => m.val_too_long({ max: 254 }) })
		.refine((v) => v === '' || z.email().safeParse(v).success, { error: () => m.val_email() })
		.transform((v) => v.toLowerCase())
		.optional()
		.default('');

const phone = () =>
	z
		.string({ error: () => m.val_text() })
		.trim()
		.max(40, { error: () => m.val_too_long({ max: 40 }) })
		.refine((v) => v === '' || /^\+?[0-9 ()-]{6,}$/.test(v), { error: () => m.org_phone_invalid() })
		.optional()
		.default('');

/** Optional digits (spaces allowed while typing, not stored): CVR has 8, the P-number 10. */
const optionalDigits = (count: number, message: () => string) =>
	z
		.string({ error: () => m.val_text() })
		.transform((v) => v.replace(/\s+/g, ''))
		.refine((v) => v === '' || new RegExp(`^[0-9]{${count}}$`).test(v), { error: message })
		.optional()
		.transform((v) => v || null);

const optionalUuid = () =>
	z
		.union([z.literal(''), uuid()], { error: () => m.val_invalid_choice() })
		.optional()
		.transform((v) => v || null);

/**
 * The organisation profile form. Trade codes come from the database, so the caller passes the
 * known ones; an unknown code is a field error, not a foreign-key failure.
 */
export function organisationSchema(tradeCodes: readonly string[]) {
	return z
		.object({
			name: requiredText(200),
			kind: choice(KINDS),
			municipalityId: optionalUuid(),
			description: optionalText(2000),
			address: optionalText(300),
			website: website(),
			contactEmail: optionalEmail(),
			phone: phone(),
			cvr: optionalDigits(8, () => m.org_cvr_invalid()),
			pNumber: optionalDigits(10, () => m.org_p_number_invalid()),
			trades: z
				.array(
					z
						.string({ error: () => m.org_trade_unknown() })
						.refine((code) => tradeCodes.includes(code), { error: () => m.org_trade_unknown() }),
					{ error: () => m.val_invalid_choice() }
				)
				.max(MAX_TRADES, { error: () => m.org_too_many_trades({ max: MAX_TRADES }) })
				.optional()
				.default([])
				.transform((codes) => [...new Set(codes)])
		})
		.refine((value) => value.kind !== 'school' || value.municipalityId !== null, {
			path: ['municipalityId'],
			error: () => m.org_school_needs_municipality(),
			// Also reported when other fields are wrong, so the user sees every problem at once.
			when: ({ issues }) =>
				!issues.some((i) => i.path?.[0] === 'kind' || i.path?.[0] === 'municipalityId')
		})
		.transform((value) => ({
			...value,
			// Only companies train apprentices; a municipality belongs to no municipality.
			trades: value.kind === 'company' ? value.trades : [],
			municipalityId: value.kind === 'municipality' ? null : value.municipalityId
		}));
}
export type OrganisationInput = z.output<ReturnType<typeof organisationSchema>>;

/** Creating adds an optional first administrator, invited by e-mail in the same form. */
export function createOrganisationSchema(tradeCodes: readonly string[]) {
	return z
		.object({ adminEmail: optionalEmail() })
		.and(organisationSchema(tradeCodes))
		.transform(({ adminEmail, ...organisation }) => ({ adminEmail, organisation }));
}

export const inviteSchema = z.object({
	email: email(),
	role: choice(ROLES)
});

export const roleChangeSchema = z.object({
	userId: uuid(),
	role: choice(ROLES)
});

export const removeMemberSchema = z.object({
	userId: uuid()
});

/** Directory filters from the query string; a bad value is ignored rather than an error page. */
export const directoryFilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	kind: z.enum(KINDS).optional().catch(undefined),
	municipalityId: z.uuid().optional().catch(undefined),
	trade: z.string().trim().max(100).optional().catch(undefined)
});
export type DirectoryFilter = z.output<typeof directoryFilterSchema>;
