import { m } from '$lib/paraglide/messages.js';

export interface NavItem {
	href: string;
	label: () => string;
	/** Shown only to logged-in users. */
	requiresLogin?: boolean;
	/** Which count from the layout's badges to show beside the label. */
	badge?: 'bookingsWaiting';
}

// Later features plug in here; an item is listed once its pages exist.
export const NAV_ITEMS: NavItem[] = [
	{ href: '/aarshjul', label: m.nav_wheel },
	{ href: '/kalender', label: m.nav_calendar },
	{ href: '/tilbud', label: m.nav_offers },
	{ href: '/bookinger', label: m.nav_bookings, requiresLogin: true, badge: 'bookingsWaiting' },
	{ href: '/feeds', label: m.nav_feeds, requiresLogin: true },
	{ href: '/alliancen', label: m.nav_alliance },
	{ href: '/ferier', label: m.holiday_title },
	{ href: '/organisationer', label: m.nav_organisations }
];

export function isCurrent(pathname: string, href: string): boolean {
	return pathname === href || pathname.startsWith(`${href}/`);
}
