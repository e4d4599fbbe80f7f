import { m } from '$lib/paraglide/messages.js';
import { isIsoDate } from '$lib/platform/dates/iso';

// The log's filters come from a GET form: bad input is shown next to its field and otherwise
// ignored, so the page still answers (never a 500, never a filter the user did not mean).

export interface AuditFilter {
	organisationId?: string;
	entityType?: string;
	/** Copenhagen calendar dates, both inclusive. */
	from?: string;
	to?: string;
	page: number;
}

export interface ParsedAuditFilter {
	filter: AuditFilter;
	/** What the form shows again, as typed. */
	values: Record<'organisation' | 'type' | 'from' | 'to', string>;
	errors: Record<string, string>;
}

const TYPE = /^[a-z_]{1,40}$/;

export function parseAuditFilter(params: URLSearchParams): ParsedAuditFilter {
	const read = (key: string) => (params.get(key) ?? '').trim().slice(0, 100);
	const values = {
		organisation: read('organisation'),
		type: read('type'),
		from: read('from'),
		to: read('to')
	};
	const errors: Record<string, string> = {};
	const page = Number(read('page') || '1');
	const filter: AuditFilter = { page: Number.isInteger(page) && page >= 1 ? page : 1 };
	// An organisation id the user may not see is decided in the domain (404), not here.
	if (values.organisation) filter.organisationId = values.organisation;
	if (values.type && TYPE.test(values.type)) filter.entityType = values.type;
	for (const key of ['from', 'to'] as const) {
		if (!values[key]) continue;
		if (isIsoDate(values[key])) filter[key] = values[key];
		else errors[key] = m.audit_err_date();
	}
	if (filter.from && filter.to && filter.to < filter.from) {
		errors.to = m.audit_err_range();
		delete filter.to;
	}
	return { filter, values, errors };
}
