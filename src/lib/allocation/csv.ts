import { parse } from 'csv-parse/sync';
import { m } from '$lib/paraglide/messages.js';
import { MAX_WISHES, type AgeGroup } from './model';
import { CSV_COLUMNS, MAX_CSV_BYTES } from './csv-format';

// A school's pupils and wishes from a CSV file as Danish Excel saves it (UTF-8 with BOM,
// semicolons), or from the one-pupil form: the same rules for both. Nothing is saved unless the
// whole file is valid, so the parser returns every bad line's message or all the pupils.

export { CSV_COLUMNS, MAX_CSV_BYTES, placeCode } from './csv-format';

export interface PupilInput {
	pseudonym: string;
	firstName: string | null;
	classLabel: string;
	grade: number;
	ageGroup: AgeGroup;
	ownPlace: boolean;
	wishes: { tradeCode: string | null; offerId: string | null }[];
}

/** A pupil's own fields, without the wishes (what a pupil row holds). */
export function pupilFields(p: Omit<PupilInput, 'wishes'>): Omit<PupilInput, 'wishes'> {
	return {
		pseudonym: p.pseudonym,
		firstName: p.firstName,
		classLabel: p.classLabel,
		grade: p.grade,
		ageGroup: p.ageGroup,
		ownPlace: p.ownPlace
	};
}

export interface WishContext {
	trades: readonly { code: string; nameDa: string }[];
	/** The round's places; a wish for one is written 'plads:' and the first 8 characters of its id. */
	placeIds: readonly string[];
}

export type ParseResult = { ok: true; pupils: PupilInput[] } | { ok: false; errors: string[] };

const norm = (s: string) => s.trim().toLocaleLowerCase('da');

export function parseAgeGroup(value: string): AgeGroup | null {
	const v = norm(value).replace(/\s+/g, ' ');
	if (['under 13', 'u13', '<13', 'under13', '12'].includes(v)) return 'under13';
	if (['13', '13 år'].includes(v)) return 'age13';
	if (['14+', '14', '14 og over', '14 og derover', '14 år og derover', 'age14plus'].includes(v)) {
		return 'age14plus';
	}
	if (v === 'age13') return 'age13';
	return null;
}

function parseWish(cell: string, context: WishContext) {
	const v = norm(cell);
	if (v.startsWith('plads:')) {
		const prefix = v.slice(6).trim();
		const matches = context.placeIds.filter((id) => prefix.length >= 8 && id.startsWith(prefix));
		return matches.length === 1 ? { tradeCode: null, offerId: matches[0] } : null;
	}
	const trade = context.trades.find((t) => t.code === v || norm(t.nameDa) === v);
	return trade ? { tradeCode: trade.code, offerId: null } : null;
}

/**
 * One pupil's cells (klasse, pseudonym, fornavn, klassetrin, aldersgruppe, egen plads, wishes …)
 * → the pupil, or the messages of what is wrong (without a line number; the caller adds it).
 */
export function validatePupilCells(cells: readonly string[], context: WishContext) {
	const errors: string[] = [];
	const [classLabel = '', pseudonym = '', firstName = '', gradeCell = '', ageCell = '', own = ''] =
		cells.map((c) => c.trim());
	const wishCells = cells.slice(CSV_COLUMNS.length).map((c) => c.trim());
	while (wishCells.length > 0 && wishCells[wishCells.length - 1] === '') wishCells.pop();
	if (!classLabel || classLabel.length > 20) errors.push(m.allocation_csv_class());
	if (!/^[\p{L}\p{N}.\-_ ]{1,30}$/u.test(pseudonym)) errors.push(m.allocation_csv_pseudonym());
	if (firstName.length > 40 || /\s/.test(firstName)) errors.push(m.allocation_csv_first_name());
	const grade = Number(gradeCell.replace(/\.$/, ''));
	if (!/^\d{1,2}\.?$/.test(gradeCell) || grade < 0 || grade > 10) {
		errors.push(m.allocation_csv_grade());
	}
	const ageGroup = parseAgeGroup(ageCell);
	if (!ageGroup) errors.push(m.allocation_csv_age());
	const ownPlace = ['ja', 'x', '1'].includes(norm(own));
	if (!ownPlace && !['', 'nej', '0'].includes(norm(own))) errors.push(m.allocation_csv_own());
	if (wishCells.length > MAX_WISHES) {
		errors.push(m.allocation_csv_too_many_wishes({ max: String(MAX_WISHES) }));
	}
	const wishes: PupilInput['wishes'] = [];
	const seen = new Set<string>();
	for (const cell of wishCells.slice(0, MAX_WISHES)) {
		if (cell === '') {
			errors.push(m.allocation_csv_wish_gap());
			break;
		}
		const wish = parseWish(cell, context);
		if (!wish) {
			errors.push(m.allocation_csv_unknown_trade({ value: cell.slice(0, 40) }));
			continue;
		}
		const key = `${wish.tradeCode}|${wish.offerId}`;
		if (seen.has(key)) errors.push(m.allocation_csv_wish_twice({ value: cell.slice(0, 40) }));
		seen.add(key);
		wishes.push(wish);
	}
	if (!ownPlace && wishes.length === 0 && errors.length === 0) {
		errors.push(m.allocation_csv_no_wishes());
	}
	if (errors.length > 0 || !ageGroup) return { ok: false as const, errors };
	return {
		ok: true as const,
		pupil: {
			pseudonym,
			firstName: firstName || null,
			classLabel,
			grade,
			ageGroup,
			ownPlace,
			wishes
		}
	};
}

/** The whole file: every bad line's message, or all the pupils (none when any line is bad). */
export function parseWishCsv(text: string, context: WishContext): ParseResult {
	if (new TextEncoder().encode(text).length > MAX_CSV_BYTES) {
		return { ok: false, errors: [m.allocation_csv_too_big()] };
	}
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return { ok: false, errors: [m.allocation_csv_empty()] };
	const firstLine = body.split(/\r?\n/, 1)[0];
	const delimiter = firstLine.includes(';') ? ';' : ',';
	let rows: string[][];
	try {
		rows = parse(body, {
			delimiter,
			relax_column_count: true,
			skip_empty_lines: true
		}) as string[][];
	} catch {
		return { ok: false, errors: [m.allocation_csv_unreadable()] };
	}
	const [header, ...lines] = rows;
	const expected = CSV_COLUMNS.join(';');
	const headerOk =
		header.length >= CSV_COLUMNS.length + 1 &&
		CSV_COLUMNS.every((c, i) => norm(header[i] ?? '') === c) &&
		header.slice(CSV_COLUMNS.length).every((c) => /^(ø|oe)nske ?\d$/.test(norm(c)));
	if (!headerOk) return { ok: false, errors: [m.allocation_csv_header({ expected })] };
	if (lines.length === 0) return { ok: false, errors: [m.allocation_csv_empty()] };
	const errors: string[] = [];
	const pupils: PupilInput[] = [];
	const pseudonyms = new Map<string, number>();
	lines.forEach((cells, i) => {
		const line = String(i + 2);
		if (cells.length < CSV_COLUMNS.length) {
			errors.push(
				m.allocation_csv_line({
					line,
					message: m.allocation_csv_columns({ count: String(cells.length) })
				})
			);
			return;
		}
		const result = validatePupilCells(cells, context);
		if (!result.ok) {
			for (const message of result.errors) errors.push(m.allocation_csv_line({ line, message }));
			return;
		}
		const key = norm(result.pupil.pseudonym);
		const first = pseudonyms.get(key);
		if (first !== undefined) {
			errors.push(
				m.allocation_csv_line({
					line,
					message: m.allocation_csv_duplicate({
						pseudonym: result.pupil.pseudonym,
						first: String(first)
					})
				})
			);
			return;
		}
		pseudonyms.set(key, i + 2);
		pupils.push(result.pupil);
	});
	return errors.length > 0 ? { ok: false, errors } : { ok: true, pupils };
}
