import type { Actor } from '$lib/auth';
import { m } from '$lib/paraglide/messages.js';

export interface NavItem {
	href: string;
	label: () => string;
	/** Shown only to logged-in users. */
	requiresLogin?: boolean;
	/** Which count from the layout's badges to show beside the label. */
	badge?: 'bookingsWaiting';
	/** Shown only to the secretariat and to members of organisations of these kinds. */
	forKinds?: readonly string[];
}

// Later features plug in here; an item is listed once its pages exist.
export const NAV_ITEMS: NavItem[] = [
	{ href: '/aarshjul', label: m.nav_wheel },
	{ href: '/kalender', label: m.nav_calendar },
	{ href: '/tilbud', label: m.nav_offers },
	{ href: '/bookinger', label: m.nav_bookings, requiresLogin: true, badge: 'bookingsWaiting' },
	{ href: '/feeds', label: m.nav_feeds, requiresLogin: true },
	{
		href: '/praktikfordeling',
		label: m.nav_allocation,
		requiresLogin: true,
		forKinds: ['municipality', 'school']
	},
	{ href: '/alliancen', label: m.nav_alliance },
	{ href: '/ferier', label: m.holiday_title },
	{ href: '/organisationer', label: m.nav_organisations }
];

/**
 * The items this user (null: a visitor) sees; each page checks its rights again, this only hides
 * doors.
 */
export function visibleNavItems(user: Actor | null, items: readonly NavItem[] = NAV_ITEMS) {
	return items.filter((item) => {
		if (item.requiresLogin && !user) return false;
		if (!item.forKinds) return true;
		return (
			!!user &&
			(user.isSecretariat || user.memberships.some((ms) => item.forKinds!.includes(ms.kind)))
		);
	});
}

export function isCurrent(pathname: string, href: string): boolean {
	return pathname === href || pathname.startsWith(`${href}/`);
}
