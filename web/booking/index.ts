// The booking capability's pages and helpers as the other capabilities use them: they reach this
// folder through this file only (lint), so what is not listed here stays the capability's own.
export { productPages, readChoices } from './product-page.tsx';
export type { PersonaliseErrors } from './product-page.tsx';
