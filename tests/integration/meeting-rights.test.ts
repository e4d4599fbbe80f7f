import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import {
	planNextMeeting,
	saveMinutes,
	setAttendance,
	updateAgenda
} from '../../src/lib/meetings/server/meeting';
import * as detailPage from '../../src/routes/moeder/[id]/+page.server';
import * as agendaPage from '../../src/routes/moeder/[id]/dagsorden/+page.server';
import * as attendancePage from '../../src/routes/moeder/[id]/fremmoede/+page.server';
import * as minutesPage from '../../src/routes/moeder/[id]/referat/+page.server';
import * as newPage from '../../src/routes/moeder/ny/+page.server';
import { fakeEvent } from './organisation.fixtures';
import {
	MEETING_ROLES,
	makeMeeting,
	meetingRowCounts,
	type MeetingRole,
	useMeetingWorld
} from './meeting-fixtures';

type Outcome = 'allowed' | 'forbidden' | 'not_found' | 'login';
const ACTIONS = [
	'readAgenda',
	'readMinutes',
	'editAgenda',
	'attendance',
	'minutes',
	'planNext'
] as const;
type Action = (typeof ACTIONS)[number];

const EXPECTED: Record<MeetingRole, Record<Action, Outcome>> = {
	secretariat: {
		readAgenda: 'allowed',
		readMinutes: 'allowed',
		editAgenda: 'allowed',
		attendance: 'allowed',
		minutes: 'allowed',
		planNext: 'allowed'
	},
	invitedMember: {
		readAgenda: 'allowed',
		readMinutes: 'allowed',
		editAgenda: 'forbidden',
		attendance: 'forbidden',
		minutes: 'forbidden',
		planNext: 'forbidden'
	},
	otherMember: {
		readAgenda: 'not_found',
		readMinutes: 'not_found',
		editAgenda: 'not_found',
		attendance: 'not_found',
		minutes: 'not_found',
		planNext: 'not_found'
	},
	anonymous: {
		readAgenda: 'login',
		readMinutes: 'login',
		editAgenda: 'login',
		attendance: 'login',
		minutes: 'login',
		planNext: 'login'
	}
};

/** What a request came to: a page with data, a redirect (login or done), or an error page. */
async function outcome(run: () => unknown, check: (data: Record<string, unknown>) => boolean) {
	try {
		const data = (await run()) as Record<string, unknown> & { status?: number };
		if (data && typeof data.status === 'number')
			return data.status === 403 ? 'forbidden' : 'invalid';
		return check(data ?? {}) ? 'allowed' : 'missing data';
	} catch (e) {
		const thrown = e as { status?: number; location?: string };
		if (thrown.status === 303 && thrown.location?.startsWith('/login')) return 'login';
		if (thrown.status === 303) return 'allowed';
		if (thrown.status === 404) return 'not_found';
		if (thrown.status === 403) return 'forbidden';
		throw e;
	}
}

describe('meeting rights (routes and domain)', () => {
	const world = useMeetingWorld();
	let id: string;

	beforeEach(async () => {
		id = await makeMeeting(world.database, world, { agenda: '1. Velkomst' });
		await saveMinutes(world.db, world.secretariat, id, 'Referatets tekst');
	});

	function attempt(action: Action, user: SessionUser | null) {
		const at = (path: string, fields?: Record<string, string | string[]>) =>
			fakeEvent(path, user, { id }, fields);
		const detail = () => detailPage.load(at(`/moeder/${id}`) as never);
		switch (action) {
			case 'readAgenda':
				return outcome(detail, (d) =>
					String((d.meeting as { agendaHtml: string }).agendaHtml).includes('Velkomst')
				);
			case 'readMinutes':
				return outcome(detail, (d) =>
					String((d.meeting as { minutesHtml: string }).minutesHtml).includes('Referatets tekst')
				);
			case 'editAgenda':
				return outcome(
					() =>
						agendaPage.actions.default(
							at(`/moeder/${id}/dagsorden`, { agenda: 'Ny', invited: [world.org.partner] })
						),
					() => true
				);
			case 'attendance':
				return outcome(
					() =>
						attendancePage.actions.default(
							at(`/moeder/${id}/fremmoede`, { present: [world.org.partner] })
						),
					() => true
				);
			case 'minutes':
				return outcome(
					() => minutesPage.actions.default(at(`/moeder/${id}/referat`, { minutes: 'Nyt' })),
					() => true
				);
			case 'planNext':
				return outcome(
					() => newPage.load(fakeEvent(`/moeder/ny?efter=${id}`, user, {}) as never),
					(d) => (d.values as Record<string, unknown>).previousActivityId === id
				);
		}
	}

	for (const role of MEETING_ROLES) {
		for (const action of ACTIONS) {
			const expected = EXPECTED[role][action];
			it(`${role} × ${action}: ${expected}`, async () => {
				const before = await meetingRowCounts(world.db);
				expect(await attempt(action, world.users[role])).toBe(expected);
				if (expected !== 'allowed') {
					expect(await meetingRowCounts(world.db)).toEqual(before);
				}
			});
		}
	}

	describe('domain functions check rights themselves', () => {
		const writes = (user: SessionUser) => [
			() => updateAgenda(world.db, user, id, { agenda: 'x', invited: [world.org.partner] }),
			() => setAttendance(world.db, user, id, [world.org.partner]),
			() => saveMinutes(world.db, user, id, 'x'),
			() => planNextMeeting(world.db, user, id)
		];

		it('refuses an invited member (forbidden) and changes nothing', async () => {
			const user = world.users.invitedMember!;
			for (const write of writes(user)) {
				const result = await write();
				expect(result).toMatchObject({ ok: false, reason: 'forbidden' });
			}
			const row = await world.db
				.selectFrom('meeting')
				.select(['agenda', 'minutes'])
				.where('activityId', '=', id)
				.executeTakeFirstOrThrow();
			expect(row).toEqual({ agenda: '1. Velkomst', minutes: 'Referatets tekst' });
		});

		it('answers not found to a member of an organisation that is not invited', async () => {
			for (const write of writes(world.users.otherMember!)) {
				expect(await write()).toMatchObject({ ok: false, reason: 'not_found' });
			}
		});
	});
});
