import { callApi } from './http-client';
import { expect, test } from './fixtures';

test('the Sources page names each article by its title; a preset is chosen by name and the core sets its values', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Sources' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sources' });
  const list = dialog.getByRole('list', { name: 'Sources' });
  for (const title of [
    'Effective Follow-Up Strategies: Navigating the Post-Job Interview Phase',
    'Effective Follow-Up Etiquette After a Job Interview: Tips and Etiquette',
    'Creating an Effective Follow-Up Strategy Post-Interview',
    'Is It Bad to Follow Up After an Interview?',
    'What to Do After a Job Interview',
  ]) {
    await expect(list.getByRole('heading', { name: `“${title}”` })).toBeVisible();
  }
  await expect(list.getByRole('listitem', { name: 'LinkedIn Help' })).toContainText('300 with a Premium account');
  await expect(dialog).not.toContainText(/seed/i);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Preset').selectOption('patient');
  await expect(settings.getByLabel('Grace after their date (business days)')).toHaveValue('5');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');
  const saved = JSON.parse((await callApi(server.port, server.token, 'settings.get', {})).body).value.settings.planner;
  expect(saved).toMatchObject({ preset: 'patient', graceBusinessDays: 5, noDecisionDateDays: 7 });
  // Changing a value makes the set custom.
  await settings.getByLabel('Move on after (days of silence)').fill('30');
  await expect(settings.getByLabel('Preset')).toHaveValue('custom');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved.');
  expect(JSON.parse((await callApi(server.port, server.token, 'settings.get', {})).body).value.settings.planner).toMatchObject({ preset: 'custom', moveOnAfterDays: 30 });
});
