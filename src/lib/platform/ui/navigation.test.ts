import { describe, expect, it } from 'vitest';
import type { Actor, ActorMembership } from '$lib/auth';
import { actor, secretariat } from '../../../../tests/helpers/actor';
import { visibleNavItems } from './navigation';

const hrefs = (user: Actor | null) => visibleNavItems(user).map((item) => item.href);
const member = (kind: ActorMembership['kind']) => actor([{ kind }]);

describe('platform/ui/navigation', () => {
	describe('visibleNavItems', () => {
		it('shows praktikfordeling to the secretariat, municipalities and schools', () => {
			expect(hrefs(secretariat)).toContain('/praktikfordeling');
			expect(hrefs(member('municipality'))).toContain('/praktikfordeling');
			expect(hrefs(member('school'))).toContain('/praktikfordeling');
		});

		it('hides praktikfordeling from companies, other partners and visitors', () => {
			expect(hrefs(member('company'))).not.toContain('/praktikfordeling');
			expect(hrefs(member('museum'))).not.toContain('/praktikfordeling');
			expect(hrefs(null)).not.toContain('/praktikfordeling');
		});

		it('keeps login-only items from visitors and shows the public ones', () => {
			expect(hrefs(null)).not.toContain('/bookinger');
			expect(hrefs(null)).toContain('/aarshjul');
		});
	});
});
