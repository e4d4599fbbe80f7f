import type { Kysely, Transaction } from 'kysely';
import { m } from '$lib/paraglide/messages.js';
import type { OrganisationInput } from '$lib/organisations/schema';
import type { DB, Organisation } from '$lib/platform/server/db/schema';
import type { FieldErrors } from '$lib/platform/server/http/forms';
import { recordAudit } from '$lib/audit/server';
import {
	countKnownTrades,
	findMunicipality,
	hasDependants,
	insertOrganisation,
	isCvrTaken,
	lockOrganisation,
	lockSlugsLike,
	replaceOrganisationTrades,
	updateOrganisationRow
} from './queries/organisations';

// Writing an organisation's profile: slug, references checked against the database, trades.

/** A domain answer that may carry field errors for the form that asked. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Runs fn in the caller's transaction if there is one, else in a new one. */
export function inTransaction<T>(
	db: Kysely<DB>,
	fn: (trx: Kysely<DB> | Transaction<DB>) => Promise<T>
): Promise<T> {
	return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Lowercase ASCII slug: æ→ae, ø→oe, å→aa, other accents dropped, the rest → '-'. */
export function slugify(text: string): string {
	const slug = text
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'oe')
		.replace(/å/g, 'aa')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return slug || 'organisation';
}

/** Checks that need the database: the municipality is one, and every trade exists. */
async function checkReferences(
	db: Kysely<DB>,
	input: OrganisationInput,
	selfId: string | null
): Promise<FieldErrors> {
	const errors: FieldErrors = {};
	if (input.municipalityId) {
		const municipality = await findMunicipality(db, { id: input.municipalityId });
		if (!municipality || municipality.id === selfId)
			errors.municipalityId = m.org_municipality_not_found();
	} else if (input.kind === 'school') {
		errors.municipalityId = m.org_school_needs_municipality();
	}
	if (input.trades.length > 0) {
		const known = await countKnownTrades(db, input.trades);
		if (known !== input.trades.length) errors.trades = m.org_trade_unknown();
	}
	if (input.cvr) {
		if (await isCvrTaken(db, input.cvr, selfId)) errors.cvr = m.org_cvr_taken();
	}
	return errors;
}

function profile(input: OrganisationInput) {
	const { name, kind, municipalityId, description, address, website, contactEmail, phone } = input;
	const { cvr, pNumber } = input;
	return {
		name,
		kind,
		municipalityId,
		description,
		address,
		website,
		contactEmail,
		phone,
		cvr,
		pNumber
	};
}

async function uniqueSlug(db: Kysely<DB>, name: string): Promise<string> {
	const base = slugify(name);
	const taken = await lockSlugsLike(db, base);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function auditOrganisation(
	db: Kysely<DB>,
	actorId: string | null,
	action: 'create' | 'update',
	organisation: Organisation
) {
	return recordAudit(db, {
		actorId,
		organisationId: organisation.id,
		action,
		entityType: 'organisation',
		entityId: organisation.id,
		summary: organisation.name
	});
}

/** `actorId`: who creates it, for the audit log (null: the system, e.g. a script). */
export function createOrganisation(
	db: Kysely<DB>,
	input: OrganisationInput,
	actorId: string | null = null
): Promise<Outcome<Organisation>> {
	return inTransaction(db, async (trx) => {
		const errors = await checkReferences(trx, input, null);
		if (Object.keys(errors).length > 0) return { ok: false, errors };
		const slug = await uniqueSlug(trx, input.name);
		const organisation = await insertOrganisation(trx, { ...profile(input), slug });
		await replaceOrganisationTrades(trx, organisation.id, input.trades);
		await auditOrganisation(trx, actorId, 'create', organisation);
		return { ok: true, value: organisation };
	});
}

/** Null when the organisation does not exist. The slug stays, so links keep working. */
export function updateOrganisation(
	db: Kysely<DB>,
	id: string,
	input: OrganisationInput,
	actorId: string | null = null
): Promise<Outcome<Organisation> | null> {
	return inTransaction(db, async (trx) => {
		const current = await lockOrganisation(trx, id);
		if (!current) return null;
		const errors = await checkReferences(trx, input, id);
		if (current.kind === 'municipality' && input.kind !== 'municipality') {
			if (await hasDependants(trx, id)) errors.kind = m.org_municipality_has_members();
		}
		if (Object.keys(errors).length > 0) return { ok: false, errors };
		const organisation = await updateOrganisationRow(trx, id, profile(input));
		await replaceOrganisationTrades(trx, id, input.trades);
		await auditOrganisation(trx, actorId, 'update', organisation);
		return { ok: true, value: organisation };
	});
}
