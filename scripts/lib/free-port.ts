// Ports of the local runtime: a free one, waiting for one to open, and checking,
// before `npm start` starts anything, that the ports it needs are free (naming the variable that
// moves each).
import net from 'node:net';
import { ConfigError } from '../../config.ts';

/** Below the kernel's range for outgoing connections (32768–60999): a client socket never takes it meanwhile. */
const QUIET_PORTS = { from: 20_000, to: 32_767 };

/**
 * A port free now, for a server started a little later. Taken below the range the kernel gives
 * outgoing connections: a port from that range could be taken by any connection opened in between
 * (the tests open many), and the server would then fail to listen.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = QUIET_PORTS.from + Math.floor(Math.random() * (QUIET_PORTS.to - QUIET_PORTS.from + 1));
    if (await isFree(port)) return port;
  }
  return kernelPort();
}

function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once something accepts connections on the port, or rejects after the timeout. */
export async function waitForPort(port: number, timeoutMs: number, host = '127.0.0.1'): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (performance.now() > deadline) throw new Error(`Nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
