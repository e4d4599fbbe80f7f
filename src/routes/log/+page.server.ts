import { error } from '@sveltejs/kit';
import { DateTime } from 'luxon';
import { m } from '$lib/paraglide/messages.js';
import { ZONE } from '$lib/platform/dates/iso';
import { listAuditEvents, listAuditOrganisations } from '$lib/audit/server';
import { listFailedMail, MAX_ATTEMPTS, requireUser } from '$lib/platform/server';
import {
	parseAuditFilter,
	auditActionLabel,
	auditEntityHref,
	auditTypeChoices,
	auditTypeLabel
} from '$lib/audit';
import type { PageServerLoad } from './$types';

/** The same filters on another page. */
function pageHref(url: URL, page: number): string {
	const params = new URLSearchParams(url.searchParams);
	if (page === 1) params.delete('page');
	else params.set('page', String(page));
	const query = params.toString();
	return query ? `/log?${query}` : '/log';
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filter, values, errors } = parseAuditFilter(url.searchParams);
	const db = locals.db;
	const page = await listAuditEvents(db, user, filter);
	if (!page) error(404, m.audit_err_not_found());
	const organisations = await listAuditOrganisations(db, user);
	const chosen = organisations.find((o) => o.id === filter.organisationId) ?? null;
	// Mail given up after its last try: only the secretariat sees the outbox's addresses.
	const failed = user.isSecretariat ? await listFailedMail(db) : null;
	const copenhagen = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE });
	return {
		failedMail: failed && {
			total: failed.total,
			attempts: MAX_ATTEMPTS,
			mails: failed.mails.map((mail) => ({
				id: mail.id,
				to: mail.toAddress,
				subject: mail.subject,
				iso: copenhagen(mail.createdAt).toISO(),
				written: copenhagen(mail.createdAt).toFormat('dd.MM.yyyy HH:mm'),
				error: mail.error ?? ''
			}))
		},
		values,
		errors,
		organisation: chosen,
		organisations,
		types: auditTypeChoices(),
		page: page.page,
		prevHref: page.page > 1 ? pageHref(url, page.page - 1) : null,
		nextHref: page.hasNext ? pageHref(url, page.page + 1) : null,
		events: page.events.map((e) => {
			const at = DateTime.fromJSDate(e.at, { zone: ZONE });
			return {
				id: e.id,
				iso: at.toISO(),
				time: at.toFormat('dd.MM.yyyy HH:mm'),
				// The system acts with no user; a deleted user keeps the name copied in.
				who: e.actorId === null && e.actorName === '' ? m.audit_system() : e.actorName,
				organisationName: e.organisationName,
				action: auditActionLabel(e.action),
				what: auditTypeLabel(e.entityType),
				href: e.action === 'delete' ? null : auditEntityHref(e.entityType, e.entityId),
				summary: e.summary
			};
		})
	};
};
