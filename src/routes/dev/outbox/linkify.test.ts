import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
	it('turns http(s) URLs into link parts and keeps the rest as text', () => {
		expect(linkify('Åbn https://a.example/x?y=1 nu.')).toEqual([
			{ text: 'Åbn ' },
			{ text: 'https://a.example/x?y=1', href: 'https://a.example/x?y=1' },
			{ text: ' nu.' }
		]);
	});

	it('leaves a full stop after a link outside it', () => {
		expect(linkify('Se http://localhost:5173/nulstil/abc.')).toEqual([
			{ text: 'Se ' },
			{ text: 'http://localhost:5173/nulstil/abc', href: 'http://localhost:5173/nulstil/abc' },
			{ text: '.' }
		]);
	});

	it('never makes a link of other schemes or markup', () => {
		const parts = linkify('javascript:alert(1) <a href="x">');
		expect(parts).toEqual([{ text: 'javascript:alert(1) <a href="x">' }]);
	});
});
