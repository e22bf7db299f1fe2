// No secret travels through Temporal. A whole journey is played through the app with the payload
// codec on (sign-up link and password, staff's request for documents, password reset, e-mail
// change, an order paid by card); then every history of the task queue is read twice: raw, as the
// Temporal server, its database and its UI hold it, where no personal text may show; and decoded,
// as an operator with the codec sees it, where no token, password, mail body or IBAN may show.
import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createPayloadCodec } from '../../lib/temporal/payload-codec.ts';
import { findUserByEmail } from '../../db/queries/accounts/users.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createStaff, login, PASSWORD } from '../helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../helpers/app.ts';
import { addHomeAddress, bookingFamily, holdPlaces } from '../helpers/booking.ts';
import { waitForMail } from '../helpers/outbox.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { useTemporal } from '../helpers/temporal.ts';
import { accountValidationWorkflowId, approvalState } from '../../workflows/approvals/approval.messages.ts';
import { orderWorkflowId } from '../../workflows/orders/order.messages.ts';
import { testNow } from '../helpers/clock.ts';

const codec = createPayloadCodec([randomBytes(32)]);
const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db }, dataConverter: { payloadCodecs: [codec] } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie?: string) => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });

const mailTo = (recipient: string, subject: RegExp) => waitForMail(database.db, recipient, subject);
const tokenIn = (text: string) => /token=([a-z0-9]+)/.exec(text)![1]!;

/** Every payload of a history, and every other string in it. */
function collect(node: unknown, payloads: Payload[], strings: string[]): void {
  if (node instanceof Uint8Array || node === null || typeof node !== 'object') {
    if (typeof node === 'string') strings.push(node);
    return;
  }
  const value = node as Record<string, unknown>;
  if (value.data instanceof Uint8Array && value.metadata && typeof value.metadata === 'object') {
    payloads.push(value as Payload);
    return;
  }
  for (const child of Object.values(value)) collect(child, payloads, strings);
}

describe('secrets in workflow histories', () => {
  it('none: raw histories hold no personal text, decoded ones no token, password, mail body or IBAN', async () => {
    await loadDemoCatalogue(database.db, '2026-11-27');
    const secrets: string[] = [PASSWORD];
    const personal: string[] = [];

    // Sign-up: the link's token, then the password chosen.
    const email = 'secrete@example.fr';
    await postForm(app(), '/inscription', { signup_email: email }, { 'X-Forwarded-For': '10.60.0.1' });
    const signupMail = await mailTo(email, /inscription|Créez|compte/i);
    secrets.push(tokenIn(signupMail.text_body), signupMail.text_body.split('\n').find((line) => line.includes('token='))!.trim());
    const rosieres = await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
    const chosen = 'Choisi-Secret-2026!';
    secrets.push(chosen);
    const created = await postForm(app(), '/inscription/confirmer', {
      token: tokenIn(signupMail.text_body), first_name: 'Solène', last_name: 'Secrète', phone: '06 12 34 56 78', commune: String(rosieres.id), password: chosen, password_confirmation: chosen,
    });
    expect(created.status).toBe(303);
    const user = (await findUserByEmail(database.db, email))!;

    // Staff asks for documents: their words travel (encrypted), as personal data.
    await createStaff(database.db, 'agent.secret@rosieres.fr', ['rosieres']);
    const staff = await login(app(), 'agent.secret@rosieres.fr', PASSWORD, { 'X-Forwarded-For': '10.60.0.2' });
    await temporal.client.workflow.getHandle(accountValidationWorkflowId(user.id)).query(approvalState);
    const request = 'Merci de fournir votre attestation de quotient familial de cette année.';
    personal.push(request, 'Solène');
    expect((await postForm(app(), `/agent/validations/${user.id}`, { action: 'request', message: request }, { Cookie: staff })).status).toBe(303);

    // Password reset, then an e-mail change asked with the current password.
    await postForm(app(), '/recuperation-mot-de-passe', { email }, { 'X-Forwarded-For': '10.60.0.3' });
    const resetMail = await mailTo(email, /mot de passe/i);
    secrets.push(tokenIn(resetMail.text_body));
    const renewed = 'Renouvele-Secret-2027!';
    secrets.push(renewed);
    expect((await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token: tokenIn(resetMail.text_body), password: renewed, password_confirmation: renewed })).status).toBe(303);
    const parent = await login(app(), email, renewed, { 'X-Forwarded-For': '10.60.0.4' });
    await postForm(app(), '/mon-compte/informations/email', { new_email: 'nouvelle.secrete@example.fr', current_password: renewed }, { Cookie: parent, 'X-Forwarded-For': '10.60.0.5' });
    const changeMail = await mailTo('nouvelle.secrete@example.fr', /adresse/i);
    secrets.push(tokenIn(changeMail.text_body));

    // An order paid by card through the sandbox, its signed outcome brought back by the browser.
    const family = await bookingFamily(database.db, 'famille.secrete@example.fr');
    const addressId = await addHomeAddress(database.db, family.user.id);
    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-16'], testNow())).ok) throw new Error('hold refused');
    const buyer = await login(app(), family.user.email, PASSWORD, { 'X-Forwarded-For': '10.60.0.6' });
    const number = /\/commande\/(\d{4}-\d{6})\//.exec((await postForm(app(), '/commande', {}, { Cookie: buyer })).headers.get('location') ?? '')![1]!;
    await postForm(app(), `/commande/${number}/adresse`, { adresse: String(addressId) }, { Cookie: buyer });
    await postForm(app(), `/commande/${number}/conditions`, { cgv: '1' }, { Cookie: buyer });
    const page = await (await postForm(app(), `/commande/${number}/paiement`, { carte: 'CB' }, { Cookie: buyer })).text();
    const fields = [...page.matchAll(/<input type="hidden" name="(PBX_[A-Z_]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')]);
    const paid = await app().request('/sandbox/paybox/payer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
      body: new URLSearchParams([...fields, ['choice', 'accepted']]).toString(),
    });
    const back = new URL(paid.headers.get('location')!);
    await get(back.pathname + back.search, buyer);
    expect((await temporal.client.workflow.getHandle(orderWorkflowId(number)).result()).status).toBe('paid');
    personal.push('3 rue des Tanneries');

    const mails = await database.db.selectFrom('outbox_mails').select(['text_body']).execute();
    const bodyLines = mails.flatMap((mail) => mail.text_body.split('\n')).map((line) => line.trim()).filter((line) => line.length > 30);
    expect(bodyLines.length).toBeGreaterThan(5);

    // Every history of the journey's task queue.
    const raw: string[] = [];
    const decoded: string[] = [];
    // Three mails, the account's validation and the order; the list is eventually consistent.
    const listed = async () => {
      const found: { workflowId: string; runId: string }[] = [];
      for await (const workflow of temporal.client.workflow.list({ query: `TaskQueue = "${temporal.taskQueue}"` })) found.push(workflow);
      return found;
    };
    let workflows = await listed();
    for (let attempt = 0; attempt < 50 && workflows.length < 5; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      workflows = await listed();
    }
    let histories = 0;
    for (const workflow of workflows) {
      const history = await temporal.client.workflow.getHandle(workflow.workflowId, workflow.runId).fetchHistory();
      const payloads: Payload[] = [];
      collect(history, payloads, raw);
      raw.push(...payloads.map((payload) => Buffer.from(payload.data ?? []).toString('latin1')));
      decoded.push(...(await codec.decode(payloads)).map((payload) => Buffer.from(payload.data ?? []).toString('utf8')));
      histories += 1;
    }
    expect(histories).toBe(5);
    // Operators list workflows by id and by search attributes, which the codec does not cover: no
    // e-mail, former or current, is found there (nor anywhere in the raw histories, below).
    const addresses = [email, 'nouvelle.secrete@example.fr', family.user.email];
    personal.push(...addresses);
    const listedText = JSON.stringify(await Promise.all(workflows.map(async (workflow) => ({ id: workflow.workflowId, attributes: (await temporal.client.workflow.getHandle(workflow.workflowId, workflow.runId).describe()).typedSearchAttributes }))));
    for (const address of addresses) expect(listedText, address).not.toContain(address);
    for (const address of addresses) {
      const found = [];
      for await (const workflow of temporal.client.workflow.list({ query: `TaskQueue = "${temporal.taskQueue}" AND WorkflowId STARTS_WITH "${address.split('@')[0]}"` })) found.push(workflow.workflowId);
      expect(found, address).toEqual([]);
    }
    const rawText = raw.join('\n');
    const decodedText = decoded.join('\n');
    // The decoded payloads are readable: the order's number is there, the staff's request too.
    expect(decodedText).toContain(number);
    expect(decodedText).toContain(request);

    const leaks = [
      ...secrets.filter((secret) => decodedText.includes(secret) || rawText.includes(secret)).map((secret) => `secret: ${secret.slice(0, 12)}…`),
      ...bodyLines.filter((line) => decodedText.includes(line)).map((line) => `mail body: ${line.slice(0, 40)}…`),
      ...personal.filter((text) => rawText.includes(text)).map((text) => `in clear: ${text}`),
      ...(/\bFR\d{2}(?:[ ]?[0-9A-Z]{4}){5}[ ]?[0-9A-Z]{3}\b/.test(decodedText) ? ['an IBAN'] : []),
    ];
    expect(leaks).toEqual([]);
  }, 120_000);
});
