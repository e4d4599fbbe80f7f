import type { SessionUser, SessionRecord } from '$lib/server/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionRecord | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
