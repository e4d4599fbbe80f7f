import { beforeEach, describe, expect, it } from 'vitest';
import { mailSoonChanges } from '../../src/lib/feeds/server/soon-changes';
import { cancelActivity, moveActivity } from '../../src/lib/activities/server/changes';
import { book, makeOffer, visitFields, useBookingWorld } from './booking-fixtures';

// The visit takes place on 10 February 2027, 09:00–11:00 (Copenhagen).
const THE_DAY_BEFORE = new Date('2027-02-09T10:00:00Z');
const A_MONTH_BEFORE = new Date('2027-01-10T10:00:00Z');

describe('feeds/soon-changes', () => {
	const world = useBookingWorld();
	let activityId: string;

	beforeEach(async () => {
		const offerId = await makeOffer(world.db, world, visitFields(world));
		await book(world.db, world, offerId);
		activityId = (
			await world.db
				.selectFrom('offer')
				.select('activityId')
				.where('id', '=', offerId)
				.executeTakeFirstOrThrow()
		).activityId;
		await world.db.deleteFrom('outbox').execute();
	});

	const outbox = () =>
		world.db
			.selectFrom('outbox')
			.select(['toAddress', 'subject', 'bodyText'])
			.orderBy('toAddress')
			.execute();

	describe('mailSoonChanges', () => {
		it('mails a cancellation within 48 hours to the booking’s teacher and the provider’s contact', async () => {
			const cancelled = await cancelActivity(world.db, world.users.secretariat!, activityId);
			expect(cancelled.ok).toBe(true);
			expect(await mailSoonChanges(world.db, THE_DAY_BEFORE)).toBe(2);
			const mails = await outbox();
			expect(mails.map((m) => m.toAddress)).toEqual(['lars@smedjen.dk', 'rasmus@byskolen.dk']);
			expect(mails[0].subject).toBe('Aflyst inden for 48 timer: Besøg på smedjen');
			expect(mails[0].bodyText).toContain('»Besøg på smedjen« er blevet aflyst.');
			expect(mails[0].bodyText).toContain('Google Kalender henter ændringer hver 8.–24. time');
			// Each change is mailed once.
			expect(await mailSoonChanges(world.db, THE_DAY_BEFORE)).toBe(0);
			expect(await outbox()).toHaveLength(2);
		});

		it('mails a change of time with before and after', async () => {
			await world.db
				.updateTable('activity')
				.set({ startTime: '12:00', endTime: '14:00' })
				.where('id', '=', activityId)
				.execute();
			expect(await mailSoonChanges(world.db, THE_DAY_BEFORE)).toBe(2);
			const [mail] = await outbox();
			expect(mail.subject).toBe('Ændret inden for 48 timer: Besøg på smedjen');
			expect(mail.bodyText).toMatch(/Før: 10\. feb\. 2027 \(uge 6\) kl\. 9\.00–11\.00, Stålgade 1/);
			expect(mail.bodyText).toMatch(/Nu: 10\. feb\. 2027 \(uge 6\) kl\. 12\.00–14\.00/);
		});

		it('sends nothing for a change further ahead, and does not send it later either', async () => {
			await cancelActivity(world.db, world.users.secretariat!, activityId);
			expect(await mailSoonChanges(world.db, A_MONTH_BEFORE)).toBe(0);
			expect(await mailSoonChanges(world.db, THE_DAY_BEFORE)).toBe(0);
			expect(await outbox()).toHaveLength(0);
		});

		it('mails a move out of the next 48 hours (the old date was close at hand)', async () => {
			const moved = await moveActivity(
				world.db,
				world.users.secretariat!,
				activityId,
				'2027-03-10'
			);
			expect(moved.ok).toBe(true);
			expect(await mailSoonChanges(world.db, THE_DAY_BEFORE)).toBe(2);
		});

		it('ignores edits that change neither time, place nor status', async () => {
			await world.db
				.updateTable('activity')
				.set({ description: 'Husk sko' })
				.where('id', '=', activityId)
				.execute();
			expect(await mailSoonChanges(world.db, THE_DAY_BEFORE)).toBe(0);
		});
	});
});
