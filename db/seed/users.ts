import type { Role } from '../../src/lib/platform/server/db/schema';
import { HEDENSTED, INDUSTRIMUSEET, LEARNMARK, SECRETARIAT, companySlug, slugify } from './ids';

/** Shared by every demo login; shown in the README and the start-up banner. */
export const DEMO_PASSWORD = 'aarshjul-demo';

export interface DemoUserSeed {
	email: string;
	name: string;
	isSecretariat: boolean;
	/** Slug of the organisation the user is a member of. */
	organisation: string;
	organisationName: string;
	role: Role;
	/** What the login demonstrates, in Danish. */
	description: string;
}

const COMPANY = 'Bygholm Stål ApS';
const SCHOOL = 'Stensballeskolen';

export const DEMO_USERS: DemoUserSeed[] = [
	{
		email: 'sekretariat@aarshjul.example',
		name: 'Mette Kjærgaard Lund',
		isSecretariat: true,
		organisation: SECRETARIAT,
		organisationName: 'DI Lærlingeindsatsen',
		role: 'admin',
		description: 'Sekretariatet (alt)'
	},
	{
		email: 'virksomhed@aarshjul.example',
		name: 'Lars Bøgh Nielsen',
		isSecretariat: false,
		organisation: companySlug(COMPANY),
		organisationName: COMPANY,
		role: 'admin',
		description: 'Virksomhed (administrator)'
	},
	{
		email: 'medarbejder@aarshjul.example',
		name: 'Jonas Frederiksen',
		isSecretariat: false,
		organisation: companySlug(COMPANY),
		organisationName: COMPANY,
		role: 'member',
		description: 'Virksomhed (medarbejder)'
	},
	{
		email: 'skole@aarshjul.example',
		name: 'Helle Andersen',
		isSecretariat: false,
		organisation: slugify(SCHOOL),
		organisationName: SCHOOL,
		role: 'admin',
		description: 'Skolekoordinator (administrator)'
	},
	{
		email: 'laerer@aarshjul.example',
		name: 'Rasmus Holm Pedersen',
		isSecretariat: false,
		organisation: slugify(SCHOOL),
		organisationName: SCHOOL,
		role: 'member',
		description: 'Lærer (medlem af skolen)'
	},
	{
		email: 'kommune@aarshjul.example',
		name: 'Birgitte Juhl Mortensen',
		isSecretariat: false,
		organisation: HEDENSTED,
		organisationName: 'Hedensted Kommune',
		role: 'admin',
		description: 'Kommune (administrator)'
	},
	{
		email: 'museum@aarshjul.example',
		name: 'Peter Damgaard',
		isSecretariat: false,
		organisation: INDUSTRIMUSEET,
		organisationName: 'Industrimuseet',
		role: 'admin',
		description: 'Industrimuseet (administrator)'
	},
	{
		email: 'learnmark@aarshjul.example',
		name: 'Sofie Østergaard Jensen',
		isSecretariat: false,
		organisation: LEARNMARK,
		organisationName: 'Learnmark Horsens – Tech',
		role: 'admin',
		description: 'Erhvervsskole (administrator)'
	}
];

export interface DemoLogin {
	email: string;
	/** Danish description of what the login may do. */
	role: string;
	organisation: string;
}

export const DEMO_LOGINS: DemoLogin[] = DEMO_USERS.map((user) => ({
	email: user.email,
	role: user.description,
	organisation: user.organisationName
}));
