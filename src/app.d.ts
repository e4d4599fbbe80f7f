import type { Db } from '$lib/platform/server/db';
import type { SessionUser, SessionRecord } from '$lib/auth/server';

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
