// « Mes e-billets »: the family's tickets, one ticket's page with its QR code, and its PDF.
import { Hono } from 'hono';
import { familyTicket, familyTickets } from '../../db/queries/tickets/e-tickets.ts';
import { formatLongDate, parisDate } from '../../domain/dates.ts';
import { ticketPdf } from '../../lib/tickets/pdf.ts';
import { qrSvg } from '../../lib/tickets/qr.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { TicketPage, TicketsPage } from './views/e-tickets.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const eTicketAccess = {
  'GET /mon-compte/e-billets': { who: 'parent' },
  'GET /mon-compte/e-billets/:id': { who: 'parent', object: 'reservation' },
  'GET /mon-compte/e-billets/:id/billet.pdf': { who: 'parent', object: 'reservation' },
} satisfies AccessTable;

export function eTicketRoutes({ db, now }: AppDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.get('/mon-compte/e-billets', async (c) => {
    const today = parisDate(now());
    const tickets = await familyTickets(db, currentUser(c).id);
    return c.render(<TicketsPage upcoming={tickets.filter((t) => t.day >= today)} past={tickets.filter((t) => t.day < today).reverse()} />, { title: 'Mes e-billets' });
  });

  router.get(`/mon-compte/e-billets/:id${ID}`, async (c) => {
    const ticket = await familyTicket(db, currentUser(c).id, idParam(c));
    if (!ticket) return c.notFound();
    return c.render(<TicketPage ticket={ticket} qr={ticket.state === 'confirmed' ? await qrSvg(ticket.code) : null} />, { title: `E-billet ${ticket.code}` });
  });

  router.get(`/mon-compte/e-billets/:id${ID}/billet.pdf`, async (c) => {
    const ticket = await familyTicket(db, currentUser(c).id, idParam(c));
    // A void ticket is never printed.
    if (!ticket || ticket.state !== 'confirmed') return c.notFound();
    const pdf = await ticketPdf({
      code: ticket.code, product: ticket.product, prestation: ticket.prestation, child: `${ticket.firstName} ${ticket.lastName}`, day: formatLongDate(ticket.day),
      commune: ticket.commune, orderNumber: ticket.orderNumber,
    });
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="e-billet-${ticket.code}.pdf"`);
    c.header('Cache-Control', 'private, no-store');
    return c.body(pdf as Uint8Array<ArrayBuffer>);
  });

  return router;
}
