import type { OrganisationKind } from '../../src/lib/platform/server/db/schema';
import { COMPANIES } from './companies';
import { HEDENSTED, HORSENS, ODDER, companySlug, slugify } from './ids';

export interface OrganisationSeed {
	slug: string;
	kind: OrganisationKind;
	name: string;
	/** Slug of the municipality the organisation belongs to. */
	municipality: string | null;
	description: string;
	address: string;
	website: string;
	contactEmail: string;
	trades: string[];
}

type OrganisationInput = Pick<OrganisationSeed, 'kind' | 'name'> &
	Partial<Omit<OrganisationSeed, 'kind' | 'name'>>;

function organisation(input: OrganisationInput): OrganisationSeed {
	const slug = input.slug ?? slugify(input.name);
	return {
		slug,
		municipality: null,
		description: '',
		address: '',
		website: '',
		contactEmail: `kontakt@${slug}.example.dk`,
		trades: [],
		...input
	};
}

const municipalities = [
	['Horsens Kommune', '8700 Horsens', 'https://horsens.dk'],
	['Hedensted Kommune', '8722 Hedensted', 'https://hedensted.dk'],
	['Odder Kommune', '8300 Odder', 'https://odder.dk']
].map(([name, address, website]) =>
	organisation({
		kind: 'municipality',
		name,
		address,
		website,
		description: 'Kommune i den lokale alliance om flere faglærte. Skoleforvaltning og ungeindsats.'
	})
);

const schools = (
	[
		[HORSENS, 'Stensballeskolen', '8700 Horsens'],
		[HORSENS, 'Lundskolen', '8700 Horsens'],
		[HORSENS, 'Højvangskolen', '8700 Horsens'],
		[HORSENS, 'Langmarkskolen', '8700 Horsens'],
		[HORSENS, 'Egebjergskolen', '8700 Horsens'],
		[HORSENS, 'Brædstrup Skole', '8740 Brædstrup'],
		[HORSENS, 'Østbirk Skole', '8752 Østbirk'],
		[HEDENSTED, 'Hedensted Skole', '8722 Hedensted'],
		[HEDENSTED, 'Juelsminde Skole', '7130 Juelsminde'],
		[HEDENSTED, 'Løsning Skole', '8723 Løsning'],
		[HEDENSTED, 'Tørring Skole', '7160 Tørring'],
		[ODDER, 'Parkvejskolen', '8300 Odder'],
		[ODDER, 'Vestermarkskolen', '8300 Odder'],
		[ODDER, 'Skovbakkeskolen', '8300 Odder'],
		[ODDER, 'Hundslund Skole', '8350 Hundslund']
	] as const
).map(([municipality, name, address]) =>
	organisation({
		kind: 'school',
		name,
		municipality,
		address,
		description: 'Folkeskole. Udskolingen deltager i erhvervspraktik og virksomhedsbesøg.'
	})
);

const others = [
	organisation({
		kind: 'vocational_school',
		name: 'Learnmark Horsens – Tech',
		municipality: HORSENS,
		address: '8700 Horsens',
		website: 'https://learnmark.dk',
		description:
			'Erhvervsskole med grundforløb (GF1 og GF2) og hovedforløb for industritekniker og smed. ' +
			'Sekretariat for alliancen sammen med DI Lærlingeindsatsen.'
	}),
	organisation({
		kind: 'museum',
		name: 'Industrimuseet',
		municipality: HORSENS,
		address: 'Gasvej 17–19, 8700 Horsens',
		website: 'https://industrimuseet.dk',
		description: 'Museum for industriens historie. Forløb for skoleklasser og åbne arrangementer.'
	}),
	...[
		['DI Sydøstjylland', 'Dansk Industris lokale netværk for virksomheder i Sydøstjylland.'],
		['DI Dansk Byggeri Østjylland', 'Byggeriets arbejdsgiverforening, lokalafdeling.'],
		['Dansk Metal Horsens', 'Fagforening for metalarbejdere og lærlinge i metalfagene.'],
		['3F Horsens og omegn', 'Fagforening for bl.a. bygge- og industriarbejdere.'],
		['DI Lærlingeindsatsen', 'Alliancens sekretariat: planlægger året og indkalder til møder.']
	].map(([name, description]) => organisation({ kind: 'partner', name, description }))
];

export const ORGANISATIONS: OrganisationSeed[] = [
	...municipalities,
	...schools,
	...others,
	...COMPANIES.map((company) =>
		organisation({ kind: 'company', slug: companySlug(company.name), ...company })
	)
];
