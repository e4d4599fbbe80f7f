// The door of meetings (client-safe): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	agendaSchema,
	attendanceSchema,
	MEETING_ARRAY_FIELDS,
	MEETING_TEXT_MAX,
	meetingSchema,
	minutesSchema
} from './schema';
