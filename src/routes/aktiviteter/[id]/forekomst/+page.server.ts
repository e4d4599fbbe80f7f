import { m } from '$lib/paraglide/messages.js';
import { updateOccurrence } from '$lib/activities/server';
import { loadActivityForm, saveActivityForm } from '../activity-form.server';
import { requireOccurrence } from './occurrence.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadActivityForm(event, requireOccurrence);

export const actions: Actions = {
	default: (event) =>
		saveActivityForm(event, requireOccurrence, updateOccurrence, m.activity_err_not_found)
};
