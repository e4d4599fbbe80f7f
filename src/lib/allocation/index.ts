// The door of allocation (client-safe): the model's words and pure helpers.
export {
	AGE_GROUPS,
	MAX_WISHES,
	RANK_WEIGHTS,
	type AgeGroup,
	type GroupSummary,
	type UnplacedReason
} from './model';
export { CSV_COLUMNS, MAX_CSV_BYTES, placeCode } from './csv-format';
export { ageGroupLabel, reasonLabel, roundStatusLabel } from './labels';
export {
	adjustSchema,
	deletePupilSchema,
	joinSchema,
	openRoundSchema,
	pupilCountSchema,
	pupilSchema
} from './schema';
export { DUTY_GRADES, type DutyFigures, type DutyOverview, type DutyRow } from './duty';
