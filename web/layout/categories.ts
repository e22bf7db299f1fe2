// The header's categories, in the reference platform's order and words.
import type { ProductCategory } from '../../db/database.ts';

export const categories: { slug: ProductCategory; label: string }[] = [
  { slug: 'cantines', label: 'Cantines' },
  { slug: 'garderies', label: 'Garderies' },
  { slug: 'ramassage-scolaire', label: 'Ramassage scolaire' },
  { slug: 'centres-de-loisirs', label: 'Centres de Loisirs' },
  { slug: 'velo-en-velay', label: 'Vélo en Velay' },
  { slug: 'pass-card', label: "Pass'Card" },
  { slug: 'sports', label: 'Sports' },
  { slug: 'demarches-en-ligne', label: 'Démarches en ligne' },
];
