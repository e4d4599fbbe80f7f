import { beforeEach, describe, expect, it } from 'vitest';
import {
	createOrganisation,
	findOrganisationById,
	findOrganisationBySlug,
	listDirectory,
	listMunicipalities,
	slugify,
	updateOrganisation
} from '../../src/lib/organisations/server/organisation';
import { organisationSchema, type OrganisationInput } from '../../src/lib/organisations/schema';
import { rowCounts, useOrganisationWorld } from './organisation.fixtures';

const TRADES = ['industritekniker', 'smed', 'elektriker'];
const input = (values: Record<string, unknown>): OrganisationInput =>
	organisationSchema(TRADES).parse(values);

describe('organisation', () => {
	const world = useOrganisationWorld();

	describe('slugify', () => {
		it.each([
			['Ærø Smedje', 'aeroe-smedje'],
			['Århus Stål & Rør', 'aarhus-staal-roer'],
			['  Café Ørsted!  ', 'cafe-oersted'],
			['!!!', 'organisation']
		])('turns %j into %j', (name, slug) => {
			expect(slugify(name)).toBe(slug);
		});
	});

	describe('createOrganisation', () => {
		it('derives a lowercase ASCII slug with æ, ø and å spelled out', async () => {
			const result = await createOrganisation(
				world.db,
				input({ name: 'Søren Ærø Ålund ApS', kind: 'company' })
			);
			expect(result.ok && result.value.slug).toBe('soeren-aeroe-aalund-aps');
		});

		it('adds -2, -3 … when the slug is taken', async () => {
			const slugs: string[] = [];
			for (let i = 0; i < 3; i++) {
				const result = await createOrganisation(
					world.db,
					input({ name: 'Beta Stål', kind: 'partner' })
				);
				if (!result.ok) throw new Error(JSON.stringify(result.errors));
				slugs.push(result.value.slug);
			}
			// 'beta-staal' belongs to the fixture organisation B.
			expect(slugs).toEqual(['beta-staal-2', 'beta-staal-3', 'beta-staal-4']);
		});

		it('stores the trades of a company', async () => {
			const result = await createOrganisation(
				world.db,
				input({ name: 'Gamma Metal', kind: 'company', trades: ['smed', 'industritekniker'] })
			);
			if (!result.ok) throw new Error('expected ok');
			const found = await findOrganisationById(world.db, result.value.id);
			expect(found?.trades.map((t) => t.code)).toEqual(['industritekniker', 'smed']);
		});

		it('refuses a school without a municipality, in the schema and in the domain', async () => {
			const parsed = organisationSchema(TRADES).safeParse({ name: 'Byskolen', kind: 'school' });
			expect(parsed.success).toBe(false);
			expect(parsed.error?.issues[0]).toMatchObject({ path: ['municipalityId'] });
			expect(parsed.error?.issues[0].message).toMatch(/skole skal høre til en kommune/);

			const before = await rowCounts(world.db);
			const bypass = { ...input({ name: 'Byskolen', kind: 'partner' }), kind: 'school' as const };
			const result = await createOrganisation(world.db, bypass);
			expect(result).toEqual({
				ok: false,
				errors: { municipalityId: expect.stringMatching(/skole skal høre til en kommune/) }
			});
			expect(await rowCounts(world.db)).toEqual(before);
		});

		it('refuses a school whose municipality is not a municipality', async () => {
			const before = await rowCounts(world.db);
			const result = await createOrganisation(
				world.db,
				input({ name: 'Byskolen', kind: 'school', municipalityId: world.orgA.id })
			);
			expect(result).toEqual({
				ok: false,
				errors: { municipalityId: expect.stringMatching(/Vælg en kommune/) }
			});
			expect(await rowCounts(world.db)).toEqual(before);
		});

		it('creates a school in a municipality', async () => {
			const result = await createOrganisation(
				world.db,
				input({ name: 'Byskolen', kind: 'school', municipalityId: world.horsens.id })
			);
			expect(result.ok).toBe(true);
			const found = await findOrganisationBySlug(world.db, 'byskolen');
			expect(found?.municipalityName).toBe('Horsens Kommune');
		});
	});

	describe('updateOrganisation', () => {
		it('replaces the trades of a company in one go', async () => {
			const id = world.orgA.id;
			await updateOrganisation(
				world.db,
				id,
				input({ name: 'Alfa', kind: 'company', trades: ['smed', 'elektriker'] })
			);
			const result = await updateOrganisation(
				world.db,
				id,
				input({ name: 'Alfa Maskiner A/S', kind: 'company', trades: ['industritekniker'] })
			);
			expect(result?.ok).toBe(true);
			const found = await findOrganisationById(world.db, id);
			expect(found?.name).toBe('Alfa Maskiner A/S');
			expect(found?.trades.map((t) => t.code)).toEqual(['industritekniker']);
			// The slug stays, so links to the page keep working.
			expect(found?.slug).toBe(world.orgA.slug);
		});

		it('drops the trades when a company becomes another kind', async () => {
			await updateOrganisation(
				world.db,
				world.orgA.id,
				input({ name: 'Alfa', kind: 'company', trades: ['smed'] })
			);
			await updateOrganisation(
				world.db,
				world.orgA.id,
				input({ name: 'Alfa', kind: 'partner', trades: ['smed'] })
			);
			expect((await findOrganisationById(world.db, world.orgA.id))?.trades).toEqual([]);
		});

		it('keeps CVR and P-number without spaces, and no CVR twice', async () => {
			const values = { name: 'Alfa', kind: 'company', cvr: '12 34 56 78', pNumber: '1012345678' };
			const result = await updateOrganisation(world.db, world.orgA.id, input(values));
			expect(result?.ok).toBe(true);
			const found = await findOrganisationById(world.db, world.orgA.id);
			expect(found).toMatchObject({ cvr: '12345678', pNumber: '1012345678' });
			const again = await updateOrganisation(
				world.db,
				world.orgB.id,
				input({ name: 'Beta', kind: 'company', cvr: '12345678' })
			);
			expect(again).toEqual({
				ok: false,
				errors: { cvr: 'En anden organisation har allerede dette CVR-nummer.' }
			});
			expect((await findOrganisationById(world.db, world.orgB.id))?.cvr).toBeNull();
			// Saving the same organisation again keeps its own CVR.
			expect((await updateOrganisation(world.db, world.orgA.id, input(values)))?.ok).toBe(true);
		});

		it('answers null for an organisation that does not exist', async () => {
			const result = await updateOrganisation(
				world.db,
				crypto.randomUUID(),
				input({ name: 'X', kind: 'partner' })
			);
			expect(result).toBeNull();
		});

		it('keeps a municipality with schools a municipality', async () => {
			await createOrganisation(
				world.db,
				input({ name: 'Byskolen', kind: 'school', municipalityId: world.horsens.id })
			);
			const result = await updateOrganisation(
				world.db,
				world.horsens.id,
				input({ name: 'Horsens', kind: 'partner' })
			);
			expect(result).toMatchObject({ ok: false, errors: { kind: expect.any(String) } });
			expect((await findOrganisationById(world.db, world.horsens.id))?.kind).toBe('municipality');
		});
	});

	describe('listDirectory', () => {
		beforeEach(async () => {
			await updateOrganisation(
				world.db,
				world.orgB.id,
				input({
					name: 'Beta Stål',
					kind: 'company',
					trades: ['smed'],
					municipalityId: world.horsens.id,
					description: 'Svejsning og stål'
				})
			);
		});

		it('lists every organisation by name with kind, municipality and trades', async () => {
			const all = await listDirectory(world.db);
			expect(all.map((o) => o.name)).toEqual(['Alfa Maskiner', 'Beta Stål', 'Horsens Kommune']);
			const beta = all.find((o) => o.name === 'Beta Stål');
			expect(beta).toMatchObject({ kind: 'company', municipalityName: 'Horsens Kommune' });
			expect(beta?.trades.map((t) => t.code)).toEqual(['smed']);
			expect(beta).not.toHaveProperty('contactEmail');
		});

		it('filters by search text, kind, municipality and trade', async () => {
			const names = async (filter: Parameters<typeof listDirectory>[1]) =>
				(await listDirectory(world.db, filter)).map((o) => o.name);
			expect(await names({ q: 'svejs' })).toEqual(['Beta Stål']);
			expect(await names({ q: '100%_' })).toEqual([]);
			expect(await names({ kind: 'municipality' })).toEqual(['Horsens Kommune']);
			expect(await names({ municipalityId: world.horsens.id })).toEqual([
				'Beta Stål',
				'Horsens Kommune'
			]);
			expect(await names({ trade: 'smed' })).toEqual(['Beta Stål']);
			expect(await names({ trade: 'smed', kind: 'partner' })).toEqual([]);
		});
	});

	describe('findOrganisationBySlug', () => {
		it('answers null for an unknown slug and a malformed id', async () => {
			expect(await findOrganisationBySlug(world.db, 'findes-ikke')).toBeNull();
			expect(await findOrganisationById(world.db, 'not-a-uuid')).toBeNull();
		});
	});

	describe('listMunicipalities', () => {
		it('lists only municipalities', async () => {
			expect((await listMunicipalities(world.db)).map((m) => m.name)).toEqual(['Horsens Kommune']);
		});
	});
});
