// The door of meetings (server): what routes and other domains may use. Generated
// from what they import; add a line here when code outside the domain needs something new.
export {
	createMeeting,
	listMeetings,
	loadMeetingFormOptions,
	newMeetingDraft,
	planNextMeeting,
	saveMinutes,
	setAttendance,
	updateAgenda
} from './meeting';
export {
	canCreateMeeting,
	canEditAgenda,
	canPlanNextMeeting,
	canRecordAttendance,
	canWriteMinutes
} from './policy';
export { findMeeting, type MeetingDetail, readableMeetingId } from './queries';
