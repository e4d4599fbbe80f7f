import { describe, expect, it } from 'vitest';
import { rememberAccount, signDevice, verifyDevice } from './login-device';

const KEY = Buffer.from('k'.repeat(32));
const OTHER_KEY = Buffer.from('x'.repeat(32));
const IDA = '11111111-1111-4111-8111-111111111111';
const BO = '22222222-2222-4222-8222-222222222222';
const DEVICE = { id: 'a'.repeat(32), userIds: [IDA] };

describe('login-device', () => {
	describe('verifyDevice', () => {
		it('reads back what signDevice wrote with the same key', () => {
			expect(verifyDevice(KEY, signDevice(KEY, DEVICE))).toEqual(DEVICE);
		});

		it('refuses a cookie signed with another key', () => {
			expect(verifyDevice(KEY, signDevice(OTHER_KEY, DEVICE))).toBeNull();
		});

		it('refuses a cookie whose accounts were changed', () => {
			const cookie = signDevice(KEY, DEVICE);
			expect(verifyDevice(KEY, cookie.replace(IDA, BO))).toBeNull();
			const [id, , sig] = cookie.split(':');
			expect(verifyDevice(KEY, `${id}:${IDA}+${BO}:${sig}`)).toBeNull();
		});

		it('refuses garbage without throwing', () => {
			for (const value of [undefined, '', ':', 'a:b:c', 'x'.repeat(10_000), '\u0000:\u0000'])
				expect(verifyDevice(KEY, value)).toBeNull();
		});
	});

	describe('rememberAccount', () => {
		it('gives a new browser a random id and puts the latest account first', () => {
			const first = rememberAccount(null, IDA);
			expect(first.id).toMatch(/^[0-9a-f]{32}$/);
			expect(rememberAccount(null, IDA).id).not.toBe(first.id);
			const second = rememberAccount(first, BO);
			expect(second).toEqual({ id: first.id, userIds: [BO, IDA] });
			expect(rememberAccount(second, IDA).userIds).toEqual([IDA, BO]);
		});

		it('remembers at most five accounts', () => {
			let device = rememberAccount(null, IDA);
			for (let i = 0; i < 8; i++) device = rememberAccount(device, `${i}${BO.slice(1)}`);
			expect(device.userIds).toHaveLength(5);
		});
	});
});
