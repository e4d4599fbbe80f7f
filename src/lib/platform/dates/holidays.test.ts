import { describe, expect, it } from 'vitest';
import { danishPublicHolidays, isPublicHoliday, publicHolidayOn } from './holidays';

describe('holidays', () => {
	describe('danishPublicHolidays', () => {
		it('lists the public holidays of 2027 in date order', () => {
			expect(danishPublicHolidays('2027-01-01', '2027-12-31').map((h) => h.date)).toEqual([
				'2027-01-01',
				'2027-03-25',
				'2027-03-26',
				'2027-03-28',
				'2027-03-29',
				'2027-05-06',
				'2027-05-16',
				'2027-05-17',
				'2027-12-25',
				'2027-12-26'
			]);
		});
		it('names the holidays in Danish', () => {
			const names = danishPublicHolidays('2027-03-25', '2027-03-29').map((h) => h.name);
			expect(names).toEqual(['Skærtorsdag', 'Langfredag', 'Påskedag', 'Anden påskedag']);
		});
		it('leaves out observances such as juleaftensdag and grundlovsdag', () => {
			expect(danishPublicHolidays('2027-06-05', '2027-06-05')).toEqual([]);
			expect(danishPublicHolidays('2027-12-24', '2027-12-24')).toEqual([]);
		});
		it('spans several calendar years', () => {
			const dates = danishPublicHolidays('2026-12-25', '2027-01-01').map((h) => h.date);
			expect(dates).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
		});
	});

	describe('isPublicHoliday', () => {
		it('does not count store bededag from 2024 on', () => {
			expect(isPublicHoliday('2027-04-23')).toBe(false);
			expect(isPublicHoliday('2024-04-26')).toBe(false);
			expect(
				danishPublicHolidays('2024-01-01', '2030-12-31').some((h) => /bededag/i.test(h.name))
			).toBe(false);
		});
		it('still counts store bededag in 2023', () => {
			expect(publicHolidayOn('2023-05-05')?.name).toBe('Store Bededag');
		});
		it('recognises Kristi himmelfartsdag and pinse 2027', () => {
			expect(isPublicHoliday('2027-05-06')).toBe(true);
			expect(isPublicHoliday('2027-05-16')).toBe(true);
			expect(isPublicHoliday('2027-05-17')).toBe(true);
			expect(isPublicHoliday('2027-05-18')).toBe(false);
		});
	});
});
