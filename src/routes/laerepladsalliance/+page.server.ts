import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { copenhagenToday } from '$lib/platform/dates/iso';
import {
	countCommitments,
	listAllianceCompanies,
	listFollowUp,
	listOpenOpenings,
	tradeOverview,
	canViewFollowUp,
	canViewOverview
} from '$lib/apprenticeship/server';
import { allianceYearChoices, parseAllianceYear } from '$lib/apprenticeship';
import type { PageServerLoad } from './$types';

// Public: open apprenticeships are job adverts. The figures and the follow-up list are for the
// secretariat, Learnmark, the partners and the municipalities.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user;
	const today = copenhagenToday();
	const schoolYear = parseAllianceYear(url.searchParams.get('aar'), today);
	if (schoolYear === null) error(400, m.alliance_err_year());
	const db = locals.db;
	const ownCompanies = (user?.memberships ?? [])
		.filter((ms) => ms.kind === 'company')
		.map((ms) => ({ id: ms.organisationId, name: ms.name }));
	const overview = canViewOverview(user);
	return {
		schoolYear,
		years: allianceYearChoices(today, schoolYear),
		openings: await listOpenOpenings(db, schoolYear),
		overview: overview ? await tradeOverview(db, schoolYear) : null,
		committedCompanies: overview ? await countCommitments(db) : null,
		followUp: canViewFollowUp(user) ? await listFollowUp(db, schoolYear) : null,
		ownCompanies,
		companies: user?.isSecretariat ? await listAllianceCompanies(db) : null,
		loggedIn: user !== null
	};
};
