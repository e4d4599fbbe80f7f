import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/platform/server/db/engine';
import { findMeeting, listMeetings } from '../../src/lib/meetings/server/meeting';
import { seedDemo } from '../../db/seed';
import { createTestDatabase } from '../helpers/db';
import { sessionUser } from './organisation.fixtures';

describe('db/seed/meetings', () => {
	let database: Database;

	beforeAll(async () => {
		database = await createTestDatabase();
		await seedDemo(database.db);
	});
	afterAll(async () => {
		await database?.close();
	});

	const userByEmail = async (email: string) => {
		const row = await database.db
			.selectFrom('appUser')
			.select('id')
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		return sessionUser(database.db, row.id);
	};
	const counts = async () => {
		const meetings = await database.db
			.selectFrom('meeting')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const invitations = await database.db
			.selectFrom('meetingOrganisation')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return { meetings: Number(meetings.n), invitations: Number(invitations.n) };
	};

	it('gives the held September meeting minutes and attendance for an invited partner to read', async () => {
		const municipality = await userByEmail('kommune@aarshjul.example');
		const { past, upcoming } = await listMeetings(database.db, municipality, '2026-11-27');
		const september = past.find((m) => m.title === 'Alliancemøde september 2026');
		expect(september).toMatchObject({ hasMinutes: true, invitedCount: 9, presentCount: 7 });
		const detail = await findMeeting(database.db, municipality, september!.id);
		expect(detail?.minutesHtml).toContain('Erhvervspraktik i uge 6');
		const march = upcoming.find((m) => m.title === 'Alliancemøde marts 2027');
		const next = await findMeeting(database.db, municipality, march!.id);
		expect(next?.previous?.id).toBe(september!.id);
		expect(next?.minutes).toBe('');
	});

	it('shows a company that is not invited no meetings', async () => {
		const company = await userByEmail('virksomhed@aarshjul.example');
		const { past, upcoming } = await listMeetings(database.db, company, '2026-11-27');
		expect([...past, ...upcoming]).toEqual([]);
	});

	it('adds nothing when run again', async () => {
		const before = await counts();
		expect(before.meetings).toBe(6);
		await seedDemo(database.db);
		expect(await counts()).toEqual(before);
	});
});
