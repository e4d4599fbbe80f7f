// The door of apprenticeship (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	allianceYearChoices,
	COMMITMENT_ARRAY_FIELDS,
	commitmentSchema,
	newOpeningSchema,
	openingSchema,
	parseAllianceYear
} from './schema';
