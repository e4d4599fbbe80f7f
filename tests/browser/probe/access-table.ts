import { seedId } from '../../../db/seed/ids';
import { FIXTURES as F } from './fixtures';

// Who may use each route of the app. The authorization probe (authorization-probe.spec.ts)
// reads the route tree and fails for any page, form action or endpoint missing here, so a new
// route cannot escape it. GET: the outcome for each role. Actions and POST endpoints: the roles
// allowed; every other role must be refused (403/404, or the login page for a visitor) — the
// allowed ones are not sent, since the probe must not change the demo data.

export const ROLES = [
	'anon',
	'secretariat',
	'companyAdmin',
	'companyMember',
	'schoolAdmin',
	'teacher',
	'municipality',
	'museum',
	'learnmark'
] as const;
export type ProbeRole = (typeof ROLES)[number];
export type LoggedInRole = Exclude<ProbeRole, 'anon'>;

export const EMAILS: Record<LoggedInRole, string> = {
	secretariat: 'sekretariat@aarshjul.example',
	companyAdmin: 'virksomhed@aarshjul.example',
	companyMember: 'medarbejder@aarshjul.example',
	schoolAdmin: 'skole@aarshjul.example',
	teacher: 'laerer@aarshjul.example',
	municipality: 'kommune@aarshjul.example',
	museum: 'museum@aarshjul.example',
	learnmark: 'learnmark@aarshjul.example'
};

/** 'login': a 303 to /login; 'away': a 303 elsewhere (e.g. the login page for the logged in). */
export type Outcome = 200 | 400 | 403 | 404 | 'login' | 'away';

export interface ActionRule {
	allowed: readonly ProbeRole[];
	/** Fields that name the target when it is not in the path. */
	body?: Record<string, string>;
	/** For JSON endpoints. */
	json?: unknown;
	headers?: Record<string, string>;
	/** Other statuses that count as a refusal here, with the reason in a comment. */
	alsoRefusedWith?: number[];
}

export interface RouteRule {
	path: string;
	get?: Record<ProbeRole, Outcome>;
	actions?: Record<string, ActionRule>;
	post?: ActionRule;
	head?: Record<ProbeRole, Outcome>;
}

const LOGGED_IN = ROLES.filter((r) => r !== 'anon') as LoggedInRole[];

function outcomes(
	anon: Outcome,
	others: Outcome,
	overrides: Partial<Record<ProbeRole, Outcome>> = {}
) {
	const out = { anon } as Record<ProbeRole, Outcome>;
	for (const r of LOGGED_IN) out[r] = others;
	return { ...out, ...overrides };
}
/** Open to everybody. */
const everyone = () => outcomes(200, 200);
/** Any logged-in user; a visitor is sent to log in. */
const loggedIn = () => outcomes('login', 200);
/** Only the roles listed; other users get `refusal`, a visitor the login page. */
const only = (roles: LoggedInRole[], refusal: 403 | 404 = 404) =>
	outcomes('login', refusal, Object.fromEntries(roles.map((r) => [r, 200])));
const ALL: readonly ProbeRole[] = ROLES;
const USERS: readonly ProbeRole[] = LOGGED_IN;
const COMPANY: LoggedInRole[] = ['companyAdmin', 'companyMember'];
const SCHOOL: LoggedInRole[] = ['schoolAdmin', 'teacher'];
const org = (slug: string) => seedId('organisation', slug);
/** A complete, valid booking for Stensballeskolen: refused only for want of rights. */
const AS_STENSBALLE = {
	offerId: F.companyOffer,
	schoolId: org(F.school),
	classLabel: '9.P',
	seats: '1',
	teacherName: 'Probe',
	teacherEmail: 'probe@aarshjul.example',
	idempotencyKey: 'probe-0000000000000000'
};
const COMMITMENT = { contactName: 'Probe', contactEmail: 'probe@aarshjul.example', trades: 'smed' };
const AS_STENSBALLE_JSON = {
	schoolId: org(F.school),
	classLabel: '9.P',
	seats: 1,
	teacherName: 'Probe',
	teacherEmail: 'probe@aarshjul.example'
};

/** The agenda, attendance and minutes pages of a meeting: only the secretariat edits them. */
function meetingEditPage(page: string): RouteRule {
	return {
		path: `/moeder/${F.meeting}/${page}`,
		// The invited partners read the meeting, so they are told "not yours to edit" (403).
		get: outcomes('login', 404, {
			secretariat: 200,
			municipality: 403,
			museum: 403,
			learnmark: 403
		}),
		actions: { default: { allowed: ['secretariat'] } }
	};
}

export const ACCESS: Record<string, RouteRule> = {
	'/': { path: '/', get: everyone() },
	'/aarshjul': { path: '/aarshjul', get: everyone() },
	// The narrowest PNG: the probe asks who may have it, once per role, not how it is drawn.
	'/aarshjul/eksport.png': { path: '/aarshjul/eksport.png?width=400', get: everyone() },
	'/aarshjul/eksport.svg': { path: '/aarshjul/eksport.svg', get: everyone() },
	'/aarshjul/print': { path: '/aarshjul/print', get: everyone() },
	'/aarshjul/rul-frem': {
		path: '/aarshjul/rul-frem',
		get: loggedIn(),
		// Rolls only what the user may edit; the selection is checked per activity.
		actions: { preview: { allowed: USERS }, apply: { allowed: USERS } }
	},
	'/aktiviteter/[id]': {
		path: `/aktiviteter/${F.privateActivity}`,
		get: outcomes(404, 404, { secretariat: 200, learnmark: 200 }),
		actions: {
			// Learnmark takes part (it may see the activity) but does not own it: 403.
			cancel: { allowed: ['secretariat'] },
			delete: { allowed: ['secretariat'], body: { confirm: 'ja' } }
		}
	},
	'/aktiviteter/[id]/forekomst': {
		path: `/aktiviteter/${F.privateActivity}/forekomst`,
		// Not an occurrence of a series: nobody edits it as one.
		get: outcomes('login', 404),
		actions: { default: { allowed: [] } }
	},
	'/aktiviteter/[id]/forekomst/aflys': {
		path: `/aktiviteter/${F.privateActivity}/forekomst/aflys`,
		get: outcomes('login', 404),
		actions: { default: { allowed: [] } }
	},
	'/aktiviteter/[id]/ics': {
		path: `/aktiviteter/${F.privateActivity}/ics`,
		get: outcomes(404, 404, { secretariat: 200, learnmark: 200 })
	},
	'/aktiviteter/[id]/rediger': {
		path: `/aktiviteter/${F.privateActivity}/rediger`,
		get: outcomes('login', 404, { secretariat: 200, learnmark: 403 }),
		actions: { default: { allowed: ['secretariat'] } }
	},
	'/aktiviteter/ny': {
		path: '/aktiviteter/ny',
		get: loggedIn(),
		actions: { default: { allowed: USERS } }
	},
	'/alliancen': { path: '/alliancen', get: everyone() },
	'/api/activities': {
		path: '/api/activities?start=2026-08-01&end=2026-09-01',
		get: everyone()
	},
	// Public and school holidays are public data; the default municipality is the user's own.
	'/api/holidays': {
		path: '/api/holidays?start=2026-08-01&end=2026-09-01',
		get: everyone()
	},
	'/api/activities/[id]/move': {
		path: `/api/activities/${F.privateActivity}/move`,
		post: { allowed: ['secretariat'], json: { startDate: '2026-08-21', allDay: false } }
	},
	'/bookinger': { path: '/bookinger', get: loggedIn() },
	'/bookinger/[id]': {
		// Stensballeskolen (Horsens) at Bygholm Stål: not Hedensted's, the museum's or Learnmark's.
		path: `/bookinger/${F.companyBooking}`,
		get: only(['secretariat', ...COMPANY, ...SCHOOL]),
		actions: {
			// The school sees its booking but only the provider answers it.
			confirm: { allowed: ['secretariat', ...COMPANY] },
			decline: { allowed: ['secretariat', ...COMPANY] },
			cancel: { allowed: ['secretariat', ...COMPANY, ...SCHOOL], body: { reason: 'Probe' } },
			checklist: { allowed: ['secretariat', ...COMPANY, ...SCHOOL] }
		}
	},
	// Issue 12: the outbox holds reset links; switched on for the browser tests (OUTBOX_PAGE), it
	// is still the secretariat's alone.
	'/dev/outbox': { path: '/dev/outbox', get: only(['secretariat']) },
	'/embed': { path: '/embed', get: everyone() },
	'/embed/[municipality]': { path: '/embed/hedensted-kommune', get: everyone() },
	'/feeds': {
		path: '/feeds',
		get: loggedIn(),
		actions: {
			create: { allowed: COMPANY, body: { card: org(F.company) } },
			rotate: { allowed: COMPANY, body: { card: org(F.company), confirm: 'ja' } }
		}
	},
	'/feeds/[file]': { path: '/feeds/offentlig.ics', get: everyone(), head: everyone() },
	'/ferier': {
		path: '/ferier',
		get: everyone(),
		actions: {
			create: {
				allowed: ['secretariat', 'municipality'],
				body: { municipalityId: org(F.municipality) }
			},
			update: { allowed: [] },
			delete: { allowed: [] }
		}
	},
	'/glemt-adgangskode': {
		path: '/glemt-adgangskode',
		get: everyone(),
		actions: { default: { allowed: ALL } }
	},
	'/healthz': { path: '/healthz', get: everyone() },
	'/invitation/[token]': {
		path: '/invitation/not-a-token',
		get: outcomes(404, 404),
		actions: { default: { allowed: [] } }
	},
	'/kalender': { path: '/kalender', get: everyone() },
	'/login': {
		path: '/login',
		get: outcomes(200, 'away'),
		actions: { default: { allowed: ALL } }
	},
	// Outside logins: the browser tests configure no provider, so every id is unknown (404); a
	// visitor posting "link" is sent to log in first. tests/integration/oidc-login.test.ts runs the
	// real flow against an OpenID provider.
	'/login/oidc/[provider]': {
		path: '/login/oidc/ukendt?next=/profil',
		get: outcomes(404, 404),
		actions: { default: { allowed: [] } }
	},
	'/login/oidc/[provider]/callback': {
		path: '/login/oidc/ukendt/callback?code=x&state=y',
		get: outcomes(404, 404)
	},
	'/nulstil/[token]': {
		path: '/nulstil/not-a-token',
		get: outcomes(404, 404),
		actions: { default: { allowed: [] } }
	},
	'/organisationer': { path: '/organisationer', get: everyone() },
	'/organisationer/[slug]': { path: `/organisationer/${F.company}`, get: everyone() },
	'/organisationer/[slug]/medlemmer': {
		path: `/organisationer/${F.company}/medlemmer`,
		get: only(['secretariat', ...COMPANY]),
		actions: {
			invite: { allowed: ['secretariat', 'companyAdmin'] },
			role: { allowed: [] },
			remove: { allowed: [] }
		}
	},
	'/organisationer/[slug]/rediger': {
		path: `/organisationer/${F.company}/rediger`,
		get: only(['secretariat', 'companyAdmin']),
		actions: { default: { allowed: ['secretariat', 'companyAdmin'] } }
	},
	'/organisationer/ny': {
		path: '/organisationer/ny',
		get: only(['secretariat']),
		actions: { default: { allowed: ['secretariat'] } }
	},
	'/praktikfordeling': {
		path: '/praktikfordeling',
		get: loggedIn(),
		// The secretariat opens a round for all schools; a municipality only for its own (the body
		// asks for the secretariat's kind of round, so the municipality is refused too).
		actions: {
			default: {
				allowed: ['secretariat'],
				body: {
					title: 'Probe',
					municipalityId: '',
					startDate: '2027-03-01',
					endDate: '2027-03-05',
					wishDeadline: '2027-02-01',
					publishDate: '2027-02-10'
				}
			}
		}
	},
	'/praktikfordeling/pligt': {
		// The erhvervspraktik duty: a school sees itself, a municipality its schools, the
		// secretariat all; companies and the other partners get 404. A school (or the secretariat)
		// states its pupils.
		path: '/praktikfordeling/pligt',
		get: only(['secretariat', 'schoolAdmin', 'teacher', 'municipality']),
		actions: {
			default: {
				allowed: ['secretariat', ...SCHOOL],
				body: {
					schoolId: org(F.school),
					schoolYear: '2026/27',
					grade7: '40',
					grade8: '41',
					grade9: '42'
				}
			}
		}
	},
	'/praktikfordeling/[id]': {
		// The demo round: every logged-in user sees it, each only its share (pupils of its own
		// school, a company its placed pupils, a municipality its schools' totals).
		path: `/praktikfordeling/${seedId('allocation-round', 'uge-5-6-2027')}`,
		get: loggedIn(),
		actions: {
			join: { allowed: ['secretariat'], body: { offerIds: F.missing } },
			run: { allowed: ['secretariat'] },
			adjust: {
				allowed: ['secretariat'],
				body: { pupilId: F.missing, offerId: '', locked: 'true' }
			},
			publish: { allowed: ['secretariat'] },
			upload: { allowed: SCHOOL, body: { schoolId: org(F.school) } },
			pupil: {
				allowed: SCHOOL,
				body: {
					schoolId: org(F.school),
					classLabel: '8.A',
					pseudonym: '8.A-99',
					firstName: '',
					grade: '8',
					ageGroup: '14+',
					wishes: 'smed'
				}
			},
			deletePupil: { allowed: SCHOOL, body: { schoolId: org(F.school), pseudonym: '8.A-01' } }
		}
	},
	'/profil': {
		path: '/profil',
		get: loggedIn(),
		actions: {
			name: { allowed: USERS },
			password: { allowed: USERS },
			unlink: { allowed: USERS }
		}
	},
	'/serier/[id]': {
		path: `/serier/${F.missing}`,
		get: outcomes(404, 404),
		actions: { preview: { allowed: [] }, update: { allowed: [] }, delete: { allowed: [] } }
	},
	'/serier/ny': {
		path: '/serier/ny',
		get: loggedIn(),
		actions: { preview: { allowed: USERS }, save: { allowed: USERS } }
	},
	'/tilbud': { path: '/tilbud', get: everyone() },
	'/tilbud/[id]': {
		path: `/tilbud/${F.companyOffer}`,
		get: outcomes(404, 200),
		actions: {
			// Booking for Stensballeskolen: only its own people (and the secretariat) may.
			preview: { allowed: ['secretariat', ...SCHOOL], body: AS_STENSBALLE },
			book: { allowed: ['secretariat', ...SCHOOL], body: AS_STENSBALLE },
			waitlist: { allowed: ['secretariat', ...SCHOOL], body: AS_STENSBALLE },
			split: { allowed: ['secretariat', ...SCHOOL], body: AS_STENSBALLE },
			confirm: { allowed: ['secretariat', ...COMPANY], body: { bookingId: F.companyBooking } },
			decline: { allowed: ['secretariat', ...COMPANY], body: { bookingId: F.companyBooking } },
			cancel: {
				allowed: ['secretariat', ...COMPANY, ...SCHOOL],
				body: { bookingId: F.companyBooking, reason: 'Probe' }
			},
			closeOffer: { allowed: ['secretariat', ...COMPANY] },
			reopenOffer: { allowed: ['secretariat', ...COMPANY] },
			cancelOffer: { allowed: ['secretariat', ...COMPANY], body: { reason: 'Probe' } }
		}
	},
	'/tilbud/[id]/rediger': {
		path: `/tilbud/${F.companyOffer}/rediger`,
		get: only(['secretariat', ...COMPANY], 403),
		actions: { default: { allowed: ['secretariat', ...COMPANY] } }
	},
	'/tilbud/ny': {
		path: '/tilbud/ny',
		get: only(['secretariat', ...COMPANY, 'museum', 'learnmark'], 403),
		actions: { default: { allowed: ['secretariat', ...COMPANY, 'museum', 'learnmark'] } }
	},
	'/tilgaengelighed': { path: '/tilgaengelighed', get: everyone() },
	'/logout': {
		path: '/logout',
		get: outcomes('away', 'away'),
		actions: { default: { allowed: ALL } }
	},
	'/sprog': {
		path: '/sprog',
		get: outcomes('away', 'away'),
		actions: { default: { allowed: ALL } }
	},

	// Issue 4's JSON endpoint: booking for Stensballeskolen.
	'/api/offers/[id]/bookings': {
		path: `/api/offers/${F.companyOffer}/bookings`,
		post: {
			allowed: ['secretariat', ...SCHOOL],
			json: AS_STENSBALLE_JSON,
			headers: { 'idempotency-key': 'probe-api-0000000000' }
		}
	},

	// Issue 6: the alliance's own work.
	'/aktiviteter/[id]/evaluering': {
		path: `/aktiviteter/${F.endedCompanyActivity}/evaluering`,
		// Whoever may see the activity sees the page (and is told they cannot evaluate it).
		get: outcomes('login', 200),
		actions: {
			// Evaluating for an organisation that is not yours is a field error on the chooser.
			save: {
				allowed: ['secretariat', ...COMPANY],
				body: { organisationId: F.companyId, participants: '12', rating: '4', comment: 'Probe' },
				alsoRefusedWith: [400]
			},
			delete: { allowed: ['secretariat', ...COMPANY], body: { organisationId: F.companyId } }
		}
	},
	'/evalueringer': { path: '/evalueringer', get: loggedIn() },
	'/laerepladsalliance': { path: '/laerepladsalliance', get: everyone() },
	'/laerepladsalliance/opslag/[id]': {
		path: `/laerepladsalliance/opslag/${F.opening}`,
		get: only(['secretariat', ...COMPANY]),
		actions: {
			save: { allowed: ['secretariat', ...COMPANY] },
			fill: { allowed: ['secretariat', ...COMPANY] },
			reopen: { allowed: ['secretariat', ...COMPANY] },
			delete: { allowed: ['secretariat', ...COMPANY] }
		}
	},
	'/laerepladsalliance/opslag/ny': {
		path: `/laerepladsalliance/opslag/ny?virksomhed=${F.companyId}`,
		get: only(['secretariat', ...COMPANY]),
		actions: { default: { allowed: ['secretariat', ...COMPANY] } }
	},
	'/laerepladsalliance/tilsagn': {
		path: '/laerepladsalliance/tilsagn',
		get: outcomes('login', 'away')
	},
	'/laerepladsalliance/tilsagn/[id]': {
		path: `/laerepladsalliance/tilsagn/${F.companyId}`,
		// Learnmark and the municipalities follow up on the alliance companies.
		get: only(['secretariat', ...COMPANY, 'municipality', 'learnmark']),
		actions: {
			join: { allowed: ['secretariat', 'companyAdmin'], body: COMMITMENT },
			update: { allowed: ['secretariat', 'companyAdmin'], body: COMMITMENT },
			leave: { allowed: ['secretariat', 'companyAdmin'] },
			fill: { allowed: ['secretariat', ...COMPANY] },
			reopen: { allowed: ['secretariat', ...COMPANY] }
		}
	},
	'/log': {
		path: '/log',
		get: only(['secretariat', 'companyAdmin', 'schoolAdmin', 'municipality', 'museum', 'learnmark'])
	},
	'/moeder': { path: '/moeder', get: loggedIn() },
	'/moeder/[id]': {
		path: `/moeder/${F.meeting}`,
		get: only(['secretariat', 'municipality', 'museum', 'learnmark'])
	},
	'/moeder/[id]/dagsorden': meetingEditPage('dagsorden'),
	'/moeder/[id]/fremmoede': meetingEditPage('fremmoede'),
	'/moeder/[id]/referat': meetingEditPage('referat'),
	'/moeder/ny': {
		path: '/moeder/ny',
		get: only(['secretariat'], 403),
		actions: { default: { allowed: ['secretariat'] } }
	},
	'/organisationer/[slug]/eksport': {
		path: `/organisationer/${F.company}/eksport`,
		get: only(['secretariat', 'companyAdmin'])
	},
	'/organisationer/[slug]/eksport/hent': {
		path: `/organisationer/${F.company}/eksport/hent?format=json`,
		get: only(['secretariat', 'companyAdmin'])
	},
	'/rapporter': {
		path: '/rapporter',
		get: only(['secretariat', 'municipality', 'museum', 'learnmark'])
	},
	'/rapporter/csv': {
		path: '/rapporter/csv',
		get: only(['secretariat', 'municipality', 'museum', 'learnmark'])
	},
	'/rapporter/print': {
		path: '/rapporter/print',
		get: only(['secretariat', 'municipality', 'museum', 'learnmark'])
	},
	'/skoleaar': {
		path: '/skoleaar',
		get: only(['secretariat']),
		actions: { close: { allowed: ['secretariat'], body: { year: '2025/26', confirm: 'ja' } } }
	}
};
