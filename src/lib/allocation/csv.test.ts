import { describe, expect, it } from 'vitest';
import { parseAgeGroup, parseWishCsv } from './csv';

const CONTEXT = {
	trades: [
		{ code: 'smed', nameDa: 'Smed' },
		{ code: 'industritekniker', nameDa: 'Industritekniker' }
	],
	placeIds: ['0a1b2c3d-0000-4000-8000-000000000001']
};
const HEADER =
	'klasse;pseudonym;fornavn;klassetrin;aldersgruppe;egen plads;ønske 1;ønske 2;ønske 3;ønske 4;ønske 5';

describe('allocation/csv', () => {
	describe('parseWishCsv', () => {
		it('reads Danish Excel output: BOM, semicolons, CRLF, trade names in any case, a place code', () => {
			const text = `\uFEFF${HEADER}\r\n8.B;8.B-07;Ida;8.;14+;;SMED;plads:0a1b2c3d;;;\r\n8.B;8.B-08;;8;13;ja;;;;;\r\n`;
			const result = parseWishCsv(text, CONTEXT);
			expect(result).toEqual({
				ok: true,
				pupils: [
					{
						pseudonym: '8.B-07',
						firstName: 'Ida',
						classLabel: '8.B',
						grade: 8,
						ageGroup: 'age14plus',
						ownPlace: false,
						wishes: [
							{ tradeCode: 'smed', offerId: null },
							{ tradeCode: null, offerId: CONTEXT.placeIds[0] }
						]
					},
					{
						pseudonym: '8.B-08',
						firstName: null,
						classLabel: '8.B',
						grade: 8,
						ageGroup: 'age13',
						ownPlace: true,
						wishes: []
					}
				]
			});
		});

		it('gives one Danish message per bad line and no pupils', () => {
			const text = [
				HEADER,
				'8.B;8.B-01;;8;14+;;smed',
				'8.B;8.b-01;;8;14+;;smed',
				'8.B;8.B-02;;8;14+;;bager',
				'8.B;8.B-03;;8;14+;;smed;industritekniker;a;b;c;d',
				'8.B;8.B-04',
				'8.B;8.B-05;;11;15;;smed',
				'8.B;8.B-06;;8;14+;;smed;;industritekniker',
				'8.B;8.B-07;Anne Marie;8;14+;;smed',
				'8.B;8.B-08;;8;14+;'
			].join('\n');
			const result = parseWishCsv(text, CONTEXT);
			expect(result.ok).toBe(false);
			const errors = result.ok ? [] : result.errors;
			expect(errors).toEqual([
				'Linje 3: pseudonymet 8.b-01 står allerede i linje 2.',
				'Linje 4: Ukendt fag eller plads: "bager".',
				'Linje 5: For mange ønsker: højst 5.',
				'Linje 5: Ukendt fag eller plads: "a".',
				'Linje 5: Ukendt fag eller plads: "b".',
				'Linje 5: Ukendt fag eller plads: "c".',
				'Linje 6: forkerte kolonner (2 felter; der skal være mindst 7).',
				'Linje 7: Klassetrinnet skal være et tal fra 0 til 10.',
				'Linje 7: Aldersgruppen skal være "under 13", "13" eller "14+".',
				'Linje 8: Ønskerne skal stå i rækkefølge uden tomme felter imellem.',
				'Linje 9: Fornavnet må være ét ord på højst 40 tegn (kun fornavn).',
				'Linje 10: Eleven har ingen ønsker og er ikke markeret med egen plads.'
			]);
		});

		it('refuses an empty file, a header-only file, a wrong header and more than 10 MB', () => {
			const message = (text: string) => {
				const r = parseWishCsv(text, CONTEXT);
				return r.ok ? '' : r.errors.join(' ');
			};
			expect(message('')).toMatch(/tom/);
			expect(message('\uFEFF\r\n')).toMatch(/tom/);
			expect(message(HEADER)).toMatch(/tom/);
			expect(message('navn;fag\nIda;smed')).toMatch(/Første linje/);
			expect(message(`${HEADER}\n${'x'.repeat(10 * 1024 * 1024)}`)).toMatch(/10 MB/);
		});
	});

	describe('parseAgeGroup', () => {
		it('reads the ways a school writes the three age groups', () => {
			expect(['under 13', '13', '14+', '14 og derover', 'x'].map(parseAgeGroup)).toEqual([
				'under13',
				'age13',
				'age14plus',
				'age14plus',
				null
			]);
		});
	});
});
