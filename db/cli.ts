import { openDatabase } from '../src/lib/platform/server/db/engine';
import {
	databaseOptionsFromEnv,
	describeDatabaseTarget
} from '../src/lib/platform/server/db/index';
import { migrateToBottom, migrateToLatest } from '../src/lib/platform/server/db/migrate';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo, type SeedSummary } from './seed/index';

const USAGE = 'Brug: tsx db/cli.ts migrate | reset | seed [--quiet]';
const COMMANDS = ['migrate', 'reset', 'seed'] as const;
type Command = (typeof COMMANDS)[number];

function isCommand(value: string | undefined): value is Command {
	return COMMANDS.includes(value as Command);
}

function printSeedSummary(summary: SeedSummary): void {
	console.log(
		`Demodata indlæst: ${summary.organisations} organisationer, ${summary.users} brugere, ` +
			`${summary.activities} aktiviteter (heraf ${summary.offers} tilbud med ${summary.bookings} bookinger) ` +
			`og ${summary.holidays} skoleferier.`
	);
	console.log(`Demo-logins (adgangskode: ${DEMO_PASSWORD}):`);
	for (const login of DEMO_LOGINS) {
		console.log(`  ${login.email.padEnd(30)} ${login.role} – ${login.organisation}`);
	}
}

async function main(): Promise<void> {
	const command = process.argv[2];
	if (!isCommand(command)) {
		console.error(USAGE);
		process.exitCode = 1;
		return;
	}
	// --quiet: only errors (npm run demo, where the app prints the address and logins once).
	const quiet = process.argv.includes('--quiet');
	const log = quiet ? () => {} : (line: string) => console.log(line);
	const options = databaseOptionsFromEnv();
	const database = await openDatabase(options);
	try {
		log(`Bruger ${describeDatabaseTarget(options)}.`);
		if (command === 'reset') {
			await migrateToBottom(database.db);
			log('Alle tabeller er slettet.');
		}
		await migrateToLatest(database.db);
		log('Databasen er migreret til nyeste version.');
		if (command === 'seed' || command === 'reset') {
			const summary = await seedDemo(database.db);
			if (!quiet) printSeedSummary(summary);
		}
	} finally {
		await database.close();
	}
}

function connectionRefused(error: unknown): boolean {
	for (let e = error; e instanceof Error; e = e.cause) {
		if ((e as NodeJS.ErrnoException).code === 'ECONNREFUSED') return true;
	}
	return false;
}

main().catch((error: unknown) => {
	console.error(`Fejl: ${error instanceof Error ? error.message : String(error)}`);
	if (connectionRefused(error)) {
		console.error(
			'Databaseserveren svarer ikke. Tjek DATABASE_URL, eller fjern den for at bruge den indbyggede database.'
		);
	}
	process.exitCode = 1;
});
