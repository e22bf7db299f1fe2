// Serves a stored document: its checked type, shown inline, never sniffed, never cached by a
// shared proxy, and sandboxed so that nothing inside it can run as our site.
import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';

export function sendDocument(c: Context<AppEnv>, document: { mime_type: string; file_name: string }, bytes: Uint8Array): Response {
  const asciiName = document.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  c.header('Content-Type', document.mime_type);
  c.header('Content-Disposition', `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.file_name)}`);
  c.header('Cache-Control', 'private, no-store');
  // Images are sandboxed outright; a sandboxed PDF would be refused by the browsers' own viewers,
  // which run it apart from our origin anyway.
  const sandbox = document.mime_type === 'application/pdf' ? '' : '; sandbox';
  c.set('contentSecurityPolicy', `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${sandbox}`);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(bytes as Uint8Array<ArrayBuffer>);
}
