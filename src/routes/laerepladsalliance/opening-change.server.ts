import { error, fail, redirect } from '@sveltejs/kit';
import { deleteOpening, markOpeningFilled, reopenOpening } from '$lib/apprenticeship/server';
import { requireTarget, type ActionEvent, type Refusal } from '$lib/platform/server';

// Shared by the commitment page and the opening page: the quick changes to one opening.

export type OpeningChange = 'fill' | 'reopen' | 'delete';

const NOTICE: Record<OpeningChange, string> = {
	fill: 'besat',
	reopen: 'genaabnet',
	delete: 'slettet'
};

/** A refusal without fields: 404 is a page (nothing is confirmed to exist), the rest a message. */
export function refusedChange(refusal: Refusal) {
	if (refusal.status === 404) error(404, refusal.message);
	return fail(refusal.status, { message: refusal.message, errors: refusal.errors ?? {} });
}

/**
 * Marks filled, reopens or deletes the opening named by the route or by the form's openingId,
 * then goes back to the company's page with a notice.
 */
export async function changeOpening(
	event: ActionEvent,
	change: OpeningChange,
	routeOpeningId?: string
) {
	const { user, id } = await requireTarget(event, 'openingId', routeOpeningId);
	const db = event.locals.db;
	const result =
		change === 'delete'
			? await deleteOpening(db, user, id)
			: await (change === 'fill' ? markOpeningFilled : reopenOpening)(db, user, id);
	if (!result.ok) return refusedChange(result);
	redirect(303, `/laerepladsalliance/tilsagn/${result.value.organisationId}?${NOTICE[change]}`);
}
