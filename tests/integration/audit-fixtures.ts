import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';

// Reading back what the domain wrote to the audit log.

export interface LoggedEvent {
	actorId: string | null;
	actorName: string;
	organisationId: string | null;
	action: string;
	entityType: string;
	entityId: string;
	summary: string;
}

/** Every event, oldest first. */
export function auditEvents(db: Kysely<DB>, entityType?: string): Promise<LoggedEvent[]> {
	let query = db
		.selectFrom('auditEvent')
		.select([
			'actorId',
			'actorName',
			'organisationId',
			'action',
			'entityType',
			'entityId',
			'summary'
		])
		.orderBy('id');
	if (entityType) query = query.where('entityType', '=', entityType);
	return query.execute();
}

export async function auditCount(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('auditEvent')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The one event written since `before` events existed; fails when there were more or none. */
export async function onlyNewEvent(db: Kysely<DB>, before: number): Promise<LoggedEvent> {
	const all = await auditEvents(db);
	if (all.length !== before + 1) {
		throw new Error(`expected one new audit event, found ${all.length - before}`);
	}
	return all[all.length - 1];
}
