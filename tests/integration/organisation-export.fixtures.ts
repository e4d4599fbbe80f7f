import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/platform/server/db/schema';
import type { BookingWorld } from './booking-fixtures';
import { insertBooking } from './privacy-fixtures';

// Something in every table the export reads, and secrets in every table it must never read.

export const SECRET_BYTES = Buffer.from('SECRET-TOKEN-HASH-0123456789abcd');
export const SECRETS = [
	'$argon2id$v=19$m=19456,t=2,p=1$PASSWORDHASHSECRET',
	'SESSIONIDSECRET',
	SECRET_BYTES.toString('hex'),
	SECRET_BYTES.toString('base64'),
	SECRET_BYTES.toString('utf8'),
	'PASSWORDHASHSECRET',
	'passwordHash',
	'tokenHash',
	'secretHash',
	'password_hash',
	'token_hash'
];

export async function fillExportWorld(db: Kysely<DB>, world: BookingWorld) {
	const admin = world.users.providerAdmin!;
	await insertBooking(db, world, {
		startDate: '2027-03-01',
		names: ['Ida', 'Åse'],
		title: 'Praktik hos Smedjen'
	});
	await db
		.updateTable('appUser')
		.set({ passwordHash: SECRETS[0] })
		.where('id', '=', admin.id)
		.execute();
	await db
		.insertInto('userSession')
		.values({
			id: 'SESSIONIDSECRET',
			secretHash: SECRET_BYTES,
			userId: admin.id,
			expiresAt: new Date('2030-01-01')
		})
		.execute();
	await db
		.insertInto('userToken')
		.values({
			kind: 'invitation',
			tokenHash: SECRET_BYTES,
			email: 'ny@smedjen.dk',
			organisationId: world.org.company,
			role: 'member',
			createdBy: admin.id,
			expiresAt: new Date('2030-01-01')
		})
		.execute();
	await db
		.insertInto('feedToken')
		.values({
			scope: 'company',
			organisationId: world.org.company,
			tokenHash: SECRET_BYTES,
			createdBy: admin.id
		})
		.execute();
	const activity = await db
		.selectFrom('activity')
		.select('id')
		.where('title', '=', 'Praktik hos Smedjen')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('evaluation')
		.values({
			activityId: activity.id,
			organisationId: world.org.company,
			participants: 12,
			rating: 4,
			comment: '=HYPERLINK("http://evil.example")',
			createdBy: admin.id
		})
		.execute();
	await db
		.insertInto('schoolHoliday')
		.values({
			municipalityId: world.org.horsens,
			name: 'Efterårsferie',
			startDate: '2026-10-12',
			endDate: '2026-10-16'
		})
		.execute();
	await db
		.insertInto('allianceCommitment')
		.values({
			organisationId: world.org.company,
			contactName: 'Lars Smed',
			contactEmail: 'lars@smedjen.dk',
			contactPhone: '+45 11 22 33 44',
			joinedOn: '2026-09-01',
			createdBy: admin.id
		})
		.execute();
	await db
		.insertInto('allianceCommitmentTrade')
		.values({ organisationId: world.org.company, tradeCode: 'smed' })
		.execute();
	await db
		.insertInto('apprenticeshipOpening')
		.values({
			organisationId: world.org.company,
			tradeCode: 'smed',
			positions: 2,
			startDate: '2027-08-01',
			contactName: 'Lars Smed',
			contactEmail: 'lars@smedjen.dk'
		})
		.execute();
	// An alliance meeting owned by the partner, which Smedjen was invited to and attended.
	const meeting = await insertBooking(db, world, {
		startDate: '2027-03-10',
		ownerId: world.org.partner,
		title: 'Alliancemøde marts'
	});
	await db.insertInto('meeting').values({ activityId: meeting.activityId }).execute();
	await db
		.insertInto('meetingOrganisation')
		.values({
			activityId: meeting.activityId,
			organisationId: world.org.company,
			invited: true,
			present: true
		})
		.execute();
	await db
		.insertInto('activityParticipant')
		.values({ activityId: meeting.activityId, organisationId: world.org.company })
		.execute();
}
