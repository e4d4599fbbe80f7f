import { describe, expect, it } from 'vitest';
import { classifyFeedClient, feedHealth } from './health';

describe('feeds/health', () => {
	describe('classifyFeedClient', () => {
		it.each([
			['Google-Calendar-Importer', 'google'],
			['Mozilla/5.0 (compatible; Google-Calendar-Importer; +http://www.google.com/)', 'google'],
			['Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)', 'microsoft'],
			[
				'Microsoft.Exchange/15.20 (Windows NT 10.0; Microsoft Windows NT 10.0.17763.0; en-US;)',
				'microsoft'
			],
			['Outlook-iOS/723.4027091.prod.iphone (4.2407.0)', 'microsoft'],
			['iOS/17.4.1 (21E236) dataaccessd/1.0', 'apple'],
			['macOS/14.4.1 (23E224) CalendarAgent/988', 'apple'],
			['Mac OS X/10.15.7 (19H2) CalendarAgent/954', 'apple'],
			['Thunderbird/115.9.0', 'other'],
			['curl/8.5.0', 'other'],
			['', 'other'],
			[null, 'other']
		] as const)('reads %j as %s', (ua, kind) => {
			expect(classifyFeedClient(ua)).toBe(kind);
		});
	});

	describe('feedHealth', () => {
		const now = new Date('2027-03-01T12:00:00Z');
		const created = new Date('2027-01-01T12:00:00Z');

		it('marks an address not fetched for 30 days, counting from its making when never fetched', () => {
			const base = { createdAt: created, lastClient: null, lastSize: null };
			expect(feedHealth({ ...base, lastFetchedAt: null }, now).stale).toBe(true);
			expect(
				feedHealth({ ...base, lastFetchedAt: new Date('2027-01-30T12:00:00Z') }, now).stale
			).toBe(true);
			expect(
				feedHealth({ ...base, lastFetchedAt: new Date('2027-01-31T12:00:01Z') }, now).stale
			).toBe(false);
			expect(
				feedHealth({ ...base, lastFetchedAt: null, createdAt: new Date('2027-02-20') }, now).stale
			).toBe(false);
		});

		it('gives the size as a share of Google’s 1 MB limit', () => {
			const row = { createdAt: created, lastFetchedAt: now, lastClient: 'google' as const };
			expect(feedHealth({ ...row, lastSize: 250_000 }, now).sizePercent).toBe(25);
			expect(feedHealth({ ...row, lastSize: 1_200_000 }, now).sizePercent).toBe(120);
			expect(feedHealth({ ...row, lastSize: null }, now).sizePercent).toBeNull();
		});
	});
});
