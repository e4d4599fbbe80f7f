import type { Db } from '$lib/server/db';
import type { SessionUser, SessionRecord } from '$lib/server/session';

declare global {
	namespace App {
		interface Locals {
			db: Db;
			user: SessionUser | null;
			session: SessionRecord | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
