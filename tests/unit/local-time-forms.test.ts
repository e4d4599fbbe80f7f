import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../src/lib/activities/schema';
import { offerSchema, offerUpdateSchema } from '../../src/lib/bookings/offer-schema';

// Forms refuse local times that never happen (the spring gap) and accept the autumn's repeated
// hour, which means its first occurrence (src/lib/platform/dates/local-time.ts).

const ID = '00000000-0000-4000-8000-000000000001';
const SKIPPED =
	'Klokkeslættet findes ikke den dag: urene stilles en time frem fra 02:00 til 03:00 (sommertid). Vælg et andet klokkeslæt.';

function errorsOf(result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
	if (result.success) return {};
	return Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
}

const activity = (over: Record<string, unknown>) =>
	activitySchema.safeParse({
		title: 'Natløb',
		categoryId: ID,
		ownerId: ID,
		startDate: '2027-03-28',
		endDate: '2027-03-28',
		startTime: '01:00',
		endTime: '04:00',
		visibility: 'alliance',
		...over
	});

const visit = (over: Record<string, unknown>) => ({
	kind: 'visit',
	ownerId: ID,
	title: 'Natbesøg',
	gradeLevels: ['8'],
	capacity: '5',
	dates: ['2027-03-28'],
	startTime: '01:00',
	endTime: '04:00',
	contactName: 'Lars',
	contactEmail: 'lars@smedjen.dk',
	visibility: 'alliance',
	...over
});

describe('forms and local times', () => {
	describe('activitySchema', () => {
		it('refuses a start or end in the spring gap (02:30 on 28 March 2027) in Danish', () => {
			expect(errorsOf(activity({ startTime: '02:30' }))).toEqual({ startTime: SKIPPED });
			expect(errorsOf(activity({ endTime: '02:15' }))).toEqual({ endTime: SKIPPED });
		});

		it('accepts the same time on another day, all-day events and the repeated autumn hour', () => {
			expect(
				activity({ startDate: '2027-03-27', endDate: '2027-03-27', startTime: '02:30' }).success
			).toBe(true);
			expect(activity({ allDay: 'on', startTime: '02:30' }).success).toBe(true);
			const autumn = activity({
				startDate: '2026-10-25',
				endDate: '2026-10-25',
				startTime: '02:30'
			});
			expect(autumn.success).toBe(true);
			expect(autumn.data).toMatchObject({ startTime: '02:30', endTime: '04:00' });
		});
	});

	describe('offerSchema / offerUpdateSchema', () => {
		it('refuses session times in the gap on any of the dates', () => {
			expect(errorsOf(offerSchema.safeParse(visit({ startTime: '02:30' })))).toEqual({
				startTime: SKIPPED
			});
			expect(
				errorsOf(
					offerSchema.safeParse(visit({ dates: ['2027-03-21', '2027-03-28'], endTime: '02:45' }))
				)
			).toMatchObject({ endTime: SKIPPED });
			expect(
				offerSchema.safeParse(visit({ dates: ['2027-03-21'], startTime: '02:30' })).success
			).toBe(true);
		});

		it('refuses an edited offer whose time falls in the gap', () => {
			const common: Record<string, unknown> = visit({ startTime: '02:30' });
			for (const key of ['kind', 'ownerId', 'dates']) delete common[key];
			const result = offerUpdateSchema.safeParse({
				...common,
				startDate: '2027-03-28',
				endDate: '2027-03-28'
			});
			expect(errorsOf(result)).toEqual({ startTime: SKIPPED });
		});
	});
});
