import type { ActivityStatus, Visibility } from '../../src/lib/platform/server/db/schema';
import { companySlug, slugify } from './ids';

export interface ActivitySeed {
	/** Stable key for the deterministic id; derived from the content unless given. */
	key: string;
	/** Slug of the owning organisation. */
	owner: string;
	/** Slug of the category. */
	category: string;
	title: string;
	description: string;
	place: string;
	startDate: string;
	endDate: string;
	startTime: string | null;
	endTime: string | null;
	visibility: Visibility;
	status: ActivityStatus;
	/** Slugs of the organisations taking part (besides the owner). */
	participants: string[];
}

type Required = 'owner' | 'category' | 'title' | 'startDate';
export type ActivityInput = Pick<ActivitySeed, Required> &
	Partial<Omit<ActivitySeed, Required>> & { time?: [string, string] };

export function activity({ time, ...input }: ActivityInput): ActivitySeed {
	return {
		key: `${input.category}:${input.startDate}:${input.owner}:${slugify(input.title)}`,
		description: '',
		place: '',
		endDate: input.startDate,
		startTime: time?.[0] ?? null,
		endTime: time?.[1] ?? null,
		visibility: 'alliance',
		status: 'planned',
		participants: [],
		...input
	};
}

/** Slug of a company by its name, legal form optional: co('Bygholm Stål') → 'bygholm-staal'. */
export const co = companySlug;
/** Slug of a school or other organisation by its name. */
export const org = slugify;
