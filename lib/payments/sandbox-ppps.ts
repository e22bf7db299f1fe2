// The sandbox's side of Paybox Direct: it answers the refund call as the provider does (00000
// with a transaction number), refuses a test amount or when a test asks it to, answers a question
// asked again with its first answer (refunding nothing more), and keeps what it refunded so that a
// test can check it. Its book is per process, like the sandbox itself.
import type { SandboxKeys } from './provider.ts';

export const SANDBOX_PPPS_PATH = '/sandbox/paybox/PPPS.php';
/** The sandbox's Paybox Direct key: nothing real is behind it. */
export const SANDBOX_PPPS_CLE = 'bac-a-sable';
/** A refund of this amount (13,13 €) is refused, as a card the bank no longer takes. */
export const SANDBOX_REFUSED_REFUND_CENTS = 1313;

export interface SandboxRefund {
  question: string;
  reference: string;
  numAppel: string;
  numTrans: string;
  amountCents: number;
  /** The refund's own transaction number. */
  refundNumTrans: string;
}

export interface SandboxPpps {
  /** The refunds made, in order. */
  readonly refunds: SandboxRefund[];
  /** The next `count` questions are refused with `code` (a test switch). */
  refuseNext(count?: number, code?: string): void;
  answer(body: string): string;
}

function createSandboxPpps(site: string, rang: string): SandboxPpps {
  const refunds: SandboxRefund[] = [];
  const answered = new Map<string, string>();
  let refusals: { count: number; code: string } = { count: 0, code: '00021' };
  let next = 1;
  const reply = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  return {
    refunds,
    refuseNext(count = 1, code = '00021') {
      refusals = { count, code };
    },
    answer(body) {
      const form = new URLSearchParams(body);
      const get = (name: string) => form.get(name) ?? '';
      const question = get('NUMQUESTION');
      const base = { NUMQUESTION: question, SITE: get('SITE'), RANG: get('RANG') };
      if (get('SITE') !== site || get('RANG') !== rang || get('CLE') !== SANDBOX_PPPS_CLE) return reply({ ...base, CODEREPONSE: '00006', COMMENTAIRE: 'Accès refusé : site, rang ou clé invalide' });
      if (get('VERSION') !== '00103' || get('TYPE') !== '00014' || !/^\d{10}$/.test(question) || !/^\d{10}$/.test(get('MONTANT')) || get('DEVISE') !== '978' || !get('NUMAPPEL') || !get('NUMTRANS') || !/^\d{14}$/.test(get('DATEQ'))) {
        return reply({ ...base, CODEREPONSE: '00008', COMMENTAIRE: 'Demande invalide' });
      }
      const earlier = answered.get(question);
      if (earlier) return earlier;
      const amountCents = Number(get('MONTANT'));
      let answer: string;
      if (refusals.count > 0 || amountCents === SANDBOX_REFUSED_REFUND_CENTS) {
        if (refusals.count > 0) refusals = { ...refusals, count: refusals.count - 1 };
        answer = reply({ ...base, NUMTRANS: '0000000000', NUMAPPEL: '0000000000', CODEREPONSE: amountCents === SANDBOX_REFUSED_REFUND_CENTS ? '00021' : refusals.code, COMMENTAIRE: 'Remboursement refusé par la banque (bac à sable)' });
      } else {
        const refundNumTrans = String(9_000_000_000 + next++);
        refunds.push({ question, reference: get('REFERENCE'), numAppel: get('NUMAPPEL'), numTrans: get('NUMTRANS'), amountCents, refundNumTrans });
        answer = reply({ ...base, NUMTRANS: refundNumTrans, NUMAPPEL: get('NUMAPPEL'), AUTORISATION: 'XXXXXX', CODEREPONSE: '00000', COMMENTAIRE: 'Demande traitée avec succès' });
      }
      answered.set(question, answer);
      return answer;
    },
  };
}

const books = new WeakMap<SandboxKeys, SandboxPpps>();

/** The sandbox's Paybox Direct, one per sandbox (per process). */
export function sandboxPpps(keys: SandboxKeys): SandboxPpps {
  let ppps = books.get(keys);
  if (!ppps) {
    ppps = createSandboxPpps(keys.merchant.site, keys.merchant.rang);
    books.set(keys, ppps);
  }
  return ppps;
}
