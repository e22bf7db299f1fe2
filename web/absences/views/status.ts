// An absence's state in words, as families and staff both read it.
import type { AbsenceStatus } from '../../../db/absence-tables.ts';

export const absenceStatusWords: Record<AbsenceStatus, string> = {
  'waiting-certificate': 'En attente du certificat médical',
  'waiting-staff': 'En cours d’examen par la mairie',
  accepted: 'Acceptée, remboursée sur le porte-monnaie',
  refused: 'Refusée',
  unjustified: 'Non justifiée (certificat non reçu à temps)',
};
