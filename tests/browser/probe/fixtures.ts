import { seedId } from '../../../db/seed/ids';

// Ids of demo rows the probes act on, derived the way the seed derives them (db/seed/ids.ts),
// so the probes need no database access of their own.
const activityKey = (category: string, date: string, owner: string, title: string) =>
	`${category}:${date}:${owner}:${title}`;

export const FIXTURES = {
	/** Private to the secretariat's organisation and Learnmark. */
	privateActivity: seedId(
		'activity',
		activityKey('alliancemoede', '2026-08-20', 'di-laerlingeindsatsen', 'sekretariatsmoede')
	),
	/** Bygholm Stål's visit offer (alliance-wide), booked by Stensballeskolen (Horsens). */
	companyActivity: seedId('activity', 'offer:bygholm-besoeg'),
	companyOffer: seedId('offer', 'bygholm-besoeg'),
	companyBooking: seedId('booking', 'stensballe-besoeg'),
	/** Hedensted Skole's booking at Gudenå Maskinfabrik: Hedensted Kommune's, not Stensballe's. */
	otherBooking: seedId('booking', 'hedensted-gudenaa'),
	/** Bygholm Stål's praktik week of September 2026: ended, so it can be evaluated. */
	endedCompanyActivity: seedId(
		'activity',
		'erhvervspraktik:2026-09-14:bygholm-staal:erhvervspraktik-9-klasse-hos-bygholm-staal'
	),
	/** The September 2026 alliance meeting: the partners (not companies or schools) are invited. */
	meeting: seedId(
		'activity',
		activityKey(
			'alliancemoede',
			'2026-09-24',
			'di-laerlingeindsatsen',
			'alliancemoede-september-2026'
		)
	),
	/** Bygholm Stål's filled industritekniker apprenticeship. */
	opening: seedId('apprenticeship-opening', 'bygholm-it-aug'),
	companyId: seedId('organisation', 'bygholm-staal'),
	company: 'bygholm-staal',
	school: 'stensballeskolen',
	municipality: 'hedensted-kommune',
	/** A well-formed id that names nothing. */
	missing: '00000000-0000-4000-8000-000000000000'
} as const;
export type Fixtures = typeof FIXTURES;
