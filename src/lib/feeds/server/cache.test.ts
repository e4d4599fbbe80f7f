import { describe, expect, it } from 'vitest';
import { cacheBody, cachedBody, clearFeedCache, setFeedCacheTtl } from './cache';
import { renderCalendar, renderedEventCount, renderEvent, type FeedEvent } from './ical';

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

	describe('renderEvent', () => {
		it('renders again when any field changes, and not when nothing did', () => {
			const base = { ...event(900_001), uid: 'cache-fields@aarshjul' };
			const first = renderEvent(base);
			const count = renderedEventCount();
			expect(renderEvent({ ...base, categories: [...base.categories] })).toBe(first);
			expect(renderedEventCount()).toBe(count);
			const changed: Partial<FeedEvent>[] = [
				{ summary: 'Andet besøg' },
				{ startTime: '11:00:00' },
				{ status: 'CANCELLED' },
				{ description: 'Ny tekst' },
				{ categories: ['Erhvervspraktik'] },
				{ url: 'https://aarshjul.example/aktiviteter/x' },
				{ modifiedAt: new Date(1000) }
			];
			for (const change of changed) {
				const text = renderEvent({ ...base, ...change });
				expect(text, JSON.stringify(change)).not.toBe(first);
			}
		});

		it('keeps a few renderings of one uid side by side (one feed per origin or choice)', () => {
			const a = { ...event(900_002), uid: 'cache-variants@aarshjul', url: 'https://a.example/x' };
			const b = { ...a, url: 'https://b.example/x' };
			renderEvent(a);
			renderEvent(b);
			const count = renderedEventCount();
			renderEvent(a);
			renderEvent(b);
			expect(renderedEventCount()).toBe(count);
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
