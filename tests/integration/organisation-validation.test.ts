import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/auth/server/session';
import { inviteSchema, organisationSchema } from '../../src/lib/organisations/schema';
import { actions as createActions } from '../../src/routes/organisationer/ny/+page.server';
import { actions as memberActions } from '../../src/routes/organisationer/[slug]/medlemmer/+page.server';
import { fakeEvent, rowCounts, sessionUser, useOrganisationWorld } from './organisation.fixtures';

type Fields = Record<string, string | string[]>;
interface Row {
	case: string;
	fields: Fields;
	field: string;
	message: RegExp;
	/** Repeating a field in a real form post keeps the first value, so only the schema sees it. */
	schemaOnly?: boolean;
}

const TRADES = ['industritekniker', 'smed', 'elektriker'];
const company: Fields = { name: 'Epsilon Værktøj', kind: 'company' };
const TEN_KB = 'x'.repeat(10_240);

const ORGANISATION_ROWS: Row[] = [
	{
		case: 'empty name',
		fields: { ...company, name: '   ' },
		field: 'name',
		message: /Skal udfyldes/
	},
	{ case: 'missing name', fields: { kind: 'company' }, field: 'name', message: /Skal udfyldes/ },
	{
		case: '10 kB name',
		fields: { ...company, name: TEN_KB },
		field: 'name',
		message: /højst være 200 tegn/
	},
	{
		case: "unknown kind 'bank'",
		fields: { ...company, kind: 'bank' },
		field: 'kind',
		message: /Vælg en af mulighederne/
	},
	{
		case: 'missing kind',
		fields: { name: 'Zeta' },
		field: 'kind',
		message: /Vælg en af mulighederne/
	},
	{
		case: 'malformed contact e-mail',
		fields: { ...company, contactEmail: 'ikke@mail' },
		field: 'contactEmail',
		message: /gyldig e-mailadresse/
	},
	{
		case: 'website javascript:',
		fields: { ...company, website: 'javascript:alert(1)' },
		field: 'website',
		message: /gyldig webadresse/
	},
	{
		case: 'website ftp:',
		fields: { ...company, website: 'ftp://files.example.dk' },
		field: 'website',
		message: /gyldig webadresse/
	},
	{
		case: 'unknown trade',
		fields: { ...company, trades: ['smed', 'bankraadgiver'] },
		field: 'trades',
		message: /Ukendt fag/
	},
	{
		case: '21 trades',
		fields: { ...company, trades: Array.from({ length: 21 }, () => 'smed') },
		field: 'trades',
		message: /højst 20 fag/
	},
	{
		case: 'description over 2000',
		fields: { ...company, description: 'y'.repeat(2001) },
		field: 'description',
		message: /højst være 2000 tegn/
	},
	{
		case: 'municipality not a uuid',
		fields: { ...company, municipalityId: "1' or '1'='1" },
		field: 'municipalityId',
		message: /Vælg en af mulighederne/
	},
	{
		case: 'school without municipality',
		fields: { name: 'Byskolen', kind: 'school' },
		field: 'municipalityId',
		message: /skole skal høre til en kommune/
	},
	{
		case: 'CVR with 7 digits',
		fields: { ...company, cvr: '1234567' },
		field: 'cvr',
		message: /CVR-nummer har 8 cifre/
	},
	{
		case: 'P-number with letters',
		fields: { ...company, pNumber: '10123456AB' },
		field: 'pNumber',
		message: /P-nummer har 10 cifre/
	},
	{
		case: 'phone with letters',
		fields: { ...company, phone: 'ring til Bo' },
		field: 'phone',
		message: /telefonnummer/
	},
	{
		case: 'array where a string is expected',
		fields: { ...company, name: ['A', 'B'] },
		field: 'name',
		message: /Skal udfyldes/,
		schemaOnly: true
	}
];

const INVITE_ROWS: Row[] = [
	{
		case: 'empty e-mail',
		fields: { email: '', role: 'member' },
		field: 'email',
		message: /Skal udfyldes/
	},
	{ case: 'missing e-mail', fields: { role: 'member' }, field: 'email', message: /Skal udfyldes/ },
	{
		case: 'malformed e-mail',
		fields: { email: 'anna@', role: 'member' },
		field: 'email',
		message: /gyldig e-mailadresse/
	},
	{
		case: '10 kB e-mail',
		fields: { email: `${TEN_KB}@example.dk`, role: 'member' },
		field: 'email',
		message: /højst være 254 tegn/
	},
	{
		case: "unknown role 'owner'",
		fields: { email: 'ny@example.dk', role: 'owner' },
		field: 'role',
		message: /Vælg en af mulighederne/
	},
	{
		case: 'missing role',
		fields: { email: 'ny@example.dk' },
		field: 'role',
		message: /Vælg en af mulighederne/
	},
	{
		case: 'array where a string is expected',
		fields: { email: ['a@example.dk', 'b@example.dk'], role: 'member' },
		field: 'email',
		message: /Skal udfyldes/,
		schemaOnly: true
	}
];

function firstIssue(
	result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
	field: string
) {
	expect(result.success).toBe(false);
	return result.error?.issues.find((i) => i.path[0] === field);
}

describe('validation/organisation', () => {
	describe('organisationSchema', () => {
		it.each(ORGANISATION_ROWS)('refuses $case on $field', (row) => {
			const issue = firstIssue(organisationSchema(TRADES).safeParse(row.fields), row.field);
			expect(issue?.message).toMatch(row.message);
		});
	});

	describe('inviteSchema', () => {
		it.each(INVITE_ROWS)('refuses $case on $field', (row) => {
			const issue = firstIssue(inviteSchema.safeParse(row.fields), row.field);
			expect(issue?.message).toMatch(row.message);
		});
	});
});

describe('bad input through the form actions', () => {
	const world = useOrganisationWorld({ routes: true });
	let secretariat: SessionUser;
	let adminA: SessionUser;
	beforeEach(async () => {
		secretariat = await sessionUser(world.db, world.secretariat.id);
		adminA = await sessionUser(world.db, world.adminA.id);
	});

	describe('organisationer/ny', () => {
		it.each(ORGANISATION_ROWS.filter((r) => !r.schemaOnly))(
			'answers 400 for $case, refills the form and writes nothing',
			async (row) => {
				const before = await rowCounts(world.db);
				const event = fakeEvent(
					'/organisationer/ny',
					secretariat,
					{},
					{ ...row.fields, adminEmail: 'chef@example.dk' }
				);
				const result = (await createActions.default(event)) as {
					status: number;
					data: { errors: Record<string, string>; values: Fields };
				};
				expect(result.status).toBe(400);
				expect(result.data.errors[row.field]).toMatch(row.message);
				expect(result.data.values.adminEmail).toBe('chef@example.dk');
				const name = row.fields.name;
				if (typeof name === 'string')
					expect(name.startsWith(String(result.data.values.name))).toBe(true);
				expect(await rowCounts(world.db)).toEqual(before);
			}
		);

		it('answers 400 for a malformed first-admin e-mail and writes nothing', async () => {
			const before = await rowCounts(world.db);
			const event = fakeEvent(
				'/organisationer/ny',
				secretariat,
				{},
				{ ...company, adminEmail: 'chef(at)example.dk' }
			);
			const result = (await createActions.default(event)) as {
				status: number;
				data: { errors: Record<string, string> };
			};
			expect(result.status).toBe(400);
			expect(result.data.errors.adminEmail).toMatch(/gyldig e-mailadresse/);
			expect(await rowCounts(world.db)).toEqual(before);
		});
	});

	describe('organisationer/[slug]/medlemmer ?/invite', () => {
		it.each(INVITE_ROWS.filter((r) => !r.schemaOnly))(
			'answers 400 for $case, refills the form and writes nothing',
			async (row) => {
				const before = await rowCounts(world.db);
				const path = `/organisationer/${world.orgA.slug}/medlemmer?/invite`;
				const event = fakeEvent(path, adminA, { slug: world.orgA.slug }, row.fields);
				const result = (await memberActions.invite(event)) as {
					status: number;
					data: { action: string; errors: Record<string, string>; values: Fields };
				};
				expect(result.status).toBe(400);
				expect(result.data.action).toBe('invite');
				expect(result.data.errors[row.field]).toMatch(row.message);
				if (typeof row.fields.role === 'string')
					expect(result.data.values.role).toBe(row.fields.role);
				expect(await rowCounts(world.db)).toEqual(before);
			}
		);
	});
});
