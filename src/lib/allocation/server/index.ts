// The door of allocation (server): what routes and other domains may use.
export { canManageRound, canOpenRound, canViewDuty } from './policy';
export {
	findRound,
	joinPlaces,
	listRounds,
	openRound,
	roundOfOffer,
	roundOwnerChoices,
	roundPage
} from './rounds';
export { deletePupil, savePupil, uploadWishes } from './wishes';
export { adjustPupil, publishRound, runRound, type SolverSummary } from './run';
export {
	dutyReport,
	dutySchoolYear,
	loadDuty,
	savePupilCounts,
	type DutyPage,
	type PupilCountInput
} from './duty';
