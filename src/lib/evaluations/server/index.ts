// The door of evaluations (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	BLOCK_MESSAGES,
	deleteEvaluation,
	type EvaluationResult,
	evaluationsInContext,
	listActivitiesLackingEvaluation,
	listRecentEvaluations,
	loadEvaluationContext,
	saveEvaluation
} from './evaluation';
export {
	canEvaluateActivity,
	evaluatedActivityOf,
	evaluatingOrganisationIds,
	evaluationBlock,
	isInvolved
} from './policy';
