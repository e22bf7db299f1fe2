// Renders an error page in the layout (or a bare JSON body for API-like callers).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ErrorPage, errorTitle } from './error-page.tsx';
import { Layout } from './layout.tsx';

export function renderErrorPage(c: Context, status: number): Response | Promise<Response> {
  const reference = status >= 500 ? c.get('requestId') : undefined;
  const page = Layout({ title: errorTitle(status), children: ErrorPage({ status, reference }), user: c.get('user') ?? null });
  return c.html(`<!DOCTYPE html>${page}`, status as ContentfulStatusCode);
}
