import { m } from '$lib/paraglide/messages.js';
import { getLocale, type Locale } from '$lib/paraglide/runtime.js';

type AuditAction = 'create' | 'update' | 'cancel' | 'delete';

// Labels for the log page, in the reader's language.

const ACTIONS: Record<AuditAction, () => string> = {
	create: () => m.audit_action_create(),
	update: () => m.audit_action_update(),
	cancel: () => m.audit_action_cancel(),
	delete: () => m.audit_action_delete()
};

// Every entity type a domain module logs has a label here (src/lib/audit/labels.test.ts checks),
// so this is also the log page's list of types: the log itself is never scanned for it.
const TYPES: Record<string, (locale?: Locale) => string> = {
	activity: (locale) => m.audit_type_activity({}, { locale }),
	series: (locale) => m.audit_type_series({}, { locale }),
	offer: (locale) => m.audit_type_offer({}, { locale }),
	booking: (locale) => m.audit_type_booking({}, { locale }),
	organisation: (locale) => m.audit_type_organisation({}, { locale }),
	membership: (locale) => m.audit_type_membership({}, { locale }),
	invitation: (locale) => m.audit_type_invitation({}, { locale }),
	school_holiday: (locale) => m.audit_type_school_holiday({}, { locale }),
	feed: (locale) => m.audit_type_feed({}, { locale }),
	meeting: (locale) => m.audit_type_meeting({}, { locale }),
	evaluation: (locale) => m.audit_type_evaluation({}, { locale }),
	alliance_commitment: (locale) => m.audit_type_alliance_commitment({}, { locale }),
	apprenticeship_opening: (locale) => m.audit_type_apprenticeship_opening({}, { locale }),
	school_year: (locale) => m.audit_type_school_year({}, { locale }),
	linked_identity: (locale) => m.audit_type_linked_identity({}, { locale }),
	allocation_round: (locale) => m.audit_type_allocation_round({}, { locale }),
	school_pupil_count: (locale) => m.audit_type_school_pupil_count({}, { locale })
};

export function auditActionLabel(action: AuditAction): string {
	return ACTIONS[action]?.() ?? action;
}

/** A type logged without a label here reads as its key. */
export function auditTypeLabel(type: string, locale: Locale = getLocale()): string {
	return TYPES[type]?.(locale) ?? type.replace(/_/g, ' ');
}

export interface AuditTypeChoice {
	value: string;
	label: string;
}

/** The type chooser: every labelled type, alphabetical by label in the reader's language. */
export function auditTypeChoices(locale: Locale = getLocale()): AuditTypeChoice[] {
	const collator = new Intl.Collator(locale);
	return Object.keys(TYPES)
		.map((value) => ({ value, label: auditTypeLabel(value, locale) }))
		.sort((a, b) => collator.compare(a.label, b.label));
}

/** Where the thing lives in the app, while it exists. */
export function auditEntityHref(type: string, id: string): string | null {
	if (type === 'activity') return `/aktiviteter/${id}`;
	if (type === 'offer') return `/tilbud/${id}`;
	if (type === 'booking') return `/bookinger/${id}`;
	if (type === 'series') return `/serier/${id}`;
	if (type === 'meeting') return `/moeder/${id}`;
	if (type === 'apprenticeship_opening') return `/laerepladsalliance/opslag/${id}`;
	if (type === 'alliance_commitment') return `/laerepladsalliance/tilsagn/${id}`;
	return null;
}
