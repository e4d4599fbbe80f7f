import { getDatabase } from './db';
import { pingDatabase } from './queries/database';

/** A database that does not answer within this is as good as down for a load balancer. */
const HEALTH_TIMEOUT_MS = 5_000;

/**
 * Asks the database for `select 1`. On PostgreSQL this takes a pooled connection, so a
 * connection PostgreSQL ended is replaced here too: ok again as soon as the server answers.
 */
export async function checkDatabase(): Promise<{
	database: 'ok' | 'unreachable';
	engine?: string;
}> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('health check timed out')), HEALTH_TIMEOUT_MS);
	});
	try {
		const database = await getDatabase();
		await Promise.race([pingDatabase(database.db), timeout]);
		return { database: 'ok', engine: database.engine };
	} catch {
		return { database: 'unreachable' };
	} finally {
		clearTimeout(timer);
	}
}
