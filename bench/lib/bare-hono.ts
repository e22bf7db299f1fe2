// The ceiling the product page is held against: a bare Hono app on @hono/node-server answering a
// fixed body of the same size, nothing else. Run as its own process by bench/page.ts:
// `tsx bench/lib/bare-hono.ts <port> <body file>`.
import { readFile } from 'node:fs/promises';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const [port, file] = process.argv.slice(2);
const body = await readFile(file!, 'utf8');
const app = new Hono();
app.get('/', (c) => c.html(body));
serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('bare hono listening'));
