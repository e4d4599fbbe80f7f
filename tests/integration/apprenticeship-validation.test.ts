import { describe, expect, it } from 'vitest';
import {
	allianceYearChoices,
	commitmentSchema,
	openingSchema,
	parseAllianceYear
} from '../../src/lib/apprenticeship/schema';
import { commitmentFields, openingFields } from './apprenticeship-fixtures';

describe('validation/apprenticeship', () => {
	describe('commitmentSchema', () => {
		it('trims, lowercases the e-mail and drops repeated trades', () => {
			const parsed = commitmentSchema.parse(
				commitmentFields({ trades: ['smed', 'smed'], contactEmail: ' Anna@Alfa.DK ' })
			);
			expect(parsed).toMatchObject({ trades: ['smed'], contactEmail: 'anna@alfa.dk' });
		});

		it.each([['smed; drop table'], ['SMED'], ['']])('refuses the trade code %j', (code) => {
			const result = commitmentSchema.safeParse(commitmentFields({ trades: [code] }));
			expect(result.success).toBe(false);
			expect(result.error?.issues[0].message).toBe('Vælg et fag fra listen');
		});

		it('refuses a note longer than 2000 characters', () => {
			const result = commitmentSchema.safeParse(commitmentFields({ note: 'x'.repeat(2001) }));
			expect(result.error?.issues[0].message).toBe('Må højst være 2000 tegn');
		});
	});

	describe('openingSchema', () => {
		it('turns the positions into a number and defaults the status to open', () => {
			const { status, ...fields } = openingFields({ positions: ' 12 ' });
			void status;
			expect(openingSchema.parse(fields)).toMatchObject({ positions: 12, status: 'open' });
		});

		it('requires a start date', () => {
			const result = openingSchema.safeParse(openingFields({ startDate: '' }));
			expect(result.error?.issues[0]).toMatchObject({
				path: ['startDate'],
				message: 'Skal udfyldes'
			});
		});
	});

	describe('parseAllianceYear', () => {
		it('defaults to the current school year in Copenhagen', () => {
			expect(parseAllianceYear(null, '2026-07-31')).toBe('2025/26');
			expect(parseAllianceYear('', '2026-08-01')).toBe('2026/27');
		});

		it('accepts a well-formed year and refuses the rest', () => {
			expect(parseAllianceYear(' 2027/28 ', '2026-11-27')).toBe('2027/28');
			for (const bad of ['2026/28', '26/27', '2026-27', '1999/00', '2099/00']) {
				expect(parseAllianceYear(bad, '2026-11-27')).toBeNull();
			}
		});

		it('offers two years back and one ahead, plus the chosen one', () => {
			expect(allianceYearChoices('2026-11-27', '2030/31')).toEqual([
				'2024/25',
				'2025/26',
				'2026/27',
				'2027/28',
				'2030/31'
			]);
		});
	});
});
