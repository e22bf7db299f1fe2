// A CSV export as the browser downloads it (lib/csv.ts writes the content).
import type { Context } from 'hono';

export const csvDownload = (c: Context, fileName: string, csv: string) =>
  c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${fileName}"` });
