import { describe, expect, it } from 'vitest';
import { findMeeting, listMeetings } from '../../src/lib/meetings/server/meeting';
import { seedDemo } from '../../db/seed';
import { demoUser, useDemoDatabase } from './demo-fixtures';

describe('db/seed/meetings', () => {
	const demo = useDemoDatabase();

	const counts = async () => {
		const meetings = await demo.db
			.selectFrom('meeting')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const invitations = await demo.db
			.selectFrom('meetingOrganisation')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return { meetings: Number(meetings.n), invitations: Number(invitations.n) };
	};

	it('gives the held September meeting minutes and attendance for an invited partner to read', async () => {
		const municipality = await demoUser(demo.db, 'kommune@aarshjul.example');
		const { past, upcoming } = await listMeetings(demo.db, municipality, '2026-11-27');
		const september = past.find((m) => m.title === 'Alliancemøde september 2026');
		expect(september).toMatchObject({ hasMinutes: true, invitedCount: 9, presentCount: 7 });
		const detail = await findMeeting(demo.db, municipality, september!.id);
		expect(detail?.minutesHtml).toContain('Erhvervspraktik i uge 6');
		const march = upcoming.find((m) => m.title === 'Alliancemøde marts 2027');
		const next = await findMeeting(demo.db, municipality, march!.id);
		expect(next?.previous?.id).toBe(september!.id);
		expect(next?.minutes).toBe('');
	});

	it('shows a company that is not invited no meetings', async () => {
		const company = await demoUser(demo.db, 'virksomhed@aarshjul.example');
		const { past, upcoming } = await listMeetings(demo.db, company, '2026-11-27');
		expect([...past, ...upcoming]).toEqual([]);
	});

	it('adds nothing when run again', async () => {
		const before = await counts();
		expect(before.meetings).toBe(6);
		await seedDemo(demo.db);
		expect(await counts()).toEqual(before);
	});
});
