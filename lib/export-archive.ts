// The archive of a family's data: one JSON file of every table's rows and its files, zipped as a
// stream (archiver), so that a family with many documents is never held in memory at once.
import { ZipArchive } from 'archiver';
import { Readable } from 'node:stream';

export interface ArchiveFile {
  name: string;
  read: () => Promise<Uint8Array>;
}

export function dataArchive(data: unknown, files: ArchiveFile[], readme: string): ReadableStream<Uint8Array> {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  archive.append(readme, { name: 'LISEZMOI.txt' });
  archive.append(JSON.stringify(data, null, 2), { name: 'donnees.json' });
  // Files are read one after the other and queued; archiver compresses them in turn as the
  // response is read.
  void (async () => {
    try {
      for (const file of files) archive.append(Buffer.from(await file.read()), { name: `pieces/${file.name}` });
      await archive.finalize();
    } catch (error) {
      archive.destroy(error as Error);
    }
  })();
  return Readable.toWeb(archive) as ReadableStream<Uint8Array>;
}
