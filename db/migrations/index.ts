import type { Migration } from 'kysely';
import * as m20261127000000 from './2026_11_27_000000_create_foundation';
import * as m20261127010000 from './2026_11_27_010000_create_activity_series';
import * as m20261127020000 from './2026_11_27_020000_create_offers_and_bookings';
import * as m20261127030000 from './2026_11_27_030000_create_feeds';
import * as m20261127040000 from './2026_11_27_040000_create_alliance_work';
import * as m20261205000000 from './2026_12_05_000000_outbox_retry';
import * as m20261206000000 from './2026_12_06_000000_create_app_secret';
import * as m20261206010000 from './2026_12_06_010000_create_feed_version';
import * as m2026120730 from './2026_12_07_30_create_allocation';
import * as m2026120740 from './2026_12_07_40_oidc_login';
import * as m2026120750 from './2026_12_07_50_feed_health_members_changes';
import * as m2026120810 from './2026_12_08_10_create_school_pupil_count';

// A SvelteKit build does not ship files read at run time, so migrations are a static record.
// Add each new migration here; never edit one that has shipped.
export const migrations: Record<string, Migration> = {
	'2026_11_27_000000_create_foundation': m20261127000000,
	'2026_11_27_010000_create_activity_series': m20261127010000,
	'2026_11_27_020000_create_offers_and_bookings': m20261127020000,
	'2026_11_27_030000_create_feeds': m20261127030000,
	'2026_11_27_040000_create_alliance_work': m20261127040000,
	'2026_12_05_000000_outbox_retry': m20261205000000,
	'2026_12_06_000000_create_app_secret': m20261206000000,
	'2026_12_06_010000_create_feed_version': m20261206010000,
	'2026_12_07_30_create_allocation': m2026120730,
	'2026_12_07_40_oidc_login': m2026120740,
	'2026_12_07_50_feed_health_members_changes': m2026120750,
	'2026_12_08_10_create_school_pupil_count': m2026120810
};
