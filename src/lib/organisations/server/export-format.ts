import { excelCsv, safeCsvText } from '$lib/platform/server/csv';
import type { ExportRow, ExportTable, OrganisationExport } from './export';
import { HOLIDAY_COLUMNS, OPENING_COLUMNS } from './queries/export-alliance';

// The export as files: one JSON document with everything, or one CSV file per table for Danish
// Excel (UTF-8 with BOM so æøå survive, semicolons since the comma is the decimal separator,
// CRLF line ends).

const BOOKING_COLUMNS = [
	'id',
	'offerTitle',
	'providerName',
	'schoolName',
	'startDate',
	'endDate',
	'classLabel',
	'seats',
	'status',
	'teacherName',
	'teacherEmail',
	'pupilFirstNames',
	'message',
	'cancelReason',
	'agreementSignedAt',
	'parentsConsentAt',
	'uuNotifiedAt',
	'createdAt',
	'updatedAt'
];

/** Column order of each CSV, also the header of an empty table; a test keeps it equal to the queries. */
export const CSV_COLUMNS: Record<ExportTable, readonly string[]> = {
	organisation: [
		'id',
		'kind',
		'name',
		'slug',
		'municipalityName',
		'description',
		'address',
		'website',
		'contactEmail',
		'phone',
		'trades',
		'createdAt',
		'updatedAt'
	],
	members: ['name', 'email', 'role', 'createdAt'],
	activities: [
		'id',
		'title',
		'category',
		'startDate',
		'endDate',
		'startTime',
		'endTime',
		'place',
		'visibility',
		'status',
		'description',
		'createdAt',
		'updatedAt'
	],
	participations: ['activityId', 'title', 'ownerName', 'startDate', 'endDate', 'status'],
	offers: [
		'id',
		'title',
		'kind',
		'tradeCode',
		'gradeLevels',
		'capacity',
		'startDate',
		'endDate',
		'bookingOpensAt',
		'bookingClosesAt',
		'contactName',
		'contactEmail',
		'address',
		'whatToBring',
		'whatYouSee',
		'status',
		'createdAt',
		'updatedAt'
	],
	bookingsMade: BOOKING_COLUMNS,
	bookingsReceived: BOOKING_COLUMNS,
	feeds: ['id', 'scope', 'createdByName', 'createdAt', 'revokedAt'],
	evaluations: [
		'id',
		'activityTitle',
		'startDate',
		'participants',
		'rating',
		'comment',
		'createdAt',
		'updatedAt'
	],
	holidays: HOLIDAY_COLUMNS,
	commitments: [
		'contactName',
		'contactEmail',
		'contactPhone',
		'note',
		'joinedOn',
		'trades',
		'createdAt',
		'updatedAt'
	],
	openings: OPENING_COLUMNS,
	meetings: ['activityId', 'title', 'startDate', 'invited', 'present']
};

/** The JSON document: the organisation's own row at the top, then one array per table. */
export function exportJson(data: OrganisationExport): string {
	const { organisation, ...tables } = data.tables;
	return JSON.stringify(
		{ exportedAt: data.exportedAt, organisation: organisation[0], ...tables },
		null,
		2
	);
}

/**
 * A cell as Excel should read it. Text starting with = + - @ (or a tab or CR) gets a leading
 * apostrophe so a spreadsheet does not run it as a formula (CSV injection): a comment typed by a
 * user must never become code on an admin's machine.
 */
function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return cell(value.join(', '));
	if (typeof value === 'boolean') return value ? 'ja' : 'nej';
	return safeCsvText(String(value));
}

export function exportCsv(data: OrganisationExport, table: ExportTable): string {
	const columns = CSV_COLUMNS[table];
	const rows = data.tables[table].map((row: ExportRow) => columns.map((c) => cell(row[c])));
	return excelCsv([[...columns], ...rows]);
}

/** 'aarshjul-smedjen-aps-bookingsMade-2026-08-03.csv' */
export function exportFilename(data: OrganisationExport, table: ExportTable | null): string {
	const day = data.exportedAt.slice(0, 10);
	const name = table ? `${data.organisation.slug}-${table}` : data.organisation.slug;
	return `aarshjul-${name}-${day}.${table ? 'csv' : 'json'}`;
}
