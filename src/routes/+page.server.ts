import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({
	loggedIn: locals.user !== null
});
