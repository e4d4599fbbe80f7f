import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import {
	cancelBooking,
	confirmBooking,
	declineBooking,
	findBookingForUser
} from '../../src/lib/bookings/server/booking';
import { cancelOffer, updateOffer } from '../../src/lib/bookings/server/offer';
import { offerUpdateSchema } from '../../src/lib/bookings/offer-schema';
import { book, makeOffer, visitFields, useBookingWorld } from './booking-fixtures';

async function startSmtp() {
	const received: { to: string[]; data: string }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				received.push({
					to: session.envelope.rcptTo.map((r) => r.address),
					data: Buffer.concat(chunks).toString('utf8')
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** Quoted-printable soft breaks and escapes undone, enough to search a Danish text. */
function decoded(data: string): string {
	return data
		.replace(/\?=\r?\n?\s+=\?UTF-8\?Q\?/g, '')
		.replace(/=\r?\n/g, '')
		.replace(/(=[0-9A-F]{2})+/g, (seq) =>
			Buffer.from(seq.replace(/=/g, ''), 'hex').toString('utf8')
		);
}

describe('booking lifecycle', () => {
	const world = useBookingWorld();
	const savedUrl = process.env.SMTP_URL;
	afterEach(() => {
		process.env.SMTP_URL = savedUrl;
	});

	const outbox = () =>
		world.db
			.selectFrom('outbox')
			.select(['toAddress', 'subject', 'bodyText'])
			.orderBy('createdAt')
			.execute();
	const status = async (id: string) =>
		(
			await world.db
				.selectFrom('booking')
				.select('status')
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).status;

	describe('bookSeats', () => {
		it('tells the provider of a new request and shows it on the school wheel', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world));
			const booking = await book(world.db, world, offerId, { seats: 3 });
			const mails = await outbox();
			expect(mails).toHaveLength(1);
			expect(mails[0].toAddress).toBe('lars@smedjen.dk');
			expect(mails[0].subject).toBe('Ny bookinganmodning: Besøg på smedjen');
			expect(mails[0].bodyText).toContain('Byskolen har anmodet om 3 pladser til klasse 8.B');
			const participant = await world.db
				.selectFrom('activityParticipant')
				.innerJoin('offer', 'offer.activityId', 'activityParticipant.activityId')
				.select('activityParticipant.organisationId')
				.where('offer.id', '=', booking.offerId)
				.execute();
			expect(participant.map((p) => p.organisationId)).toEqual([world.org.school]);
		});

		it('links to the booking from ORIGIN and says "1 plads" for one pupil', async () => {
			const origin = process.env.ORIGIN;
			process.env.ORIGIN = 'https://aarshjul.example/';
			try {
				const offerId = await makeOffer(world.db, world, visitFields(world));
				const booking = await book(world.db, world, offerId, { seats: 1 });
				const [mail] = await outbox();
				expect(mail.bodyText).toContain('Byskolen har anmodet om 1 plads til klasse 8.B');
				expect(mail.bodyText).toContain(
					`Se bookingen i Årshjul: https://aarshjul.example/bookinger/${booking.id}`
				);
				await confirmBooking(world.db, world.users.providerMember, booking.id);
				const confirmed = (await outbox()).find((m) => m.subject.startsWith('Bekræftet'));
				expect(confirmed?.bodyText).toContain(`https://aarshjul.example/bookinger/${booking.id}`);
			} finally {
				if (origin === undefined) delete process.env.ORIGIN;
				else process.env.ORIGIN = origin;
			}
		});
	});

	describe('confirmBooking', () => {
		it('sends the Danish confirmation to the teacher over real SMTP', async () => {
			const smtp = await startSmtp();
			try {
				const offerId = await makeOffer(world.db, world, visitFields(world));
				const booking = await book(world.db, world, offerId, { seats: 2 });
				process.env.SMTP_URL = smtp.url;
				const result = await confirmBooking(world.db, world.users.providerMember, booking.id, {
					message: 'Vi glæder os. Mød op ved porten.'
				});
				expect(result.ok).toBe(true);
				const toTeacher = smtp.received.find((r) => r.to.includes('rasmus@byskolen.dk'));
				expect(toTeacher).toBeDefined();
				const text = decoded(toTeacher!.data);
				expect(text).toMatch(/^Subject: =\?UTF-8\?Q\?Bekræftet:_Besøg_på_smedjen\?/m);
				expect(text).toContain('Smedjen ApS har bekræftet bookingen for klasse 8.B fra Byskolen');
				expect(text).toContain('Mød op ved porten');
				expect(text).toContain('Medbring: Sikkerhedssko');
				// The coordinator (school admin) is told too; nobody at the provider.
				expect(smtp.received.flatMap((r) => r.to).sort()).toEqual(
					['koordinator@example.dk', 'rasmus@byskolen.dk'].sort()
				);
				expect(await status(booking.id)).toBe('confirmed');
			} finally {
				await smtp.close();
			}
		});
	});

	describe('cancelBooking', () => {
		it('promotes the first waitlisted booking that fits and tells its teacher', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '4' }));
			const holder = await book(world.db, world, offerId, { seats: 3 });
			await book(world.db, world, offerId, { seats: 1, classLabel: '8.C' });
			const big = await book(
				world.db,
				world,
				offerId,
				{ seats: 4, classLabel: '9.A', joinWaitlist: true },
				'coordinator'
			);
			const first = await book(
				world.db,
				world,
				offerId,
				{
					seats: 2,
					classLabel: '9.B',
					joinWaitlist: true,
					schoolId: world.org.otherSchool,
					teacherEmail: 'tove@bakke.dk'
				},
				'otherSchool'
			);
			const second = await book(
				world.db,
				world,
				offerId,
				{ seats: 2, classLabel: '9.C', joinWaitlist: true, schoolId: world.org.otherSchool },
				'otherSchool'
			);
			expect([big.status, first.status, second.status]).toEqual([
				'waitlisted',
				'waitlisted',
				'waitlisted'
			]);
			const detail = await findBookingForUser(world.db, world.users.otherSchool, second.id);
			expect(detail?.waitlistPosition).toBe(3);
			await world.db.deleteFrom('outbox').execute();

			const result = await cancelBooking(world.db, world.users.coordinator, holder.id, {
				reason: 'Bussen udgik'
			});
			expect(result.ok).toBe(true);
			// 3 seats freed: the 4-seat booking does not fit, the next 2-seat one does, the last not.
			expect(await status(big.id)).toBe('waitlisted');
			expect(await status(first.id)).toBe('requested');
			expect(await status(second.id)).toBe('waitlisted');
			const mails = await outbox();
			const promoted = mails.find((m) => m.toAddress === 'tove@bakke.dk');
			expect(promoted?.subject).toBe('Der er blevet plads: Besøg på smedjen');
			expect(promoted?.bodyText).toContain('klasse 9.B fra Bakkeskolen');
			const cancelled = mails.find((m) => m.subject.startsWith('Aflyst'));
			expect(cancelled?.toAddress).toBe('lars@smedjen.dk');
			expect(cancelled?.bodyText).toContain('Begrundelse: Bussen udgik');
		});

		it('lets the provider cancel a confirmed booking and tells the school', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world));
			const booking = await book(world.db, world, offerId);
			await confirmBooking(world.db, world.users.providerAdmin, booking.id);
			await world.db.deleteFrom('outbox').execute();
			const result = await cancelBooking(world.db, world.users.providerAdmin, booking.id, {
				reason: 'Maskinstop'
			});
			expect(result.ok && result.value.cancelReason).toBe('Maskinstop');
			expect((await outbox()).map((m) => m.toAddress).sort()).toEqual(
				['koordinator@example.dk', 'rasmus@byskolen.dk'].sort()
			);
			const participants = await world.db.selectFrom('activityParticipant').selectAll().execute();
			expect(participants).toEqual([]);
		});
	});

	describe('declineBooking', () => {
		it('frees the seats for the waitlist and sends the message to the school', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '1' }));
			const booking = await book(world.db, world, offerId);
			const waiting = await book(world.db, world, offerId, {
				classLabel: '8.C',
				joinWaitlist: true
			});
			await declineBooking(world.db, world.users.providerAdmin, booking.id, {
				message: 'Vi har ikke tid'
			});
			expect(await status(waiting.id)).toBe('requested');
			const declined = (await outbox()).find((m) => m.subject.startsWith('Afvist'));
			expect(declined?.bodyText).toContain('Vi har ikke tid');
		});
	});

	describe('updateOffer', () => {
		it('promotes the waitlist when capacity grows and refuses less than booked', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '2' }));
			await book(world.db, world, offerId, { seats: 2 });
			const waiting = await book(world.db, world, offerId, {
				seats: 2,
				classLabel: '9.A',
				joinWaitlist: true
			});
			const fields = { ...visitFields(world), startDate: '2027-02-10', endDate: '2027-02-10' };
			const less = await updateOffer(
				world.db,
				world.users.providerAdmin,
				offerId,
				offerUpdateSchema.parse({ ...fields, capacity: '1' })
			);
			expect(less).toMatchObject({ ok: false, status: 409 });
			expect(less.ok === false && less.message).toMatch(/allerede booket 2 pladser/);
			const more = await updateOffer(
				world.db,
				world.users.providerAdmin,
				offerId,
				offerUpdateSchema.parse({ ...fields, capacity: '4' })
			);
			expect(more.ok).toBe(true);
			expect(await status(waiting.id)).toBe('requested');
		});
	});

	describe('cancelOffer', () => {
		it('cancels the activity and every live booking and tells each school', async () => {
			const offerId = await makeOffer(world.db, world, visitFields(world, { capacity: '1' }));
			const a = await book(world.db, world, offerId);
			const b = await book(world.db, world, offerId, { classLabel: '8.C', joinWaitlist: true });
			await world.db.deleteFrom('outbox').execute();
			const result = await cancelOffer(world.db, world.users.providerMember, offerId, {
				reason: 'Flytning'
			});
			expect(result.ok).toBe(true);
			expect([await status(a.id), await status(b.id)]).toEqual(['cancelled', 'cancelled']);
			const activity = await world.db
				.selectFrom('activity')
				.innerJoin('offer', 'offer.activityId', 'activity.id')
				.select(['activity.status', 'activity.sequence'])
				.where('offer.id', '=', offerId)
				.executeTakeFirstOrThrow();
			expect(activity).toEqual({ status: 'cancelled', sequence: 1 });
			const mails = await outbox();
			expect(mails.filter((m) => m.toAddress === 'rasmus@byskolen.dk')).toHaveLength(2);
			expect(mails.every((m) => m.bodyText.includes('Begrundelse: Flytning'))).toBe(true);
		});
	});
});
