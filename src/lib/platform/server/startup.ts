import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../../../../db/seed/index';
import type { Database } from './db/engine';
import { hasNoUsers } from '$lib/auth/server';

/**
 * Whether an empty database gets the demo alliance. Its logins share a password printed in the
 * README, so production (the built app, or NODE_ENV=production) seeds only with DEMO_DATA=true;
 * development (`npm run demo`, `vite dev`) seeds unless DEMO_DATA=false.
 */
export function demoDataWanted(env: NodeJS.ProcessEnv, production: boolean): boolean {
	if (env.DEMO_DATA === 'true') return true;
	if (env.DEMO_DATA === 'false') return false;
	return !production && env.NODE_ENV !== 'production';
}

/** What the log says when nobody can log in yet: how to make the first administrator. */
export function firstAdminHint(engine: Database['engine']): string[] {
	const command = 'npm run admin:create -- --email navn@eksempel.dk --name "Fulde navn"';
	return [
		'',
		'  Årshjul: databasen har ingen brugere endnu (ingen demodata i produktion).',
		'  Opret den første administrator (sekretariatet) med:',
		`    ${command}`,
		...(engine === 'pglite'
			? [
					'  Den indbyggede database kan kun åbnes af én proces: stop appen først, og start den igen bagefter.'
				]
			: []),
		'  Kommandoen skriver et engangslink til at vælge adgangskode (eller brug --password-stdin).',
		'  No users yet: create the first administrator with the command above (docs/OPERATIONS.md, "Production").',
		''
	];
}

/**
 * Fills an empty database with the demo alliance when wanted (see demoDataWanted) and prints
 * where the app is and how to log in, so a newcomer needs nothing but the README's first
 * command; without demo data, on a database without users, it prints how to make the first admin.
 */
export async function prepareDemo(database: Database, production: boolean): Promise<void> {
	const wantDemo = demoDataWanted(process.env, production);
	let seeded = false;
	if (wantDemo && (await isDatabaseEmpty(database.db))) {
		await seedDemo(database.db);
		seeded = true;
	}
	if (!wantDemo) {
		if (await hasNoUsers(database.db)) console.warn(firstAdminHint(database.engine).join('\n'));
		return;
	}
	if (process.env.QUIET_STARTUP === 'true') return;
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
