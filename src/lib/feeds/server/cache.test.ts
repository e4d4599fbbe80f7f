import { describe, expect, it } from 'vitest';
import { cacheBody, cachedBody, clearFeedCache, setFeedCacheTtl } from './cache';
import { renderCalendar, renderedEventCount, type FeedEvent } from './ical';

// No cliffs as a feed grows: a large feed's events and body stay cached.

const event = (i: number): FeedEvent => ({
	uid: `activity-${i}@aarshjul`,
	sequence: 0,
	summary: `Besøg nr. ${i}`,
	startDate: '2027-03-30',
	endDate: '2027-03-30',
	startTime: '10:00:00',
	endTime: '12:00:00',
	status: 'CONFIRMED',
	location: 'Ørtingvej 4, 8350 Hundslund',
	description: 'Eleverne møder lærlinge og ser værkstedet.',
	categories: ['Virksomhedsbesøg'],
	url: null,
	modifiedAt: new Date(0)
});

describe('feeds/cache', () => {
	describe('renderEvent cache', () => {
		it('keeps every event of a feed of 21,000 events', () => {
			const events = Array.from({ length: 21_000 }, (_, i) => event(i));
			const before = renderedEventCount();
			renderCalendar({ name: 'Stor', events });
			expect(renderedEventCount() - before).toBe(21_000);
		});
	});

	describe('cacheBody', () => {
		it('keeps a body of 12 M characters (a feed of ~17,000 events)', () => {
			setFeedCacheTtl(2000);
			clearFeedCache();
			const text = 'x'.repeat(12 * 1024 * 1024);
			cacheBody('"big"', { text, bytes: text.length, gzip: null });
			expect(cachedBody('"big"')?.text.length).toBe(text.length);
			clearFeedCache();
		});
	});
});
