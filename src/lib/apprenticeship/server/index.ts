// The door of apprenticeship (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	countCommitments,
	createOpening,
	deleteOpening,
	findCommitmentPage,
	findOpeningForEdit,
	joinAlliance,
	leaveAlliance,
	listAllianceCompanies,
	listCompanyOpenings,
	listFollowUp,
	listOpenOpenings,
	listTrades,
	markOpeningFilled,
	reopenOpening,
	tradeOverview,
	updateCommitment,
	updateOpening
} from './apprenticeship';
export { commitmentTrades } from './queries';
export {
	canCreateOpening,
	canEditOpening,
	canUpdateCommitment,
	canViewFollowUp,
	canViewOverview,
	ownCompanyIds
} from './policy';
