// The child-file capability's pages as the other capabilities link to them (the yearly
// registration sends families to each section): they reach this folder through this file only.
export { childFileLinks } from './child.ts';
