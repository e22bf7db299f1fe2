// The accounts capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { accountValidation } from './account-validation.ts';
