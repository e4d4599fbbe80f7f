import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import * as activityPage from '../../src/routes/aktiviteter/[id]/+page.server';
import * as listPage from '../../src/routes/moeder/+page.server';
import * as newPage from '../../src/routes/moeder/ny/+page.server';
import * as detailPage from '../../src/routes/moeder/[id]/+page.server';
import * as agendaPage from '../../src/routes/moeder/[id]/dagsorden/+page.server';
import * as attendancePage from '../../src/routes/moeder/[id]/fremmoede/+page.server';
import * as minutesPage from '../../src/routes/moeder/[id]/referat/+page.server';
import { fakeEvent } from './organisation.fixtures';
import {
	makeMeeting,
	meetingFields,
	meetingRow,
	meetingRowCounts,
	useMeetingWorld
} from './meeting-fixtures';

type Fields = Record<string, string | string[]>;
type Failure = {
	status: number;
	data: { errors: Record<string, string>; values: Fields; message?: string };
};

async function thrown(run: () => unknown): Promise<{ status: number; location?: string }> {
	try {
		await run();
	} catch (e) {
		return e as { status: number; location?: string };
	}
	throw new Error('expected a redirect or an error');
}

describe('routes/moeder', () => {
	const world = useMeetingWorld();
	let secretariat: SessionUser;

	beforeEach(async () => {
		secretariat = world.secretariat;
	});

	const create = (fields: Fields, user: SessionUser | null = secretariat, search = '') =>
		newPage.actions.default(fakeEvent(`/moeder/ny${search}`, user, {}, fields));

	describe('ny', () => {
		it('creates the meeting and goes to its page', async () => {
			const result = await thrown(() => create(meetingFields(world)));
			expect(result.status).toBe(303);
			const id = result.location!.replace('/moeder/', '');
			expect((await meetingRow(world.db, id)).agenda).toContain('Velkomst');
		});

		const BAD: [string, Fields, string, string][] = [
			['an impossible date', { date: '2026-02-30' }, 'date', 'Datoen findes ikke'],
			[
				'a date in words',
				{ date: 'i morgen' },
				'date',
				'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-02-08'
			],
			[
				'an hour that does not exist',
				{ startTime: '25:00' },
				'startTime',
				'Skriv tidspunktet som TT:MM, fx 09:30'
			],
			[
				'an end before the start',
				{ endTime: '13:00' },
				'endTime',
				'Sluttidspunktet skal ligge efter starttidspunktet'
			],
			['no time', { startTime: '' }, 'startTime', 'Skal udfyldes'],
			[
				'an unknown organisation',
				{ invited: [randomUUID()] },
				'invited',
				'En eller flere af de valgte organisationer findes ikke.'
			],
			[
				'an organisation that is not an id',
				{ invited: ['horsens'] },
				'invited',
				'Vælg en af mulighederne på listen'
			],
			['nobody invited', { invited: [] }, 'invited', 'Vælg mindst én organisation at invitere.'],
			['an unknown caller', { ownerId: randomUUID() }, 'ownerId', 'Organisationen findes ikke'],
			['no title', { title: '  ' }, 'title', 'Skal udfyldes'],
			['an agenda too long', { agenda: 'x'.repeat(20_001) }, 'agenda', 'Må højst være 20000 tegn'],
			[
				'an unknown previous meeting',
				{ previousActivityId: randomUUID() },
				'previousActivityId',
				'Det forrige møde findes ikke.'
			]
		];
		for (const [what, over, field, message] of BAD) {
			it(`refuses ${what} in Danish, refills the form and writes nothing`, async () => {
				const before = await meetingRowCounts(world.db);
				const fields = meetingFields(world, over);
				const result = (await create(fields)) as Failure;
				expect(result.status).toBe(400);
				expect(result.data.errors[field]).toBe(message);
				expect(result.data.values.title).toBe(fields.title);
				expect(await meetingRowCounts(world.db)).toEqual(before);
			});
		}

		it('refuses a member who is not the secretariat with 403', async () => {
			const result = await thrown(() => create(meetingFields(world), world.users.invitedMember));
			expect(result.status).toBe(403);
		});

		it('plans the next meeting from ?efter and links it to the previous one', async () => {
			const first = await makeMeeting(world.database, world);
			const page = (await newPage.load(
				fakeEvent(`/moeder/ny?efter=${first}`, secretariat) as never
			)) as { values: Fields; previous: { id: string } };
			expect(page.previous.id).toBe(first);
			expect(page.values.date).toBe('2027-03-25');
			const result = await thrown(() => create(page.values, secretariat, `?efter=${first}`));
			const id = result.location!.replace('/moeder/', '');
			expect((await meetingRow(world.db, id)).previousActivityId).toBe(first);
		});

		it('answers 404 to ?efter with an id that is no meeting', async () => {
			const result = await thrown(() =>
				newPage.load(fakeEvent(`/moeder/ny?efter=${randomUUID()}`, secretariat) as never)
			);
			expect(result.status).toBe(404);
		});
	});

	describe('list and detail', () => {
		it('lists upcoming and past meetings for an invited member', async () => {
			await makeMeeting(world.database, world, { title: 'Gammelt', date: '2026-03-12' });
			await makeMeeting(world.database, world, { title: 'Nyt', date: '2030-03-14' });
			const data = (await listPage.load(
				fakeEvent('/moeder', world.users.invitedMember) as never
			)) as {
				upcoming: { title: string }[];
				past: { title: string }[];
				canCreate: boolean;
			};
			expect(data.upcoming.map((r) => r.title)).toEqual(['Nyt']);
			expect(data.past.map((r) => r.title)).toEqual(['Gammelt']);
			expect(data.canCreate).toBe(false);
		});

		it('links the activity page to the meeting only for those who may read it', async () => {
			const id = await makeMeeting(world.database, world);
			const meetingIdFor = async (user: SessionUser | null) =>
				(
					(await activityPage.load(fakeEvent(`/aktiviteter/${id}`, user, { id }) as never)) as {
						meetingId: string | null;
					}
				).meetingId;
			expect(await meetingIdFor(world.users.invitedMember)).toBe(id);
			// The activity is visible to the whole alliance; the meeting is not.
			expect(await meetingIdFor(world.users.otherMember)).toBeNull();
		});

		it('answers 404 for an id that does not exist or is not an id', async () => {
			for (const id of [randomUUID(), 'abc']) {
				const result = await thrown(() =>
					detailPage.load(fakeEvent(`/moeder/${id}`, secretariat, { id }) as never)
				);
				expect(result.status).toBe(404);
			}
		});
	});

	describe('edit pages refuse bad input and write nothing', () => {
		let id: string;
		beforeEach(async () => {
			id = await makeMeeting(world.database, world, { agenda: 'Oprindelig' });
		});

		it('attendance: an organisation that was not invited', async () => {
			const result = (await attendancePage.actions.default(
				fakeEvent(
					`/moeder/${id}/fremmoede`,
					secretariat,
					{ id },
					{
						present: [world.org.partner, world.org.company]
					}
				)
			)) as Failure;
			expect(result.status).toBe(400);
			expect(result.data.errors.present).toBe(
				'Kun inviterede organisationer kan registreres som til stede.'
			);
			const present = await world.db
				.selectFrom('meetingOrganisation')
				.select('present')
				.where('activityId', '=', id)
				.execute();
			expect(present.every((r) => !r.present)).toBe(true);
		});

		it('agenda: an unknown organisation leaves agenda and invitations as they were', async () => {
			const before = await meetingRowCounts(world.db);
			const result = (await agendaPage.actions.default(
				fakeEvent(
					`/moeder/${id}/dagsorden`,
					secretariat,
					{ id },
					{
						agenda: 'Ændret',
						invited: [world.org.partner, randomUUID()]
					}
				)
			)) as Failure;
			expect(result.status).toBe(400);
			expect(result.data.values.agenda).toBe('Ændret');
			expect((await meetingRow(world.db, id)).agenda).toBe('Oprindelig');
			expect(await meetingRowCounts(world.db)).toEqual(before);
		});

		it('minutes: too long is refused and comes back whole', async () => {
			const long = 'Referat. '.repeat(2300);
			const result = (await minutesPage.actions.default(
				fakeEvent(`/moeder/${id}/referat`, secretariat, { id }, { minutes: long })
			)) as Failure;
			expect(result.status).toBe(400);
			expect(result.data.errors.minutes).toBe('Må højst være 20000 tegn');
			expect(result.data.values.minutes).toBe(long.slice(0, 20_100));
			expect((await meetingRow(world.db, id)).minutes).toBe('');
		});

		it('minutes: saved, then the page shows the preview', async () => {
			const done = await thrown(() =>
				minutesPage.actions.default(
					fakeEvent(`/moeder/${id}/referat`, secretariat, { id }, { minutes: '## Beslutninger' })
				)
			);
			expect(done).toMatchObject({ status: 303, location: `/moeder/${id}/referat?gemt` });
			const page = (await minutesPage.load(
				fakeEvent(`/moeder/${id}/referat?gemt`, secretariat, { id }) as never
			)) as { saved: boolean; meeting: { minutesHtml: string } };
			expect(page.saved).toBe(true);
			expect(page.meeting.minutesHtml).toContain('<h4>Beslutninger</h4>');
		});
	});
});
