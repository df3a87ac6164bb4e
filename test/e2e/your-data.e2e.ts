import fs from 'node:fs';
import { callApi } from './http-client';
import { card, column, expect, test } from './fixtures';

/** A US spreadsheet date `days` from today (month/day/year). */
const usDate = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
};
const TRACKER_CSV = [
  'Company,Position,Date Applied,Interview Date,Status,Link',
  `Wonka Confections,Chocolate Engineer,${usDate(-20)},${usDate(20)} 2:30 PM,Interviewing,https://jobs.example/wonka`,
  `Tyrell Systems,Replicant Designer,${usDate(-19)},,Daydreaming,`,
  `Cyberdyne Labs,"Robotics Lead, Senior",${usDate(-18)},,Applied,https://jobs.example/cyberdyne`,
].join('\r\n');

test('your data from Settings: export the journal as JSON, import a spreadsheet with a bad row reported, download the calendar', async ({ page, server }) => {
  const created = await callApi(server.port, server.token, 'opportunities.create', {
    company: 'Globex',
    role: 'Analyst',
    firstRound: { startsAt: new Date(Date.now() + 10 * 86_400_000).toISOString(), format: 'video' },
  });
  expect(JSON.parse(created.body).ok).toBe(true);
  await page.goto(server.url);
  await expect(column(page, 'Upcoming').getByText('Globex')).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Your data: export, import, calendar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your data' });
  await expect(dialog).toBeVisible();

  // Export everything: a JSON file in the documented format, with the opportunity in it.
  const jsonDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export everything (JSON)' }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/^afterword-journal-.*\.json$/);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'afterword-journal', version: 1, opportunities: [{ company: 'Globex', role: 'Analyst' }] });

  // Import a tracker's CSV: the columns guessed, the first rows shown, the bad row reported.
  await dialog.getByLabel('Choose a file to import').setInputFiles({ name: 'tracker.csv', mimeType: 'text/csv', buffer: Buffer.from(TRACKER_CSV) });
  const csv = dialog.getByRole('region', { name: 'Spreadsheet import' });
  await expect(csv.getByLabel('Column "Company" becomes')).toHaveValue('company');
  await expect(csv.getByLabel('Column "Position" becomes')).toHaveValue('role');
  await expect(csv.getByLabel('Column "Date Applied" becomes')).toHaveValue('appliedOn');
  await expect(csv.getByRole('table', { name: 'The first rows, as they will be imported' })).toContainText('Robotics Lead, Senior');
  const problems = csv.getByRole('region', { name: 'Rows that cannot be imported' });
  await expect(problems).toContainText('Row 3, Status: "Daydreaming" is not a stage Afterword knows');
  const importButton = csv.getByRole('button', { name: 'Import 2 row(s)' });
  await expect(importButton).toBeDisabled();
  await problems.getByLabel('Skip these rows and import the others').check();
  await importButton.click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Imported 2 opportunities. 1 row(s) skipped.' })).toContainText('Backup made first: journal-');

  // The calendar of what is upcoming: a real iCalendar file with the interviews in it.
  const icsDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Calendar of what is upcoming (.ics)' }).click();
  const ics = await icsDownload;
  expect(ics.suggestedFilename()).toBe('afterword-upcoming.ics');
  const text = fs.readFileSync(await ics.path(), 'utf8');
  expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(text).toContain('SUMMARY:Interview: Globex\\, Analyst (round 1)');
  expect(text).toContain('SUMMARY:Interview: Wonka Confections\\, Chocolate Engineer (round 1)');

  // The calendar to subscribe to lives in the data folder.
  await expect(dialog.getByText(/afterword-calendar\.ics$/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).click();
  // (By their cards: a card imported with no interview date also appears in the reminders, asking for it.)
  await expect(card(page, 'Cyberdyne Labs')).toBeVisible();
  await expect(card(page, 'Wonka Confections')).toBeVisible();
  await expect(page.getByText('Tyrell Systems')).toHaveCount(0);
});
