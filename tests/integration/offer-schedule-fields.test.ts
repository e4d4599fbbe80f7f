import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import OfferScheduleFields from '../../src/lib/bookings/components/OfferScheduleFields.svelte';

// Without JavaScript the browser focuses the first field with autofocus after a refused post.
// The weeks and dates of an offer show their error on the group, so the group's first field
// carries it.

const inputs = (html: string) => [...html.matchAll(/<input[^>]*>/g)].map((m) => m[0]);

describe('OfferScheduleFields', () => {
	it('puts autofocus on the first week when the weeks were refused, and nowhere else', () => {
		const { body } = render(OfferScheduleFields, {
			props: {
				mode: 'create',
				values: { weeks: ['uge 99'] },
				errors: { weeks: 'Ugen findes ikke.' },
				kind: 'erhvervspraktik'
			}
		});
		const focused = inputs(body).filter((input) => /\bautofocus\b/.test(input));
		expect(focused).toHaveLength(1);
		expect(focused[0]).toContain('id="weeks-0"');
		expect(body).toContain('id="weeks-error"');
	});

	it('puts autofocus on the first date when the dates were refused', () => {
		const { body } = render(OfferScheduleFields, {
			props: { mode: 'create', values: {}, errors: { dates: 'Vælg en dato.' }, kind: 'besoeg' }
		});
		const focused = inputs(body).filter((input) => /\bautofocus\b/.test(input));
		expect(focused).toHaveLength(1);
		expect(focused[0]).toContain('id="dates-0"');
	});

	it('focuses nothing when nothing was refused', () => {
		const { body } = render(OfferScheduleFields, {
			props: { mode: 'create', values: {}, errors: {}, kind: '' }
		});
		expect(inputs(body).some((input) => /\bautofocus\b/.test(input))).toBe(false);
	});
});
