/**
 * People, as a user meets them: someone added to a round without an email is given one from the
 * card's detail, and the thank-you finds it; a cancelled form leaves no one behind; two contacts
 * who are one person are merged, and everything of both points at the one kept.
 */
import { callApi } from './http-client';
import { expectAccessible } from './axe';
import { card, expect, localInput, test } from './fixtures';
import type { RunningServer } from './web-server';

interface Contact {
  readonly id: number;
  readonly name: string;
  readonly email: string | null;
}

const api = async <T>(server: RunningServer, name: string, input?: unknown): Promise<T> => {
  const response = await callApi(server.port, server.token, name, input);
  const body = JSON.parse(response.body) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
};

test('a person added without an email gets one from the card detail, and the thank-you opens in mail with it', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New opportunity' }).click();
  const form = page.getByRole('dialog', { name: 'New opportunity' });
  // The form opens on its first field, not on its close button.
  await expect(form.getByLabel('Company')).toBeFocused();
  await form.getByLabel('Company').fill('Initech');
  await form.getByLabel('Role').fill('Engineer');
  await form.getByLabel('Date and time').fill(await localInput(page, -4));
  const interviewers = form.getByRole('group', { name: 'Interviewers' });
  await interviewers.getByLabel('Name').fill('Alice Ng');
  await expect(interviewers.getByText('Alice Ng is new: added to your contacts when you save.')).toBeVisible();
  await interviewers.getByRole('button', { name: 'Add interviewer' }).click();
  await expect(interviewers.getByRole('list', { name: 'Interviewers: chosen' })).toContainText('Alice Ng · new');
  // The button is disabled once the name is cleared: the focus is back in the name, for the next person.
  await expect(interviewers.getByLabel('Name')).toBeFocused();
  // Nobody is written before the form is saved.
  expect(await api<Contact[]>(server, 'contacts.list')).toEqual([]);
  await form.getByRole('button', { name: 'Create opportunity' }).click();

  const detail = page.getByRole('region', { name: 'Initech: Engineer' });
  await expect(detail.getByRole('list').filter({ hasText: 'No email yet' })).toContainText('Alice Ng');
  expect((await api<Contact[]>(server, 'contacts.list')).map((c) => [c.name, c.email])).toEqual([['Alice Ng', null]]);

  await detail.getByRole('button', { name: 'Letters for round 1' }).click();
  const letters = detail.getByRole('region', { name: 'Letters' });
  await letters.getByRole('button', { name: 'Draft' }).click();
  const toAlice = letters.getByRole('article', { name: 'Letter to Alice Ng' });
  // The bug this guards: the thank-you opened a mail with no address. Now it says so and offers no mail link.
  await expect(toAlice.getByRole('group', { name: 'No email address for Alice Ng' })).toBeVisible();
  await expect(toAlice.getByRole('link', { name: 'Open in mail' })).toHaveCount(0);

  await detail.getByRole('button', { name: 'Edit Alice Ng', exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Edit Alice Ng' });
  await expect(editor.getByLabel('Name')).toBeFocused();
  await expectAccessible(page, 'the person editor', 'dialog[open]:last-of-type');
  await editor.getByLabel('Email').fill('alice@initech.example');
  await editor.getByLabel('Title').fill('Engineering Manager');
  await editor.getByRole('button', { name: 'Save Alice Ng' }).click();
  await expect(page.getByRole('status', { name: 'What just happened' })).toContainText("Saved Alice Ng's details.");

  await expect(toAlice.getByRole('link', { name: 'Open in mail' })).toHaveAttribute('href', /^mailto:alice@initech\.example\?subject=/);
  // The same person opens for editing from the round that names her and from the letter to her.
  await detail.getByRole('button', { name: 'Alice Ng, interviewer in round 1: edit their details' }).click();
  await expect(editor.getByLabel('Email')).toHaveValue('alice@initech.example');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await toAlice.getByRole('button', { name: 'Edit recipient, Alice Ng' }).click();
  await expect(editor.getByLabel('Title')).toHaveValue('Engineering Manager');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor).toHaveCount(0);
  await expect(detail.getByText('alice@initech.example').first()).toBeVisible();
  expect((await api<Contact[]>(server, 'contacts.list')).map((c) => [c.name, c.email])).toEqual([['Alice Ng', 'alice@initech.example']]);
});

test('cancelling a New opportunity dialog with two new people typed in leaves the contacts as they were', async ({ page, server }) => {
  await api(server, 'contacts.create', { name: 'Zoe Walsh', email: 'zoe@example.test' });
  await page.goto(server.url);

  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  const people = page.getByRole('list', { name: 'People' });
  await expect(people.getByRole('button')).toHaveText([/Zoe Walsh/]);

  await page.getByRole('button', { name: 'New opportunity' }).click();
  const form = page.getByRole('dialog', { name: 'New opportunity' });
  await form.getByLabel('Company').fill('Hooli');
  await form.getByLabel('Role').fill('Analyst');
  const interviewers = form.getByRole('group', { name: 'Interviewers' });
  for (const name of ['Bob Ortiz', 'Carla Diaz']) {
    await interviewers.getByLabel('Name').fill(name);
    await interviewers.getByLabel('Email').fill(`${name.split(' ')[0]!.toLowerCase()}@hooli.example`);
    await interviewers.getByRole('button', { name: 'Add interviewer' }).click();
  }
  await expect(interviewers.getByRole('list', { name: 'Interviewers: chosen' }).getByRole('listitem')).toHaveCount(2);
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);

  await expect(people.getByRole('button')).toHaveText([/Zoe Walsh/]);
  expect((await api<Contact[]>(server, 'contacts.list')).map((c) => c.name)).toEqual(['Zoe Walsh']);
  expect(await api<unknown[]>(server, 'opportunities.list')).toEqual([]);
  // The form opens blank again: the cancelled people are not waiting in it either.
  await page.getByRole('button', { name: 'New opportunity' }).click();
  await expect(form.getByRole('group', { name: 'Interviewers' }).getByRole('list', { name: 'Interviewers: chosen' })).toHaveCount(0);
  await expect(form.getByLabel('Company')).toHaveValue('');
});

test('merging two contacts who are one person: the rounds and letters of both now point at the one kept', async ({ page, server }) => {
  const alice = await api<Contact>(server, 'contacts.create', { name: 'Alice Ng', email: 'alice@acme.example' });
  const other = await api<Contact>(server, 'contacts.create', { name: 'A. Ng', phone: '+1 555 0100' });
  const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
  const acme = await api<{ id: number; rounds: { id: number }[] }>(server, 'opportunities.create', {
    company: 'Acme',
    role: 'Engineer',
    firstRound: { startsAt: ago(30), format: 'video', interviewerIds: [alice.id] },
  });
  const globex = await api<{ id: number; rounds: { id: number }[] }>(server, 'opportunities.create', {
    company: 'Globex',
    role: 'Analyst',
    firstRound: { startsAt: ago(5), format: 'phone', interviewerIds: [other.id] },
  });
  await api(server, 'letters.draft', { roundId: acme.rounds[0]!.id, kind: 'thank-you-email' });
  const [globexLetter] = await api<{ id: number }[]>(server, 'letters.draft', { roundId: globex.rounds[0]!.id, kind: 'thank-you-email' });
  await api(server, 'letters.markSent', { id: globexLetter!.id });

  await page.goto(server.url);
  await page.getByRole('button', { name: 'Contacts', exact: true }).click();
  await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /^Alice Ng/ }).click();
  const person = page.getByRole('article', { name: 'Alice Ng' });
  await expect(person.getByRole('list', { name: 'Rounds with Alice Ng' })).toContainText('Acme, round 1');
  await person.getByRole('button', { name: 'Merge with another contact…' }).click();

  const merge = page.getByRole('dialog', { name: 'Merge another contact into Alice Ng' });
  await merge.getByLabel('The same person as Alice Ng').selectOption({ label: 'A. Ng' });
  await expect(merge).toContainText('Everything that names A. Ng (1 round, 1 letter and 1 timeline entry) will name Alice Ng.');
  await expectAccessible(page, 'the merge dialog', 'dialog[open]');
  await expect(merge).toContainText('Alice Ng has no phone');
  await merge.getByRole('button', { name: 'Merge A. Ng into Alice Ng' }).click();
  await expect(page.getByRole('status', { name: 'What just happened' })).toContainText('Merged A. Ng into Alice Ng');

  // One person now, with both cards' rounds and the letter sent to the other.
  await expect(page.getByRole('list', { name: 'People' }).getByRole('button')).toHaveText([/Alice Ng/]);
  await expect(person.getByRole('list', { name: 'Rounds with Alice Ng' })).toContainText('Globex, round 1');
  await expect(person.getByText('+1 555 0100')).toBeVisible();
  await expect(person.getByRole('table')).toContainText('Thank-you sent (thank-you email)');
  await expectAccessible(page, 'the contacts view with a person and their history');

  const contacts = await api<Contact[]>(server, 'contacts.list');
  expect(contacts.map((c) => c.id)).toEqual([alice.id]);
  for (const o of [acme, globex]) {
    const got = await api<{ rounds: { interviewerIds: number[] }[] }>(server, 'opportunities.get', { id: o.id });
    expect(got.rounds[0]!.interviewerIds).toEqual([alice.id]);
    const letters = await api<{ contactId: number; recipientName: string }[]>(server, 'letters.list', { opportunityId: o.id });
    expect(letters.map((l) => [l.contactId, l.recipientName])).toEqual([[alice.id, 'Alice Ng']]);
  }
  // The merged person's card says so on the board too.
  await page.getByRole('navigation', { name: 'Afterword' }).getByRole('button', { name: 'Board' }).click();
  await card(page, 'Globex').click();
  await expect(page.getByRole('region', { name: 'Globex: Analyst' })).toContainText('With Alice Ng');
});
