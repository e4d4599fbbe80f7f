import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntityHref, auditTypeChoices, auditTypeLabel } from './labels';

/** Every entityType the domain modules log (entityType: '…' in src/lib/<domain>/server). */
function loggedTypes(): string[] {
	const lib = join(process.cwd(), 'src/lib');
	const files = readdirSync(lib, { recursive: true, encoding: 'utf8' }).filter(
		(f) => /(^|\/)server\//.test(f) && f.endsWith('.ts') && !f.endsWith('.test.ts')
	);
	const types = new Set<string>();
	for (const file of files) {
		for (const match of readFileSync(join(lib, file), 'utf8').matchAll(/entityType: '(\w+)'/g))
			types.add(match[1]);
	}
	return [...types];
}

describe('audit-labels', () => {
	describe('auditTypeLabel', () => {
		it('has a Danish label for every type a domain module logs', () => {
			const types = loggedTypes();
			expect(types.length).toBeGreaterThan(10);
			for (const type of types)
				expect(auditTypeLabel(type), type).not.toBe(type.replace(/_/g, ' '));
		});
	});

	describe('auditTypeChoices', () => {
		it('offers exactly the types the domain modules log, none missing, none extra', () => {
			const offered = auditTypeChoices('da').map((c) => c.value);
			expect(offered.sort()).toEqual(loggedTypes().sort());
		});

		it('sorts by the Danish label, with æ, ø and å after z', () => {
			const labels = auditTypeChoices('da').map((c) => c.label);
			// Not by key: activity, alliance_commitment, apprenticeship_opening … would come first.
			expect(labels.slice(0, 3)).toEqual(['Aktivitet', 'Booking', 'Evaluering']);
			expect(labels.indexOf('Medlemskab')).toBeLessThan(labels.indexOf('Møde'));
			// Danish order, not English (which reads å as a and puts Skoleår first).
			expect(labels.indexOf('Skoleferie')).toBeLessThan(labels.indexOf('Skoleår'));
		});

		it('labels and sorts in English for English readers', () => {
			const choices = auditTypeChoices('en');
			expect(choices.slice(0, 4).map((c) => c.label)).toEqual([
				'Activity',
				'Apprenticeship alliance commitment',
				'Apprenticeship opening',
				'Booking'
			]);
			expect(choices.find((c) => c.value === 'meeting')?.label).toBe('Meeting');
		});
	});

	describe('auditEntityHref', () => {
		it('links meetings and openings to their pages, and nothing for a feed', () => {
			expect(auditEntityHref('meeting', 'abc')).toBe('/moeder/abc');
			expect(auditEntityHref('apprenticeship_opening', 'x')).toBe('/laerepladsalliance/opslag/x');
			expect(auditEntityHref('feed', 'x')).toBeNull();
		});
	});
});
