import { m } from '$lib/paraglide/messages.js';
import type { AgeGroup, UnplacedReason } from './model';

export function ageGroupLabel(age: AgeGroup): string {
	return {
		under13: m.allocation_age_under13,
		age13: m.allocation_age_age13,
		age14plus: m.allocation_age_age14plus
	}[age]();
}

export function reasonLabel(reason: string | null): string {
	const labels: Record<UnplacedReason, () => string> = {
		no_wishes: m.allocation_reason_no_wishes,
		no_place_in_wishes: m.allocation_reason_no_place_in_wishes,
		not_eligible: m.allocation_reason_not_eligible,
		all_full: m.allocation_reason_all_full
	};
	return reason && reason in labels ? labels[reason as UnplacedReason]() : '';
}

export function roundStatusLabel(status: string): string {
	if (status === 'published') return m.allocation_status_published();
	if (status === 'allocated') return m.allocation_status_allocated();
	return m.allocation_status_open();
}
