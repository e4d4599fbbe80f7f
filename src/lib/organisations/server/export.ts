import type { Kysely } from 'kysely';
import { readAllianceTables } from './queries/export-alliance';
import { readCoreTables } from './queries/export-core';
import type { DB } from '$lib/platform/server/db/schema';
import { canExportOrganisation } from '$lib/school-year/server';
import type { Actor } from '$lib/auth';
import { UUID } from '$lib/platform/server/http/result';

// Everything Årshjul holds about one organisation, for its admins (the right to data
// portability). Every column is named here on purpose: a column added to a table later does not
// leak into the export by itself. Password hashes, sessions, rate limits, invitation and reset
// tokens and feed token hashes are never selected.

export const EXPORT_TABLES = [
	'organisation',
	'members',
	'activities',
	'participations',
	'offers',
	'bookingsMade',
	'bookingsReceived',
	'feeds',
	'evaluations',
	'holidays',
	'commitments',
	'openings',
	'meetings'
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export type ExportRow = Record<string, unknown>;

export interface OrganisationExport {
	exportedAt: string;
	organisation: { id: string; slug: string; name: string };
	tables: Record<ExportTable, ExportRow[]>;
}

export function isExportTable(value: string): value is ExportTable {
	return (EXPORT_TABLES as readonly string[]).includes(value);
}

/**
 * The organisation's data, or null when it does not exist or the user may not export it (the
 * route answers 404 for both, so another organisation's existence is not revealed).
 */
export async function exportOrganisationData(
	db: Kysely<DB>,
	user: Actor | null,
	organisationId: string,
	now: Date = new Date()
): Promise<OrganisationExport | null> {
	if (!UUID.test(organisationId) || !canExportOrganisation(user, { id: organisationId })) {
		return null;
	}
	const [core, alliance] = await Promise.all([
		readCoreTables(db, organisationId),
		readAllianceTables(db, organisationId)
	]);
	const tables: Record<ExportTable, ExportRow[]> = { ...core, ...alliance };
	const org = tables.organisation[0] as { id: string; slug: string; name: string } | undefined;
	if (!org) return null;
	return {
		exportedAt: now.toISOString(),
		organisation: { id: org.id, slug: org.slug, name: org.name },
		tables
	};
}
