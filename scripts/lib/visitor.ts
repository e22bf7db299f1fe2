// A visitor of the product over HTTP, as a browser without JavaScript is: it keeps its session
// cookie, posts forms from the site's own origin and reads the pages. The demo's families act
// through it; the benchmark's and the crash tests' parents read the card payment form with it.
export interface Page {
  status: number;
  location: string;
  text: string;
}

const unescape = (value: string) => value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** The form to the card provider's page, as "Payer" renders it (null when the page has none). */
export function cardPaymentForm(page: string): { action: string; fields: [string, string][] } | null {
  const action = /<form method="post" action="([^"]+\/cgi\/MYchoix_pagepaiement\.cgi)"/.exec(page)?.[1];
  const fields = [...page.matchAll(/<input type="hidden" name="(PBX_[A-Z_]+)" value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)] as [string, string]);
  return action && fields.length > 0 ? { action: unescape(action), fields } : null;
}

export class Visitor {
  private cookie = '';
  constructor(private readonly base: string) {}

  /** GET a page, or POST a form (fields, repeated names allowed) or a multipart body. */
  async request(path: string, body?: Record<string, string | string[]> | [string, string][] | FormData): Promise<Page> {
    const url = new URL(path, this.base);
    const headers: Record<string, string> = { Cookie: this.cookie };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body) {
      const pairs = Array.isArray(body) ? body : Object.entries(body).flatMap(([name, value]) => [value].flat().map((one) => [name, one] as [string, string]));
      payload = new URLSearchParams(pairs).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    if (body) headers.Origin = new URL(this.base).origin;
    const response = await fetch(url, { method: body ? 'POST' : 'GET', redirect: 'manual', headers, ...(payload ? { body: payload } : {}), signal: AbortSignal.timeout(30_000) });
    const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('session='));
    if (session) this.cookie = session.split(';')[0]!;
    return { status: response.status, location: response.headers.get('location') ?? '', text: await response.text() };
  }

  /** Like request, but a status other than those expected is an error naming the step. */
  async expect(step: string, statuses: number[], path: string, body?: Parameters<Visitor['request']>[1]): Promise<Page> {
    const page = await this.request(path, body);
    if (!statuses.includes(page.status)) throw new Error(`${step}: ${page.status} on ${path}`);
    return page;
  }

  async login(email: string, password: string): Promise<void> {
    await this.expect(`login of ${email}`, [303], '/connexion', { email, password });
  }
}
