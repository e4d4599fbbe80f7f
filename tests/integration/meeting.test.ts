import { describe, expect, it } from 'vitest';
import {
	findMeeting,
	listMeetings,
	planNextMeeting,
	saveMinutes,
	setAttendance,
	updateAgenda
} from '../../src/lib/meetings/server/meeting';
import { agendaSchema } from '../../src/lib/meetings/schema';
import type { SessionUser } from '../../src/lib/auth/server/session';
import * as newMeetingPage from '../../src/routes/moeder/ny/+page.server';
import { fakeEvent } from './organisation.fixtures';
import { makeMeeting, meetingRow, useMeetingWorld } from './meeting-fixtures';

describe('meeting', () => {
	const world = useMeetingWorld();

	const audits = (id: string) =>
		world.db
			.selectFrom('auditEvent')
			.select(['action', 'entityType', 'summary', 'organisationId', 'actorId'])
			.where('entityId', '=', id)
			.orderBy('id')
			.execute();

	describe('createMeeting', () => {
		it('creates an alliancemoede activity with the meeting row, invitations and an audit event', async () => {
			const id = await makeMeeting(world.database, world);
			const activity = await world.db
				.selectFrom('activity')
				.innerJoin('category', 'category.id', 'activity.categoryId')
				.select(['category.slug', 'activity.startTime', 'activity.ownerId', 'activity.title'])
				.where('activity.id', '=', id)
				.executeTakeFirstOrThrow();
			expect(activity).toMatchObject({
				slug: 'alliancemoede',
				startTime: '14:00:00',
				ownerId: world.org.secretariat
			});
			const invited = await world.db
				.selectFrom('meetingOrganisation')
				.select(['organisationId', 'invited', 'present'])
				.where('activityId', '=', id)
				.execute();
			expect(invited.map((r) => r.organisationId).sort()).toEqual(
				[world.org.municipality, world.org.partner].sort()
			);
			expect(invited.every((r) => r.invited && !r.present)).toBe(true);
			// Invited organisations take part, so the meeting is in their calendars and feeds.
			const participants = await world.db
				.selectFrom('activityParticipant')
				.select('organisationId')
				.where('activityId', '=', id)
				.execute();
			expect(participants).toHaveLength(2);
			expect(await audits(id)).toEqual([
				expect.objectContaining({
					action: 'create',
					entityType: 'meeting',
					organisationId: world.org.secretariat,
					actorId: world.secretariat.id,
					summary: 'Møde oprettet: Alliancemøde september 2026'
				})
			]);
		});
	});

	describe('listMeetings', () => {
		it('splits upcoming (soonest first) from past (latest first)', async () => {
			await makeMeeting(world.database, world, { title: 'Marts', date: '2027-03-11' });
			await makeMeeting(world.database, world, { title: 'September', date: '2026-09-24' });
			await makeMeeting(world.database, world, { title: 'Juni', date: '2027-06-22' });
			const list = await listMeetings(world.db, world.secretariat, '2026-11-27');
			expect(list.upcoming.map((r) => r.title)).toEqual(['Marts', 'Juni']);
			expect(list.past.map((r) => r.title)).toEqual(['September']);
			expect(list.past[0]).toMatchObject({ invitedCount: 2, presentCount: 0, hasMinutes: false });
		});

		it('lists nothing for a member of an organisation that is not invited', async () => {
			await makeMeeting(world.database, world);
			const list = await listMeetings(world.db, world.users.otherMember, '2026-01-01');
			expect(list.upcoming).toEqual([]);
			expect(list.past).toEqual([]);
		});
	});

	describe('updateAgenda', () => {
		it('changes the agenda and the invitations, and the activity participants follow', async () => {
			const id = await makeMeeting(world.database, world);
			const input = agendaSchema.parse({
				agenda: '## Ny dagsorden',
				invited: [world.org.municipality, world.org.company]
			});
			const result = await updateAgenda(world.db, world.secretariat, id, input);
			expect(result.ok).toBe(true);
			const meeting = await findMeeting(world.db, world.secretariat, id);
			expect(meeting?.agenda).toBe('## Ny dagsorden');
			expect(meeting?.agendaHtml).toContain('<h4>Ny dagsorden</h4>');
			expect(meeting?.invitedOrgIds.sort()).toEqual(
				[world.org.municipality, world.org.company].sort()
			);
			const participants = await world.db
				.selectFrom('activityParticipant')
				.select('organisationId')
				.where('activityId', '=', id)
				.execute();
			expect(participants.map((p) => p.organisationId)).not.toContain(world.org.partner);
			expect((await audits(id)).map((a) => a.action)).toEqual(['create', 'update']);
		});
	});

	describe('setAttendance', () => {
		it('marks the chosen invited organisations present and the others not', async () => {
			const id = await makeMeeting(world.database, world);
			await setAttendance(world.db, world.secretariat, id, [world.org.partner]);
			const result = await setAttendance(world.db, world.secretariat, id, [world.org.municipality]);
			expect(result.ok).toBe(true);
			const meeting = await findMeeting(world.db, world.secretariat, id);
			const present = Object.fromEntries(meeting!.invited.map((o) => [o.id, o.present]));
			expect(present).toEqual({ [world.org.municipality]: true, [world.org.partner]: false });
			expect(await audits(id)).toHaveLength(3);
		});
	});

	describe('saveMinutes', () => {
		it('stores the minutes as typed with who and when, and renders them', async () => {
			const id = await makeMeeting(world.database, world);
			const result = await saveMinutes(world.db, world.secretariat, id, '**Besluttet:** ja');
			expect(result.ok).toBe(true);
			const row = await meetingRow(world.db, id);
			expect(row.minutes).toBe('**Besluttet:** ja');
			expect(row.minutesUpdatedBy).toBe(world.secretariat.id);
			expect(row.minutesUpdatedAt).toBeInstanceOf(Date);
			const meeting = await findMeeting(world.db, world.users.invitedMember, id);
			expect(meeting?.minutesHtml).toContain('<strong>Besluttet:</strong> ja');
			expect(meeting?.minutesUpdatedByName).toBe('Sekretariat');
			const last = (await audits(id)).at(-1);
			expect(last?.summary).toBe('Referat gemt: Alliancemøde september 2026');
		});
	});

	describe('planNextMeeting', () => {
		it('suggests the same weekday 26 weeks later with title, place, times and invitations', async () => {
			const id = await makeMeeting(world.database, world);
			const draft = await planNextMeeting(world.db, world.secretariat, id);
			if (!draft.ok) throw new Error(draft.message);
			if ('existingId' in draft.value) throw new Error('planned already');
			const { values } = draft.value;
			expect(values).toMatchObject({
				title: 'Alliancemøde marts 2027',
				date: '2027-03-25',
				startTime: '14:00',
				endTime: '16:30',
				place: 'Learnmark Horsens',
				ownerId: world.org.secretariat,
				previousActivityId: id
			});
			expect([...(values.invited as string[])].sort()).toEqual(
				[world.org.municipality, world.org.partner].sort()
			);
			expect(values.agenda).toContain('## Opfølgning på sidste referat');
		});

		it('links the next meeting to the previous one both ways', async () => {
			const first = await makeMeeting(world.database, world);
			const second = await makeMeeting(world.database, world, {
				title: 'Alliancemøde marts 2027',
				date: '2027-03-25',
				previousActivityId: first
			});
			const earlier = await findMeeting(world.db, world.secretariat, first);
			const later = await findMeeting(world.db, world.secretariat, second);
			expect(later?.previous?.id).toBe(first);
			expect(earlier?.next.map((n) => n.id)).toEqual([second]);
		});

		it('opens the next meeting when it is already planned instead of drafting a duplicate', async () => {
			const first = await makeMeeting(world.database, world);
			const second = await makeMeeting(world.database, world, {
				title: 'Alliancemøde marts 2027',
				date: '2027-03-25',
				previousActivityId: first
			});
			const draft = await planNextMeeting(world.db, world.secretariat, first);
			expect(draft).toEqual({ ok: true, value: { existingId: second } });
			await expect(
				newMeetingPage.load(
					fakeEvent(`/moeder/ny?efter=${first}`, world.secretariat as SessionUser, {})
				)
			).rejects.toMatchObject({ status: 303, location: `/moeder/${second}?planlagt` });
		});

		it('writes nothing: the draft is a form to send', async () => {
			const id = await makeMeeting(world.database, world);
			await planNextMeeting(world.db, world.secretariat, id);
			const count = await world.db
				.selectFrom('meeting')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(count.n)).toBe(1);
		});
	});
});
