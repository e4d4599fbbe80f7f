import { m } from '$lib/paraglide/messages.js';
import { isoWeek } from '$lib/platform/dates/weeks';
import type { PreviewConflict } from '$lib/activities/server/rollforward';

/** 'Efterårsferie' reads as 'efterårsferie' inside a Danish sentence. */
const inSentence = (name: string) => name.charAt(0).toLocaleLowerCase('da') + name.slice(1);

/** One conflict of a roll-forward preview as a sentence in the request's language. */
export function conflictText(
	conflict: PreviewConflict,
	sourceStart: string,
	toYear: string
): string {
	switch (conflict.kind) {
		case 'week53':
			return m.rollforward_conflict_week53({ year: isoWeek(sourceStart).weekYear + 1 });
		case 'publicHoliday':
			return m.rollforward_conflict_public({ name: conflict.name });
		case 'schoolHoliday':
			return m.rollforward_conflict_school({
				name: inSentence(conflict.name),
				municipality: conflict.municipality
			});
		case 'outsideSchoolYear':
			return m.rollforward_conflict_outside({ year: conflict.schoolYear });
		case 'exists':
			return m.rollforward_conflict_exists({ year: toYear });
	}
}
