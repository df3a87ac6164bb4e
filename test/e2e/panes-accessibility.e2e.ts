/**
 * Axe on the panes and what opens from them, on a realistic journal (the demo generator), in the
 * light theme and the dark one: the card's detail panel with its guidance, the letters, the
 * reflection pane, the contacts view and Settings. 0 violations, no rule turned off.
 */
import { expectAccessible } from './axe';
import { callApi } from './http-client';
import { column, expect, test } from './fixtures';
import { startServer, tempDataDir } from './web-server';
import type { RunningServer } from './web-server';

let demo: RunningServer;
test.beforeAll(async () => {
  demo = await startServer(tempDataDir(), ['--demo', '--demo-size', '60', '--seed', '7']);
});
test.afterAll(async () => {
  await demo.stop();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the card panel, its letters, the reflection pane, contacts and Settings are clean under axe (${theme})`, async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(demo.url);
    const thanked = column(page, 'Thanked').getByRole('button', { name: /^Open / });
    await expect(thanked.first()).toBeVisible();
    // A reply on the first Thanked card: its detail shows the guidance that follows a reply.
    const id = Number(await thanked.first().locator('xpath=ancestor::*[@data-card-id][1]').getAttribute('data-card-id'));
    const board = JSON.parse((await callApi(demo.port, demo.token, 'board.get')).body) as { value: { cards: { id: number; company: string; role: string }[] } };
    const target = board.value.cards.find((c) => c.id === id)!;
    await callApi(demo.port, demo.token, 'events.record', { opportunityId: target.id, kind: 'reply_received' });

    await thanked.first().click();
    const panel = page.getByRole('region', { name: `${target.company}: ${target.role}` });
    await expect(panel.getByRole('heading', { name: 'They replied: the waiting is over' })).toBeVisible();
    await expect(panel).not.toContainText('Nothing to do on this card right now');
    await expectAccessible(page, `the card panel (${theme})`, '.detail-panel');

    await panel.getByRole('button', { name: 'Letters for round 1' }).click();
    const letters = panel.getByRole('region', { name: 'Letters' });
    await expect(letters.getByRole('article').first()).toBeVisible();
    await expectAccessible(page, `the letters (${theme})`, '.detail-panel');
    // A LinkedIn note is sent in LinkedIn: drafted here, never offered for printing.
    await letters.getByRole('combobox', { name: 'Letter kind' }).selectOption('linkedin-note');
    await letters.getByRole('button', { name: /^Draft/ }).click();
    await expect(letters.getByRole('article').first()).toContainText('characters');
    await expect(letters.getByRole('group', { name: 'Print as .docx' })).toHaveCount(0);
    await expect(letters.getByText(/Export (this letter|these)/)).toHaveCount(0);
    // A status check asks about next steps: no "specific detail" picker.
    await letters.getByRole('combobox', { name: 'Letter kind' }).selectOption('status-check-email');
    await letters.getByRole('button', { name: /^Draft/ }).click();
    await expect(letters.getByRole('article').first()).toBeVisible();
    await expect(letters.getByLabel('Specific detail (from your reflection)')).toHaveCount(0);
    await expect(letters.getByRole('group', { name: 'Print as .docx' })).toBeVisible();

    await panel.getByRole('button', { name: 'Reflection on round 1' }).click();
    const pane = page.getByRole('region', { name: `Reflection: ${target.company}, round 1` });
    await expect(pane.getByRole('textbox', { name: 'Reflection' })).toBeVisible();
    await expect(pane.getByRole('status', { name: 'Save status' })).toBeVisible();
    await expectAccessible(page, `the reflection pane (${theme})`, '.reflection-pane');
    await pane.getByRole('button', { name: 'Back to the card' }).click();
    await expect(page.getByRole('button', { name: 'Reflection on round 1' })).toBeFocused();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Afterword' }).getByRole('button', { name: 'Contacts' }).click();
    await expect(page.getByRole('main')).toContainText(/Contacts|people/i);
    await expectAccessible(page, `the contacts view (${theme})`, 'main');

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Your name')).toBeVisible();
    await expectAccessible(page, `Settings (${theme})`, 'dialog[open]');
  });
}
