// Checks, before anything starts, that the ports `npm start` needs are free, and names the
// variable that moves each one.
import net from 'node:net';
import { ConfigError } from '../../config.ts';

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export async function assertPortsFree(ports: { port: number; variable: string }[]): Promise<void> {
  for (const { port, variable } of ports) {
    if (!(await isFree(port))) {
      throw new ConfigError(
        `Le port ${port} est déjà utilisé (${variable}) : arrêtez le programme qui l'occupe (un autre \`npm start\` ?) ou choisissez-en un autre, par exemple ${variable}=${port + 1} npm start`,
      );
    }
  }
}
