import { m } from '$lib/paraglide/messages.js';

type AuditAction = 'create' | 'update' | 'cancel' | 'delete';

// Labels for the log page, in the reader's language.

const ACTIONS: Record<AuditAction, () => string> = {
	create: () => m.audit_action_create(),
	update: () => m.audit_action_update(),
	cancel: () => m.audit_action_cancel(),
	delete: () => m.audit_action_delete()
};

const TYPES: Record<string, () => string> = {
	activity: () => m.audit_type_activity(),
	series: () => m.audit_type_series(),
	offer: () => m.audit_type_offer(),
	booking: () => m.audit_type_booking(),
	organisation: () => m.audit_type_organisation(),
	membership: () => m.audit_type_membership(),
	invitation: () => m.audit_type_invitation(),
	school_holiday: () => m.audit_type_school_holiday(),
	feed: () => m.audit_type_feed(),
	meeting: () => m.audit_type_meeting(),
	evaluation: () => m.audit_type_evaluation(),
	alliance_commitment: () => m.audit_type_alliance_commitment(),
	apprenticeship_opening: () => m.audit_type_apprenticeship_opening(),
	school_year: () => m.audit_type_school_year()
};

export function auditActionLabel(action: AuditAction): string {
	return ACTIONS[action]?.() ?? action;
}

/** A type logged without a label here reads as its key. */
export function auditTypeLabel(type: string): string {
	return TYPES[type]?.() ?? type.replace(/_/g, ' ');
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
