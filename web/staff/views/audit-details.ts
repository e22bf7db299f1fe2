// The values an action was done with, as staff read them: one « clé : valeur » line each, in
// French, amounts in euros, days as 16/12/2026; never the JSON the journal keeps.
import { formatShortDate, isIsoDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { kindLabel } from '../../documents/index.ts';

const KEYS: Record<string, string> = {
  reason: 'Motif',
  message: 'Message',
  cents: 'Montant',
  before: 'Avant',
  after: 'Après',
  day: 'Jour',
  days: 'Jours',
  firstDay: 'Du',
  lastDay: 'Au',
  closureId: 'Fermeture',
  order: 'Commande',
  walletCents: 'Rendu au porte-monnaie',
  cardCents: 'Rendu sur la carte',
  providerReference: 'Référence chez le prestataire de paiement',
  creditedCents: 'Crédité au porte-monnaie',
  refundedCents: 'Remboursé',
  entryId: 'Inscription en liste d’attente',
  placeAdded: 'Place ajoutée',
  documentId: 'Pièce',
  kind: 'Type',
  status: 'Statut',
  expiresOn: 'Valable jusqu’au',
  accepted: 'Acceptée',
  label: 'Libellé',
  name: 'Nom',
  title: 'Titre',
  fields: 'Champs',
  type: 'Type',
  required: 'Obligatoire',
  priceCents: 'Prix',
  baseCents: 'Prix',
  capacity: 'Places',
  prestationId: 'Prestation',
  prestations: 'Prestations',
  slotId: 'Créneau',
  reference: 'Référence du virement',
  method: 'Pointage',
  communes: 'Communes',
  admin: 'Administrateur',
  category: 'Catégorie',
  description: 'Présentation',
  deadlineDays: 'Réservation close, jours avant',
  deadlineHour: 'Réservation close à (heure)',
  cancelDeadlineDays: 'Annulation possible, jours avant',
  cancelDeadlineHour: 'Annulation possible jusqu’à (heure)',
  absenceDeclareHours: 'Absence déclarée jusqu’à (heures après)',
  absenceCertificateDays: 'Certificat attendu sous (jours)',
  waitlistOfferHours: 'Place proposée pendant (heures)',
  waitlistResidentsFirst: 'Résidents d’abord',
  channel: 'Réservation',
  rules: 'Tarifs',
  qfTiers: 'Tranches de quotient familial',
  upTo: 'jusqu’à',
  percent: '%',
  nonResidentPercent: 'Hors commune (%)',
  siblingReductions: 'Réductions fratrie',
  rank: 'rang',
  percentOff: 'réduction (%)',
  requiredDocuments: 'Pièces exigées',
  pricing: 'Tarifs',
  effacé: 'Effacé',
  reservationId: 'Réservation',
  collectedBy: 'Parti',
  contactId: 'Personne autorisée',
  guardianId: 'Responsable légal',
};

const VALUES: Record<string, string> = {
  pending: 'en attente',
  accepted: 'acceptée',
  refused: 'refusée',
  expired: 'expirée',
  approved: 'accordé',
  'documents-requested': 'pièces demandées',
  present: 'présent',
  absent: 'absent',
  online: 'en ligne',
  mairie: 'à la mairie seulement',
  'not-listed': 'personne non autorisée à venir chercher l’enfant',
  'not-alone': 'pas autorisé à rentrer seul ce jour-là',
  alone: 'seul',
  contact: 'avec une personne autorisée',
  guardian: 'avec un responsable légal',
};

/** A key whose number is an amount in cents: `cents`, `priceCents`, `walletCents`… */
const isMoney = (key: string) => /(^c|C)ents$/.test(key);

function value(raw: unknown, key: string, money: boolean): string {
  if (raw === null || raw === undefined || raw === '') return '—';
  if (typeof raw === 'boolean') return raw ? 'oui' : 'non';
  if (typeof raw === 'number') return money || isMoney(key) ? formatEuros(raw) : key.endsWith('Id') ? `n° ${raw}` : String(raw);
  if (typeof raw === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && isIsoDate(raw)) return formatShortDate(raw);
    if (key === 'kind' || key === 'requiredDocuments') return VALUES[raw] ?? kindLabel(raw);
    return VALUES[raw] ?? raw;
  }
  if (Array.isArray(raw)) return raw.length === 0 ? 'aucun' : raw.map((item) => value(item, key, money)).join(' ; ');
  if (typeof raw === 'object') {
    return Object.entries(raw as Record<string, unknown>)
      .map(([inner, item]) => `${KEYS[inner] ?? inner} : ${value(item, inner, money)}`)
      .join(', ');
  }
  return String(raw);
}

/**
 * The details as lines; a nested object (before, after) gives one line per value, named by both
 * keys (« Après, statut : présent »). `action`: a price's before and after are amounts.
 */
export function detailLines(action: string, details: Record<string, unknown>): string[] {
  const money = action === 'product.price';
  const lines: string[] = [];
  for (const [key, raw] of Object.entries(details)) {
    const label = KEYS[key] ?? key;
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [inner, item] of Object.entries(raw as Record<string, unknown>)) lines.push(`${label}, ${(KEYS[inner] ?? inner).toLowerCase()} : ${value(item, inner, money)}`);
      if (Object.keys(raw).length === 0) lines.push(`${label} : —`);
    } else {
      lines.push(`${label} : ${value(raw, key, money)}`);
    }
  }
  return lines;
}
