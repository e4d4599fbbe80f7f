// A burst of bookings over HTTP, cut off by SIGKILL after a number of answers. It records what
// the client was told for every request: only an answer that arrived counts as acknowledged.
import { randomUUID } from 'node:crypto';
import { postAction, type App } from './app';
import type { World } from './world';

export type Ack = 'requested' | 'waitlisted' | 'confirmed';

export interface Sent {
	index: number;
	key: string;
	classLabel: string;
	teacherName: string;
	/** What the app answered and the client saw; undefined when no answer came. */
	ack?: Ack;
	bookingId?: string;
	/** The offer was full and ?/book (not the waitlist) was used: refused, nothing written. */
	refused?: boolean;
	/** The request had no answer: the server died first (or it failed, which fails the test). */
	lost?: boolean;
}

export interface BurstOptions {
	total: number;
	concurrency: number;
	/** SIGKILL once this many answers (bookings and confirmations) have arrived. */
	killAfter: number;
	schoolCookie: string;
	companyCookie: string;
}

export interface BurstResult {
	sent: Sent[];
	/** Answers that were neither an acknowledgement nor an expected refusal. */
	unexpected: string[];
	killed: boolean;
}

export function bookingFields(
	world: World,
	sent: Pick<Sent, 'key' | 'classLabel' | 'teacherName'>
) {
	return {
		schoolId: world.schoolId,
		classLabel: sent.classLabel,
		seats: '1',
		teacherName: sent.teacherName,
		teacherEmail: 'laerer@example.dk',
		idempotencyKey: sent.key
	};
}

/**
 * Every request books one seat; every other one asks for the waitlist when the offer is full;
 * every third acknowledged 'requested' booking is confirmed by the company at once, so the kill
 * also cuts into status changes.
 */
export async function runBurst(
	app: App,
	world: World,
	options: BurstOptions
): Promise<BurstResult> {
	const sent: Sent[] = [];
	const unexpected: string[] = [];
	let answers = 0;
	let killed = false;
	const answered = () => {
		answers++;
		if (!killed && answers >= options.killAfter) {
			killed = true;
			app.kill();
		}
	};
	const bookOne = async (s: Sent) => {
		const action = s.index % 2 === 0 ? 'waitlist' : 'book';
		const path = `/tilbud/${world.offerId}?/${action}`;
		const answer = await postAction(
			app.origin,
			options.schoolCookie,
			path,
			bookingFields(world, s)
		);
		answered();
		const done = answer.data.done;
		if (answer.type === 'redirect' && (done === 'requested' || done === 'waitlisted')) {
			s.ack = done;
			s.bookingId = String(answer.data.bookingId);
		} else if (answer.type === 'failure' && answer.status === 409 && action === 'book') {
			s.refused = true;
		} else {
			unexpected.push(`${action} #${s.index}: ${answer.type} ${answer.status}`);
		}
	};
	const confirmOne = async (s: Sent) => {
		const path = `/bookinger/${s.bookingId}?/confirm`;
		const answer = await postAction(app.origin, options.companyCookie, path, { message: '' });
		answered();
		if (answer.type === 'success' && answer.data.done === true) s.ack = 'confirmed';
		else unexpected.push(`confirm #${s.index}: ${answer.type} ${answer.status}`);
	};
	let next = 0;
	const worker = async () => {
		while (next < options.total && !killed) {
			const index = next++;
			const s: Sent = {
				index,
				key: randomUUID(),
				classLabel: `D-${index}`,
				teacherName: `Lærer ${index}`
			};
			sent.push(s);
			try {
				await bookOne(s);
				if (s.ack === 'requested' && index % 3 === 0 && !killed) await confirmOne(s);
			} catch (error) {
				// No answer: the connection died with the server. Before the kill, that is a bug.
				s.lost = true;
				if (!killed) unexpected.push(`#${index}: ${String(error)}`);
			}
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, worker));
	await app.exited;
	return { sent, unexpected, killed };
}
