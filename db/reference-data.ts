// Reference data every deployment of the agglomération needs: its communes and the service
// offers families subscribe to (the reference walkthrough's words). Product categories are the
// header's menu (web/layout/categories.ts) and live in the schema's type. No account, no password.

export interface ReferenceCommune {
  slug: string;
  name: string;
  mairieLabel: string;
  phone: string | null;
  offers: string[];
}

export const referenceCommunes: ReferenceCommune[] = [
  {
    slug: 'aiguilhe',
    name: 'Aiguilhe',
    mairieLabel: "Mairie d'Aiguilhe",
    phone: null,
    offers: ['1ER ENFANT À LA GARDERIE', '2ÈME ENFANT À LA GARDERIE', '3ÈME ENFANT À LA GARDERIE', 'USAGER'],
  },
  { slug: 'allegre', name: 'Allègre', mairieLabel: "Mairie d'Allègre", phone: null, offers: ['RÉSERVATION POUR ADULTES', 'RÉSERVATION POUR ENFANTS'] },
  { slug: 'bains', name: 'Bains', mairieLabel: 'Mairie de Bains', phone: null, offers: ['RÉSERVATION REPAS ADULTES', 'RÉSERVATION REPAS ENFANTS'] },
  {
    slug: 'rosieres',
    name: 'Rosières',
    mairieLabel: 'Mairie de Rosières',
    phone: null,
    offers: ['INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT', 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE'],
  },
  {
    slug: 'le-puy-en-velay',
    name: 'Le Puy-en-Velay',
    mairieLabel: 'Mairie du Puy-en-Velay',
    phone: '04 71 06 07 00',
    offers: ['RESTAURATION SCOLAIRE', 'GARDERIE PÉRISCOLAIRE', 'LOCATION VÉLO EN VELAY', "PASS'CARD JEUNES"],
  },
];
