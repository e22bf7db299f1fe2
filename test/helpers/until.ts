// Polls what a test reads until it holds, for work that a worker or a workflow does meanwhile.
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, attempts = 200): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition not reached');
}
