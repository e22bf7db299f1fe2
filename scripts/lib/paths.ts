// Where the project keeps its local runtime: data in .data/, downloaded tools in .tools/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolsBin = path.join(projectRoot, '.tools', 'venv', 'bin');
