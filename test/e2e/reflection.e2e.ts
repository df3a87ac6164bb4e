import { startServer } from './web-server';
import { callApi } from './http-client';
import type { Page } from '@playwright/test';
import { card, expect, test } from './fixtures';

/** Opens the card's round 1 reflection from the board and puts the caret at the end of its text. */
async function openReflectionAtEnd(page: Page, company: string) {
  await card(page, company).click();
  await page.getByRole('button', { name: 'Reflection on round 1' }).click();
  const pane = page.getByRole('region', { name: `Reflection: ${company}, round 1` });
  const editor = pane.getByRole('textbox', { name: 'Reflection' });
  await expect(editor).toContainText('Questions asked');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  return { pane, editor };
}

test('a reflection the editor says is saved survives the server being killed (SIGKILL) right then', async ({ page, server }) => {
  await page.goto(server.url);
  const quickAdd = page.getByRole('form', { name: 'Quick add' });
  await quickAdd.getByLabel('Company').fill('Umbrella Health');
  await quickAdd.getByLabel('Role').fill('Data Scientist');
  await quickAdd.getByLabel('Round date and time').fill('2026-11-20T10:00');
  await quickAdd.getByRole('button', { name: 'Add' }).click();
  const { pane: dialog } = await openReflectionAtEnd(page, 'Umbrella Health');
  const words = 'They asked about zymurgy pipelines and I answered with the fermentation dashboard story.';
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await page.keyboard.type('- [ ] send the article on sampling bias');

  // The promise under test: once the editor says "Saved", the text is in the journal, even if
  // the server dies hard that instant. (The editor saves within a second of the last keystroke.)
  await expect(dialog.getByRole('status', { name: 'Save status' })).toHaveText(/Saved \w/); // "Saved" with the time of a save: this reflection had none before
  const killed = await server.stop('SIGKILL');
  expect(killed).toBeNull(); // killed by the signal, no clean exit

  const again = await startServer(server.dataDir);
  try {
    await page.goto(again.url);
    await card(page, 'Umbrella Health').click();
    await page.getByRole('button', { name: 'Reflection on round 1' }).click();
    const reopened = page.getByRole('region', { name: 'Reflection: Umbrella Health, round 1' }).getByRole('textbox', { name: 'Reflection' });
    await expect(reopened).toContainText(words);
    await expect(reopened).toContainText('send the article on sampling bias');
    await expect(reopened.getByRole('checkbox')).toHaveCount(1);
    await page.getByRole('region', { name: 'Reflection: Umbrella Health, round 1' }).getByRole('button', { name: 'Back to the card' }).click();
    await page.getByRole('region', { name: 'Umbrella Health: Data Scientist' }).getByRole('button', { name: 'Close' }).click();

    // The board's search finds the card by a word of its reflection, with the word highlighted.
    await page.getByRole('searchbox', { name: 'Search' }).fill('zymurgy');
    const found = page.getByRole('region', { name: 'Found in reflections' });
    await expect(found).toContainText('Umbrella Health, round 1');
    await expect(found.locator('mark')).toHaveText(['zymurgy']);
    await expect(card(page, 'Umbrella Health')).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search' }).fill('nothing-like-this');
    await expect(card(page, 'Umbrella Health')).toHaveCount(0);
  } finally {
    await again.stop();
  }
});

test('a mark for the thank-you ends with its paragraph: Enter after it starts unmarked text', async ({ page, server }) => {
  const created = JSON.parse((await callApi(server.port, server.token, 'opportunities.create', { company: 'Hooli', role: 'SRE', firstRound: { startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), format: 'video', interviewerIds: [] } })).body) as {
    value: { rounds: { id: number }[] };
  };
  await page.goto(server.url);
  const { pane, editor } = await openReflectionAtEnd(page, 'Hooli');
  await page.keyboard.press('Enter');
  // A whole line marked with the button, as a user does: typed, selected, "Mention in the thank-you".
  await page.keyboard.type('Priya liked the consumer lag story');
  await page.keyboard.press('Shift+Home');
  await pane.getByRole('button', { name: 'Mention in the thank-you' }).click();
  await expect(editor.locator('mark')).toHaveText(['Priya liked the consumer lag story']);
  // The caret at the end of the marked line (clicked into, then End until it is there: the click's
  // caret can arrive after a key pressed at once), then Enter.
  await editor.locator('mark').click();
  const atEnd = () => page.evaluate(() => {
    const selection = getSelection();
    return selection?.isCollapsed === true && selection.focusNode?.textContent === 'Priya liked the consumer lag story' && selection.focusOffset === selection.focusNode.textContent.length;
  });
  await expect.poll(async () => {
    await page.keyboard.press('End');
    return atEnd();
  }).toBe(true);
  // The editor takes the caret from the page's selectionchange event, which comes after the key: a
  // frame for it (an Enter sent in the same millisecond split the line where the click had put it).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Then we talked about hiring.');
  // Autosaved (a save a second while typing): read the journal until the last line is in it.
  const body = async () => (JSON.parse((await callApi(server.port, server.token, 'reflections.get', { roundId: created.value.rounds[0]!.id })).body) as { value: { body: string } }).value.body;
  await expect.poll(body).toContain('Then we talked about hiring.');
  // The mark stays on its line; the next one is plain (it was "==Then we talked about hiring.==").
  expect(await body()).toMatch(/==Priya liked the consumer lag story==\n+Then we talked about hiring\.(\n|$)/);
});
