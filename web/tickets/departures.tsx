// Staff: a child's departure (« sortie ») recorded from the day's attendance list: the time (now
// by default, never ahead) and who collected the child, one of the persons the family listed or
// going home alone when authorised that weekday. A name typed that the family did not list is
// refused with the reason said, and the refusal journalled; a form sent twice records once.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { recordDeparture, type Collected } from '../../db/queries/child-file/index.ts';
import { departureInstant, parseClockTime } from '../../domain/child-departure.ts';
import { formatLongDate, formatParisTime, parisDate } from '../../domain/dates.ts';
import type { AccessTable } from '../http/access.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { handleForm, ID } from '../forms/form-route.ts';
import type { FieldErrors, FormValues } from '../forms/forms.ts';
import { idField } from '../forms/schemas.ts';
import { currentUser } from '../middleware/guards.ts';
import { staffProduct } from '../catalogue/index.ts';
import type { DepartureForm } from './views/attendance-door.tsx';

/** Who may call each route below (see web/http/access.ts). */
export const departureAccess = {
  'POST /agent/presences/:id/sortie': { who: 'staff', object: 'commune-product', input: { form: 'GET /agent/presences/:id' } },
} satisfies AccessTable;

const departureSchema = z
  .object({
    reservation: idField('Enfant inconnu.'),
    heure: z
      .string({ error: "Indiquez l'heure de départ (par exemple 16:45)." })
      .transform((value, ctx) => parseClockTime(value) ?? (ctx.addIssue({ code: 'custom', message: "Indiquez l'heure de départ (par exemple 16:45)." }), z.NEVER)),
    qui: z
      .string({ error: "Choisissez qui vient chercher l'enfant." })
      .regex(/^(?:(?:responsable|contact)-\d{1,12}|seul|autre)$/, "Choisissez qui vient chercher l'enfant."),
    nom: z
      .string()
      .optional()
      .transform((value) => value?.trim() ?? '')
      .refine((value) => value.length <= 120 && !/[\u0000-\u001f\u007f]/.test(value), 'Le nom tient en 120 caractères, sans caractères spéciaux.'),
  })
  .refine((data) => data.qui !== 'autre' || data.nom.length > 0, { message: "Tapez le prénom et le nom de la personne venue chercher l'enfant.", path: ['nom'] });

/** « de Léa », « d'Anna »: the elision before a vowel or a mute h. */
const of = (name: string) => (/^[aeiouyhàâäéèêëîïôöûüÿ]/i.test(name) ? `d'${name}` : `de ${name}`);

function collected(qui: string, nom: string): Collected {
  if (qui === 'seul') return { kind: 'alone' };
  if (qui === 'autre') return { kind: 'named', name: nom };
  const [kind, id] = qui.split('-') as [string, string];
  return { kind: kind === 'responsable' ? 'guardian' : 'contact', id: Number(id) };
}

export interface DepartureRouteDeps {
  /** The day's list again, this row's departure form open with what was typed and why it was refused. */
  dayPage: (c: Context<AppEnv>, values: Record<string, string | undefined>, extra: { message: null; refusal: { message: string }; departure: DepartureForm }) => Promise<Response>;
  /** The list after the redirect, with its flash code and the children it names. */
  back: (productId: number, values: Record<string, string | undefined>, ok: string, children: number[]) => string;
}

export function departureRoutes(router: Hono<AppEnv>, { db, now }: Pick<AppDeps, 'db' | 'now'>, { dayPage, back }: DepartureRouteDeps): void {
  router.post(`/presences/:id${ID}/sortie`, async (c) => {
    const product = await staffProduct(db, c);
    let reservation = 0;
    const again = ({ values, errors }: { values: FormValues; errors: FieldErrors }) => {
      const message = errors.nom ?? errors.qui ?? errors.heure ?? errors.reservation ?? 'Ce départ est refusé.';
      const id = /^\d{1,12}$/.test(values.reservation ?? '') ? Number(values.reservation) : 0;
      return dayPage(c, values, { message: null, refusal: { message }, departure: { reservationId: id, values, errors } });
    };
    return handleForm(c, {
      schema: departureSchema,
      again,
      save: async (data): Promise<FieldErrors | void> => {
        const instant = now();
        const today = parisDate(instant);
        const leftAt = departureInstant(today, data.heure);
        if (leftAt.getTime() > instant.getTime()) return { heure: `L'heure de départ ne peut pas être à venir : il est ${formatParisTime(instant)}.` };
        const outcome = await recordDeparture(db, { productId: product.id, reservationId: data.reservation, who: collected(data.qui, data.nom), leftAt, today, staffId: currentUser(c).id, now: instant });
        if (outcome.ok) {
          reservation = data.reservation;
          return;
        }
        switch (outcome.reason) {
          case 'unknown':
            return { reservation: "Cet enfant n'est pas réservé pour cette activité (réservation annulée ?)." };
          case 'not-today':
            return { reservation: `La réservation ${of(outcome.child)} est pour le ${formatLongDate(outcome.day)} : un départ s'enregistre le jour même.` };
          case 'already':
            return { reservation: `Le départ ${of(outcome.child)} est déjà enregistré.` };
          case 'not-present':
            return { reservation: `Notez d'abord la présence ${of(outcome.child)} : un départ s'enregistre pour un enfant présent.` };
          case 'not-alone':
            return { qui: `La famille n'a pas autorisé le retour sans accompagnateur ${of(outcome.firstName)} ce jour de la semaine : confiez l'enfant à une personne autorisée.` };
          case 'not-listed':
            return {
              [data.qui === 'autre' ? 'nom' : 'qui']: `Cette personne n'est pas autorisée à venir chercher l'enfant : ${data.qui === 'autre' ? data.nom : 'elle'} ne figure pas parmi les responsables et les personnes que la famille a autorisées pour ${outcome.child}. Ne confiez pas l'enfant ; appelez son responsable légal.`,
            };
        }
      },
      then: (_data, values) => back(product.id, values, 'sortie', [reservation]),
    });
  });
}
