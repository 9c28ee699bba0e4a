import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseEnv, type SubgraphDeps } from '@kyodo/subgraph-kit';
import { z } from 'zod';
import { checkImageKey, extensionOf, type CardImageType, type CardSide } from './domain/card-image.js';
import { S3ImageStore } from './s3-image-store.js';

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
  /** The keys directly in a folder (`exports/`): no deeper, in no particular order. */
  list(folder: string): Promise<string[]>;
}

/** Keys are made here only: tenant/card/side-random.ext, nothing a client chose. */
export function imageKeyFor(tenantId: string, cardId: string, side: CardSide, type: CardImageType): string {
  return `${tenantId}/${cardId}/${side}-${randomUUID()}.${extensionOf(type)}`;
}

/** The default store: files under `<dataDir>/card-images/`, written to a temporary name and renamed. */
export class LocalImageStore implements ImageStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    return join(this.root, checkImageKey(key));
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

  async list(folder: string): Promise<string[]> {
    try {
      const entries = await readdir(join(this.root, folder), { withFileTypes: true });
      return entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp')).map((entry) => `${folder}${entry.name}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }
}

const S3_REQUIRED = ['CARDS_S3_ENDPOINT', 'CARDS_S3_BUCKET', 'CARDS_S3_ACCESS_KEY_ID', 'CARDS_S3_SECRET_ACCESS_KEY'] as const;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** CARDS_S3_*: all of endpoint, bucket and keys for the S3-compatible store, or none for the local folder. */
export const imageStoreEnvSchema = z
  .object({
    CARDS_S3_ENDPOINT: optional(z.url()),
    CARDS_S3_BUCKET: optional(z.string()),
    CARDS_S3_REGION: optional(z.string()),
    CARDS_S3_ACCESS_KEY_ID: optional(z.string()),
    CARDS_S3_SECRET_ACCESS_KEY: optional(z.string()),
  })
  .superRefine(
    (env, ctx) => {
      if (!S3_REQUIRED.some((key) => env[key]) && !env.CARDS_S3_REGION) return;
      for (const key of S3_REQUIRED) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when any CARDS_S3_* variable is set (set them all for the S3 store, or none for the local folder)' });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

const stores = new Map<string, ImageStore>();

/**
 * The store for these deps, made once: an S3-compatible bucket when CARDS_S3_* are set, else the
 * folder `<dataDir>/card-images/`. Throws "Invalid environment" when only some are set; the
 * subgraph asks at start-up (its files route), so a bad setting stops it from starting.
 */
export function imageStoreFor(deps: Pick<SubgraphDeps, 'dataDir' | 'env'>): ImageStore {
  const env = parseEnv(imageStoreEnvSchema, deps.env ?? {});
  const s3 = env.CARDS_S3_BUCKET
    ? { endpoint: env.CARDS_S3_ENDPOINT!, bucket: env.CARDS_S3_BUCKET, region: env.CARDS_S3_REGION ?? 'us-east-1', accessKeyId: env.CARDS_S3_ACCESS_KEY_ID!, secretAccessKey: env.CARDS_S3_SECRET_ACCESS_KEY! }
    : null;
  const root = join(deps.dataDir ?? 'data', 'card-images');
  const id = s3 ? `s3:${s3.endpoint}|${s3.bucket}|${s3.region}|${s3.accessKeyId}` : root;
  let store = stores.get(id);
  if (!store) {
    store = s3 ? new S3ImageStore(s3) : new LocalImageStore(root);
    stores.set(id, store);
  }
  return store;
}
