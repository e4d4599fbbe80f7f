import { sql } from 'kysely';
import { getDatabase } from './db';

export async function checkDatabase(): Promise<{
	database: 'ok' | 'unreachable';
	engine?: string;
}> {
	try {
		const database = await getDatabase();
		await sql`select 1`.execute(database.db);
		return { database: 'ok', engine: database.engine };
	} catch {
		return { database: 'unreachable' };
	}
}
