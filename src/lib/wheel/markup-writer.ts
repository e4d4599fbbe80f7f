// Markup of thousands of arcs written into one buffer of bytes and turned into a string once.
// Built from template literals, a year of 2,000 arcs was some 120,000 small strings that V8 keeps
// as a tree until the end and then copies into one: more than half of the markup's time went into
// joining them and into collecting the pieces afterwards.
//
// Every character is one byte, Latin-1 (Danish letters included); any other character (a dash
// between two dates, an ellipsis, an emoji) is written as a numeric character reference such as
// &#8211;, which HTML and XML read as the character itself. So the markup is a one-byte string
// to V8: half the memory of a string with a single '–' in it, and half the copying wherever the
// page's HTML goes next.

const AMPERSAND = 38;
const LESS_THAN = 60;
const GREATER_THAN = 62;
const QUOTE = 34;
const ZERO = 48;
const MINUS = 45;
const POINT = 46;

const HASH = 35;
const SEMICOLON = 59;
/** The most bytes one UTF-16 unit can become: '&#1114111;' for the second half of a pair. */
const MOST_PER_UNIT = 10;

// Node's Buffer makes a string of Latin-1 bytes a little faster than its TextDecoder. In the
// browser 'latin1' means windows-1252, which reads every byte this writer writes as Latin-1 does
// (it never writes 0x80–0x9f).
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const decoder = NodeBuffer ? null : new TextDecoder('latin1');

/** Characters written as themselves: ASCII and the printable half of Latin-1. */
const isOneByte = (code: number) => code < 0x80 || (code >= 0xa0 && code <= 0xff);

/**
 * One buffer for all writers, grown to the largest markup written so far: a new one per wheel
 * (zeroed, then copied each time it doubled) cost 5–10 % of the markup's time. A writer takes
 * it when it starts and hands it back in toString(); one that starts while another is writing
 * gets its own.
 */
let spare: Uint8Array | null = null;
/** A buffer larger than this (a year of some 10,000 activities) is not kept for the next one. */
const LARGEST_SPARE = 4 * 1024 * 1024;

/** Digits of one number, least significant first (scratch for digitsAt, which never nests). */
const DIGITS = new Uint8Array(12);

export class MarkupWriter {
	private buffer: Uint8Array;
	private length = 0;

	constructor(capacity = 256) {
		if (spare && spare.length >= capacity) {
			this.buffer = spare;
			spare = null;
		} else {
			this.buffer = new Uint8Array(capacity);
		}
	}

	private reserve(extra: number): void {
		const needed = this.length + extra;
		if (needed <= this.buffer.length) return;
		let capacity = this.buffer.length * 2;
		while (capacity < needed) capacity *= 2;
		const grown = new Uint8Array(capacity);
		grown.set(this.buffer.subarray(0, this.length));
		this.buffer = grown;
	}

	/**
	 * The character that starts at `text[i]`, written at the end as a numeric character reference.
	 * A surrogate pair is one character; a lone surrogate (no character at all) is written as
	 * U+FFFD, as the response's UTF-8 would have it. Returns how many UTF-16 units it took.
	 */
	private reference(text: string, i: number): 1 | 2 {
		let code = text.charCodeAt(i);
		let units: 1 | 2 = 1;
		if (code >= 0xd800 && code <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				code = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
				units = 2;
			} else {
				code = 0xfffd;
			}
		} else if (code >= 0xdc00 && code <= 0xdfff) {
			code = 0xfffd;
		}
		const buffer = this.buffer;
		let at = this.length;
		buffer[at++] = AMPERSAND;
		buffer[at++] = HASH;
		at = this.digitsAt(at, code);
		buffer[at++] = SEMICOLON;
		this.length = at;
		return units;
	}

	/** Text as it is: markup, or text known to need no escaping. */
	raw(text: string): this {
		const count = text.length;
		this.reserve(count * MOST_PER_UNIT);
		const buffer = this.buffer;
		let at = this.length;
		for (let i = 0; i < count; i++) {
			const code = text.charCodeAt(i);
			if (isOneByte(code)) {
				buffer[at++] = code;
			} else {
				this.length = at;
				i += this.reference(text, i) - 1;
				at = this.length;
			}
		}
		this.length = at;
		return this;
	}

	/**
	 * Text for an attribute value or element content, escaped as escapeMarkup does. A loop of its
	 * own rather than raw's with a table of replacements: one shared loop made the drawing of
	 * 2,000 arcs a third slower (measured in bench/wheel-vs-pilehave.ts).
	 */
	escaped(text: string): this {
		const count = text.length;
		this.reserve(count * MOST_PER_UNIT);
		const buffer = this.buffer;
		let at = this.length;
		for (let i = 0; i < count; i++) {
			const code = text.charCodeAt(i);
			if (code === AMPERSAND) {
				buffer[at++] = AMPERSAND;
				buffer[at++] = 97; // a
				buffer[at++] = 109; // m
				buffer[at++] = 112; // p
				buffer[at++] = SEMICOLON;
			} else if (code === LESS_THAN || code === GREATER_THAN) {
				buffer[at++] = AMPERSAND;
				buffer[at++] = code === LESS_THAN ? 108 : 103; // l, g
				buffer[at++] = 116; // t
				buffer[at++] = SEMICOLON;
			} else if (code === QUOTE) {
				buffer[at++] = AMPERSAND;
				buffer[at++] = 113; // q
				buffer[at++] = 117; // u
				buffer[at++] = 111; // o
				buffer[at++] = 116; // t
				buffer[at++] = SEMICOLON;
			} else if (isOneByte(code)) {
				buffer[at++] = code;
			} else {
				this.length = at;
				i += this.reference(text, i) - 1;
				at = this.length;
			}
		}
		this.length = at;
		return this;
	}

	/** Writes the digits of a whole number 0 <= n < 2^31 at `at`; returns where they end. */
	private digitsAt(at: number, n: number): number {
		const buffer = this.buffer;
		// Most numbers on a wheel have one to four digits.
		if (n < 10) {
			buffer[at++] = ZERO + n;
		} else if (n < 100) {
			const tens = (n / 10) | 0;
			buffer[at++] = ZERO + tens;
			buffer[at++] = ZERO + n - tens * 10;
		} else {
			const digits = DIGITS;
			let count = 0;
			let rest = n;
			while (rest > 0) {
				const next = (rest / 10) | 0;
				digits[count++] = rest - next * 10;
				rest = next;
			}
			while (count > 0) buffer[at++] = ZERO + digits[--count];
		}
		return at;
	}

	/** A whole number, as String(n) writes it. */
	integer(n: number): this {
		// The digits are taken with 32-bit integer division.
		if (n >= 2 ** 31 || n <= -(2 ** 31)) return this.raw(String(n));
		this.reserve(12);
		let at = this.length;
		if (n < 0) this.buffer[at++] = MINUS;
		this.length = this.digitsAt(at, n < 0 ? -n : n);
		return this;
	}

	/**
	 * A whole number of tenths as a decimal, as String(v / 10) and geometry's `tenths` write it:
	 * 1234 → '123.4', 120 → '12', -5 → '-0.5'.
	 */
	tenths(v: number): this {
		if (v >= 2 ** 31 || v <= -(2 ** 31)) return this.raw(String(v / 10));
		this.reserve(14);
		let at = this.length;
		let rest = v;
		if (rest < 0) {
			this.buffer[at++] = MINUS;
			rest = -rest;
		}
		const whole = (rest / 10) | 0;
		const digit = rest - whole * 10;
		at = this.digitsAt(at, whole);
		if (digit !== 0) {
			this.buffer[at++] = POINT;
			this.buffer[at++] = ZERO + digit;
		}
		this.length = at;
		return this;
	}

	/** Everything written so far, as one string. */
	toString(): string {
		const text = decoder
			? decoder.decode(this.buffer.subarray(0, this.length))
			: NodeBuffer!.from(this.buffer.buffer, 0, this.length).toString('latin1');
		if (this.buffer.length <= LARGEST_SPARE && (!spare || spare.length < this.buffer.length)) {
			spare = this.buffer;
		}
		this.length = 0;
		return text;
	}
}
