import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../../../db/seed/index';
import type { Database } from './db/engine';

/**
 * Fills an empty database with the demo alliance (unless DEMO_DATA=false) and prints where the
 * app is and how to log in, so a newcomer needs nothing but the README's first command.
 */
export async function prepareDemo(database: Database): Promise<void> {
	const wantDemo = process.env.DEMO_DATA !== 'false';
	let seeded = false;
	if (wantDemo && (await isDatabaseEmpty(database.db))) {
		await seedDemo(database.db);
		seeded = true;
	}
	if (process.env.QUIET_STARTUP === 'true' || !wantDemo) return;
	const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 5173}`;
	const engine = database.engine === 'pglite' ? 'indlejret PostgreSQL (PGlite)' : 'PostgreSQL';
	const lines = [
		'',
		`  Årshjul kører på ${origin} — database: ${engine}${seeded ? ', demodata indlæst' : ''}`,
		`  Demo-logins (adgangskode: ${DEMO_PASSWORD}):`,
		...DEMO_LOGINS.map((l) => `    ${l.email.padEnd(32)} ${l.role} — ${l.organisation}`),
		''
	];
	console.log(lines.join('\n'));
}
