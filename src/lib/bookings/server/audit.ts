import type { Transaction } from 'kysely';
import type { Actor } from '$lib/auth';
import type { AuditAction, BookingStatus, DB } from '$lib/platform/server/db/schema';
import { recordAudit, actorIdOf, bookingSummary } from '$lib/audit/server';

// Offers belong to their provider. A booking belongs to the school that made it and to the
// provider: it is recorded once, with the school as organisation, and the provider's admins find
// it through the booking's offer (audit-log.ts), so the booking hot path pays one insert.

export function auditOffer(
	trx: Transaction<DB>,
	user: Actor | null,
	action: AuditAction,
	offer: { id: string; ownerId: string; title: string },
	summary: string = offer.title
): Promise<void> {
	return recordAudit(trx, {
		actorId: actorIdOf(user),
		organisationId: offer.ownerId,
		action,
		entityType: 'offer',
		entityId: offer.id,
		summary
	});
}

/** `user` null: the system did it (a waitlist promotion). */
export function auditBooking(
	trx: Transaction<DB>,
	user: Actor | null,
	action: AuditAction,
	booking: { id: string; schoolId: string; classLabel: string; status: BookingStatus },
	title: string,
	summary: string = bookingSummary(booking, title)
): Promise<void> {
	return recordAudit(trx, {
		actorId: actorIdOf(user),
		organisationId: booking.schoolId,
		action,
		entityType: 'booking',
		entityId: booking.id,
		summary
	});
}
