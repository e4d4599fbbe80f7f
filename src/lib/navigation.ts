import { m } from '$lib/paraglide/messages.js';

export interface NavItem {
	href: string;
	label: () => string;
	/** Shown only to logged-in users. */
	requiresLogin?: boolean;
}

// Later features plug in here; an item is listed once its pages exist.
export const NAV_ITEMS: NavItem[] = [
	{ href: '/aarshjul', label: m.nav_wheel },
	{ href: '/kalender', label: m.nav_calendar },
	{ href: '/ferier', label: m.holiday_title },
	{ href: '/organisationer', label: m.nav_organisations }
];

export function isCurrent(pathname: string, href: string): boolean {
	return pathname === href || pathname.startsWith(`${href}/`);
}
