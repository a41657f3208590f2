import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where uploaded files live, addressed by their SHA-256; local disk now, an object store later. */
export interface FileStore {
  put(bytes: Buffer): Promise<{ key: string }>;
  get(key: string): Promise<Buffer>;
  has(key: string): Promise<boolean>;
  /** Removes a file; a key already gone is no error. The caller knows that nothing else points to it. */
  remove(key: string): Promise<void>;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Written to a temporary name, flushed, then renamed: a crash or a reader meanwhile sees the whole file or none. */
export async function writeWhole(target: string, bytes: Buffer): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${randomUUID()}.part`;
  const handle = await fs.open(temporary, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temporary, target);
}

export class LocalDiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a file key: ${key}`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Buffer): Promise<{ key: string }> {
    const key = sha256Hex(bytes);
    const target = this.pathOf(key);
    if (await this.has(key)) return { key };
    await writeWhole(target, bytes);
    return { key };
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async has(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }
}
