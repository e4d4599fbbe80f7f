import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntityHref, auditTypeLabel } from '../../src/lib/audit-labels';

/** Every entityType the domain modules log (entityType: '…' in src/lib/server). */
function loggedTypes(): string[] {
	const dir = join(process.cwd(), 'src/lib/server');
	const types = new Set<string>();
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
		for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/entityType: '(\w+)'/g))
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

	describe('auditEntityHref', () => {
		it('links meetings and openings to their pages, and nothing for a feed', () => {
			expect(auditEntityHref('meeting', 'abc')).toBe('/moeder/abc');
			expect(auditEntityHref('apprenticeship_opening', 'x')).toBe('/laerepladsalliance/opslag/x');
			expect(auditEntityHref('feed', 'x')).toBeNull();
		});
	});
});
