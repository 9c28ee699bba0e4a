import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SubgraphDeps } from '@kyodo/subgraph-kit';
import { extensionOf, type CardImageType, type CardSide } from './domain/card-image.js';

/**
 * Where card images (and export zips) live: outside the database (C1). The local folder is the
 * default; an S3-compatible store is another implementation of this interface, chosen by
 * configuration in imageStoreFor.
 */
export interface ImageStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removing what is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are made here only: tenant/card/side-random.ext, nothing a client chose. */
export function imageKeyFor(tenantId: string, cardId: string, side: CardSide, type: CardImageType): string {
  return `${tenantId}/${cardId}/${side}-${randomUUID()}.${extensionOf(type)}`;
}

const SAFE_KEY = /^[0-9A-Za-z-]+(\/[0-9A-Za-z-]+)*\.[a-z]{3}$/;

/** The default store: files under `<dataDir>/card-images/`, written to a temporary name and renamed. */
export class LocalImageStore implements ImageStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`not an image key: ${key}`);
    return join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

const stores = new Map<string, ImageStore>();

/** The store for these deps (one per data dir). An S3-compatible store would be picked here from configuration. */
export function imageStoreFor(deps: Pick<SubgraphDeps, 'dataDir'>): ImageStore {
  const root = join(deps.dataDir ?? 'data', 'card-images');
  let store = stores.get(root);
  if (!store) {
    store = new LocalImageStore(root);
    stores.set(root, store);
  }
  return store;
}
