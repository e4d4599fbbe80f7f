import { expect, test, USERS, logIn, startNewActivity } from './support';

// The activity form as a coordinator uses it from start to end: create an activity, edit it, and
// see the saved values come back in the form (the form components share one PostForm and hand
// values and errors to their field groups by name).

test('an activity is created, edited and shown with what was saved', async ({ page }) => {
	await logIn(page, USERS.secretariat);
	await startNewActivity(page, {
		title: 'Virksomhedsdag på Learnmark',
		start: '2027-04-13',
		end: '2027-04-13'
	});
	await page.getByRole('button', { name: 'Opret aktivitet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Virksomhedsdag på Learnmark');

	await page.getByRole('link', { name: 'Rediger' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rediger aktivitet');
	// The form comes back with the saved values.
	await expect(page.getByLabel('Titel')).toHaveValue('Virksomhedsdag på Learnmark');
	await expect(page.getByLabel('Startdato')).toHaveValue('2027-04-13');
	await page.getByLabel('Titel').fill('Virksomhedsdag på Learnmark – Tech');
	await page.getByLabel('Slutdato').fill('2027-04-14');
	await page.getByRole('button', { name: 'Gem', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Virksomhedsdag på Learnmark – Tech'
	);
	await expect(page.getByText('13.–14. april 2027 (uge 15)')).toBeVisible();
});
