import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeed } from '../../src/lib/feeds/server/feed';
import { setFeedCacheTtl } from '../../src/lib/feeds/server/cache';
import { cancelActivity, moveActivity } from '../../src/lib/activities/server/activity';
import { insertActivity, useActivityWorld } from './activity-fixtures';
import {
	copenhagenWallTime,
	insertOfferWithBooking,
	longestLineOctets,
	ORIGIN,
	parseFeed
} from './feed-fixtures';

describe('feed', () => {
	const world = useActivityWorld();
	const schoolFeed = (now?: Date) =>
		buildFeed(
			world.db,
			{ scope: 'school', organisationId: world.org.school },
			{ origin: ORIGIN, now }
		);

	beforeAll(() => {
		setFeedCacheTtl(0);
	});

	const timed = (title: string, date: string) =>
		insertActivity(world.db, {
			ownerId: world.org.school,
			categoryId: world.category.moede,
			title,
			startDate: date,
			endDate: date,
			startTime: '10:00:00',
			endTime: '11:30:00'
		});

	describe('buildFeed', () => {
		it('keeps 10:00 in Copenhagen after both DST changes, whatever the server zone', async () => {
			await timed('Efter vintertid', '2026-10-26');
			await timed('Efter sommertid', '2027-03-30');
			const feed = await schoolFeed(new Date('2026-10-01T12:00:00Z'));
			const { events } = parseFeed(feed!.body);
			const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
			expect(copenhagenWallTime(byTitle['Efter vintertid'].start)).toBe('26/10/2026, 10:00');
			expect(copenhagenWallTime(byTitle['Efter sommertid'].start)).toBe('30/03/2027, 10:00');
			expect(copenhagenWallTime(byTitle['Efter sommertid'].end)).toBe('30/03/2027, 11:30');
			// The instants themselves: CET is UTC+1, CEST UTC+2.
			expect(byTitle['Efter vintertid'].start.toJSDate().toISOString()).toBe(
				'2026-10-26T09:00:00.000Z'
			);
			expect(byTitle['Efter sommertid'].start.toJSDate().toISOString()).toBe(
				'2027-03-30T08:00:00.000Z'
			);
			expect(feed!.body).toContain('DTSTART;TZID=Europe/Copenhagen:20261026T100000');
			expect(feed!.body).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Copenhagen/);
			expect(feed!.body).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
			expect(feed!.body).toMatch(/LAST-MODIFIED:\d{8}T\d{6}Z\r\n/);
			expect(feed!.body).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
			expect(feed!.body).toContain('X-PUBLISHED-TTL:PT1H');
			expect(feed!.body).toContain('X-WR-CALNAME:Årshjul – Byskolen');
		});

		it('writes a Monday–Friday erhvervspraktik as dates ending the next Saturday', async () => {
			await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.praktik,
				title: 'Erhvervspraktik uge 6',
				startDate: '2027-02-08',
				endDate: '2027-02-12'
			});
			const feed = await schoolFeed(new Date('2027-01-04T12:00:00Z'));
			expect(feed!.body).toContain('DTSTART;VALUE=DATE:20270208\r\n');
			expect(feed!.body).toContain('DTEND;VALUE=DATE:20270213\r\n');
			const [event] = parseFeed(feed!.body).events;
			expect(event.start.isDate).toBe(true);
			expect(event.start.toString()).toBe('2027-02-08');
			expect(event.end.toString()).toBe('2027-02-13');
		});

		it('keeps the UID of a moved activity and raises its SEQUENCE', async () => {
			const id = await timed('Flyttes', '2027-02-10');
			const before = parseFeed((await schoolFeed())!.body).events[0];
			const moved = await moveActivity(world.db, world.users.ownerMember!, id, '2027-02-17');
			expect(moved.ok).toBe(true);
			const after = parseFeed((await schoolFeed())!.body).events[0];
			expect(after.uid).toBe(before.uid);
			expect(after.uid).toBe(`activity-${id}@aarshjul`);
			expect(after.sequence).toBeGreaterThan(before.sequence);
			expect(after.start.toString()).toContain('2027-02-17');
		});

		it('sends a cancelled activity as CANCELLED for 60 days, then leaves it out', async () => {
			const id = await timed('Aflyses', '2027-05-10');
			expect((await cancelActivity(world.db, world.users.ownerAdmin!, id)).ok).toBe(true);
			const now = Date.now();
			const soon = parseFeed((await schoolFeed(new Date(now + 59 * 86_400_000)))!.body).events;
			expect(soon).toHaveLength(1);
			expect(soon[0].status).toBe('CANCELLED');
			expect(soon[0].raw.toString()).toContain('STATUS:CANCELLED');
			const later = parseFeed((await schoolFeed(new Date(now + 61 * 86_400_000)))!.body).events;
			expect(later).toHaveLength(0);
		});

		it('never holds a private activity of another organisation', async () => {
			await insertActivity(world.db, {
				ownerId: world.org.smedCompany,
				categoryId: world.category.moede,
				title: 'Hemmeligt møde',
				visibility: 'private'
			});
			await insertActivity(world.db, {
				ownerId: world.org.smedCompany,
				categoryId: world.category.moede,
				title: 'Privat med skolen',
				visibility: 'private',
				participants: [world.org.school]
			});
			const titles = parseFeed((await schoolFeed())!.body).events.map((e) => e.summary);
			expect(titles).toEqual(['Privat med skolen']);
			const company = await buildFeed(
				world.db,
				{ scope: 'company', organisationId: world.org.techCompany },
				{ origin: ORIGIN }
			);
			expect(parseFeed(company!.body).events).toHaveLength(0);
		});

		it('holds alliance-wide events whoever takes part, not another school’s private plans', async () => {
			await insertActivity(world.db, {
				ownerId: world.org.partner,
				categoryId: world.category.moede,
				title: 'Alliancemøde',
				visibility: 'alliance'
			});
			// A co-organiser named as taking part does not make it any less the alliance's.
			await insertActivity(world.db, {
				ownerId: world.org.partner,
				categoryId: world.category.moede,
				title: 'Kampagne med medarrangør',
				visibility: 'public',
				participants: [world.org.techCompany]
			});
			await insertActivity(world.db, {
				ownerId: world.org.odderSchool,
				categoryId: world.category.moede,
				title: 'Odder Skoles åbne dag',
				visibility: 'alliance'
			});
			await insertActivity(world.db, {
				ownerId: world.org.odderSchool,
				categoryId: world.category.moede,
				title: 'Odder Skoles forældremøde',
				visibility: 'private'
			});
			const titles = parseFeed((await schoolFeed())!.body).events.map((e) => e.summary);
			expect(titles.sort()).toEqual([
				'Alliancemøde',
				'Kampagne med medarrangør',
				'Odder Skoles åbne dag'
			]);
		});

		it('sends a course on three mornings as three morning events across the DST change', async () => {
			// 27–29 March 2027: summer time starts on the 28th.
			await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.moede,
				title: 'Svejsekursus',
				startDate: '2027-03-27',
				endDate: '2027-03-29',
				startTime: '09:00:00',
				endTime: '12:00:00'
			});
			const { events } = parseFeed((await schoolFeed(new Date('2027-03-01T12:00:00Z')))!.body);
			const course = events.filter((e) => e.summary === 'Svejsekursus');
			expect(course.map((e) => [copenhagenWallTime(e.start), copenhagenWallTime(e.end)])).toEqual([
				['27/03/2027, 09:00', '27/03/2027, 12:00'],
				['28/03/2027, 09:00', '28/03/2027, 12:00'],
				['29/03/2027, 09:00', '29/03/2027, 12:00']
			]);
			expect(new Set(course.map((e) => e.uid)).size).toBe(3);
		});

		it('shows bookings with their status and the provider sees the class and teacher', async () => {
			const visit = await insertActivity(world.db, {
				ownerId: world.org.smedCompany,
				categoryId: world.category.praktik,
				title: 'Besøg på smedjen',
				visibility: 'alliance',
				startDate: '2027-03-03',
				endDate: '2027-03-03',
				startTime: '09:00:00',
				endTime: '11:00:00'
			});
			const { bookingId } = await insertOfferWithBooking(world.db, {
				activityId: visit,
				schoolId: world.org.school,
				status: 'requested'
			});
			const tentative = parseFeed((await schoolFeed())!.body).events;
			expect(tentative.map((e) => [e.uid, e.status])).toEqual([
				[`booking-${bookingId}@aarshjul`, 'TENTATIVE']
			]);
			await world.db
				.updateTable('booking')
				.set({ status: 'confirmed', updatedAt: new Date() })
				.where('id', '=', bookingId)
				.execute();
			const confirmed = parseFeed((await schoolFeed())!.body).events[0];
			expect(confirmed.status).toBe('CONFIRMED');
			expect(confirmed.sequence).toBeGreaterThan(tentative[0].sequence);
			const provider = await buildFeed(
				world.db,
				{ scope: 'company', organisationId: world.org.smedCompany },
				{ origin: ORIGIN }
			);
			const body = provider!.body.replace(/\r\n /g, '');
			expect(body).toContain(
				'Byskolen\\, 8.b: 24 elever\\, lærer Åse Ølgaard <aase@skole.example> (bekræftet)'
			);
			expect(parseFeed(provider!.body).events).toHaveLength(1);
		});

		it('keeps æøå intact and folds every line at 75 octets', async () => {
			await insertActivity(world.db, {
				ownerId: world.org.school,
				categoryId: world.category.moede,
				title: 'Årsmøde på Ølstykke Ærø ' + 'æøå'.repeat(40),
				description: 'Blåbærgrød '.repeat(30)
			});
			const feed = await schoolFeed(new Date('2027-01-04T12:00:00Z'));
			expect(longestLineOctets(feed!.body)).toBeLessThanOrEqual(75);
			const [event] = parseFeed(feed!.body).events;
			expect(event.summary).toBe('Årsmøde på Ølstykke Ærø ' + 'æøå'.repeat(40));
			expect(String(event.raw.getFirstPropertyValue('description'))).toContain(
				'Blåbærgrød '.repeat(30).trim()
			);
		});
	});
});
