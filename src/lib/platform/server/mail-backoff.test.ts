import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAfter, retryDelayAfter } from './mail-backoff';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('mail-backoff', () => {
	describe('retryDelayAfter', () => {
		it('waits 1 min, 5 min, 30 min, 2 h and 12 h after the first five failed tries', () => {
			expect([1, 2, 3, 4, 5].map(retryDelayAfter)).toEqual([
				1 * MINUTE,
				5 * MINUTE,
				30 * MINUTE,
				2 * HOUR,
				12 * HOUR
			]);
		});

		it('gives up after the sixth try', () => {
			expect(MAX_ATTEMPTS).toBe(6);
			expect(retryDelayAfter(6)).toBeNull();
			expect(retryDelayAfter(7)).toBeNull();
		});

		it('refuses a try number that cannot be', () => {
			expect(() => retryDelayAfter(0)).toThrow();
			expect(() => retryDelayAfter(1.5)).toThrow();
		});
	});

	describe('nextAttemptAfter', () => {
		it('adds the wait to the time of the failed try', () => {
			const at = new Date('2026-12-06T10:00:00Z');
			expect(nextAttemptAfter(1, at)?.toISOString()).toBe('2026-12-06T10:01:00.000Z');
			expect(nextAttemptAfter(5, at)?.toISOString()).toBe('2026-12-06T22:00:00.000Z');
			expect(nextAttemptAfter(6, at)).toBeNull();
		});

		it('spreads the six tries over about 14 and a half hours', () => {
			let at = new Date('2026-12-06T10:00:00Z');
			const tries = [at];
			for (let attempt = 1; ; attempt++) {
				const next = nextAttemptAfter(attempt, at);
				if (!next) break;
				tries.push((at = next));
			}
			expect(tries).toHaveLength(MAX_ATTEMPTS);
			expect(tries.at(-1)!.getTime() - tries[0].getTime()).toBe(14 * HOUR + 36 * MINUTE);
		});
	});
});
