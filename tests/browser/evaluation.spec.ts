import { expect, test, USERS, gotoSettled, logIn } from './support';

// Issue 6, evaluation: the demo school finds the activity it still owes an evaluation for,
// records it with the keyboard-friendly form, and sees it move from "lacking" to "recent".
const GF1 = 'GF1-inspirationsdag: Metal og maskin';
const LIST = '/evalueringer?skoleaar=2026%2F27';
const SHOTS = process.env.EVALUATION_SHOTS;

test('a school evaluates an ended activity it took part in', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 900 });
	await logIn(page, USERS.school);
	await gotoSettled(page, LIST);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evalueringer');
	const lacking = page.getByRole('table', { name: 'Mangler evaluering' });
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/evalueringer.png`, fullPage: true });
	await lacking.getByRole('link', { name: GF1 }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Evaluering: ${GF1}`);
	await page.waitForLoadState('networkidle');

	// A rating outside 1-5 cannot be chosen, but an impossible number comes back with a reason.
	await page.getByLabel('Antal deltagere').fill('mange');
	await page.getByLabel('3 – Middel').check();
	await page.getByLabel('Kommentar').fill('Eleverne var meget optagede af svejsning.');
	await page.getByRole('button', { name: 'Gem evaluering' }).click();
	await expect(page.getByText('Skriv et helt antal deltagere fra 0 til 100.000')).toBeVisible();
	await expect(page.getByLabel('Kommentar')).toHaveValue(
		'Eleverne var meget optagede af svejsning.'
	);
	await expect(page.getByLabel('3 – Middel')).toBeChecked();
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/evaluering-fejl.png`, fullPage: true });

	await page.getByLabel('Antal deltagere').fill('26');
	await page.getByLabel('5 – Meget god').check();
	await page.getByRole('button', { name: 'Gem evaluering' }).click();
	await expect(page.getByText('Evalueringen er gemt.')).toBeVisible();
	const ours = page.getByRole('listitem').filter({ hasText: 'Registreret af Helle Andersen' });
	await expect(ours).toContainText('Stensballeskolen');
	await expect(ours).toContainText('5 af 5');
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/evaluering.png`, fullPage: true });

	await gotoSettled(page, LIST);
	await expect(
		page.getByText('Alle afsluttede aktiviteter i skoleåret 2026/27 er evalueret.')
	).toBeVisible();
	await expect(
		page.getByRole('list', { name: 'Seneste evalueringer' }).getByRole('link', { name: GF1 })
	).toBeVisible();
});
