// The family capability's pages and helpers as the other capabilities use them: they reach this
// folder through this file only (lint), so what is not listed here stays the capability's own.
export { AddressForm } from './views/addresses.tsx';
export { familyPages } from './family-page.tsx';
