// The types of the lint rule, written in JavaScript because ESLint loads its configuration
// without a compiler.
import type { ESLint } from 'eslint';

declare const plugin: ESLint.Plugin;
export default plugin;
export declare function capabilityOf(file: string): { floor: string; name: string } | null;
