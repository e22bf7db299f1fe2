// The closures capability's workflows and messages as the other capabilities use them: they reach this folder through
// this file only (lint), so what is not listed here stays the capability's own.
export { closureWorkflowId } from './closure.messages.ts';
export { closure } from './closure.ts';
