/**
 * The schema registry's storage: an S3-compatible bucket (the kind the cards service already
 * keeps its files in: AWS, MinIO, Ceph, R2), or a plain http(s) URL to read one object from.
 * The gateway polls the supergraph here (supergraph-poll.ts) and writes usage reports;
 * `npm run schema:publish` and `schema:rollback` (tools/) write schemas and supergraphs.
 *
 * The S3 client is loaded only when an s3:// location is used: a gateway serving its file
 * never pays for the SDK.
 */

/** REGISTRY_S3_*: the S3 server and credentials, named like the cards service's CARDS_S3_*; the bucket is in the URL. */
export interface RegistryS3Config {
  /** e.g. http://minio:9000; without it the SDK's default (AWS, from AWS_REGION). */
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export function registryS3ConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RegistryS3Config {
  return {
    endpoint: env.REGISTRY_S3_ENDPOINT || undefined,
    region: env.REGISTRY_S3_REGION || undefined,
    accessKeyId: env.REGISTRY_S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.REGISTRY_S3_SECRET_ACCESS_KEY || undefined,
  };
}

export type StoredObject = { text: string; etag?: string };

/** One object read conditionally: `not-modified` when its ETag is still `etag`, null when absent. */
export interface ObjectReader {
  read(key: string, etag?: string): Promise<StoredObject | 'not-modified' | null>;
}

/**
 * A conditional write (S3 PutObject If-Match / If-None-Match, which AWS, MinIO and R2 honour):
 * `ifMatch` only over that ETag, `ifNoneMatch: '*'` only when the key is absent.
 */
export interface WriteOptions {
  contentType?: string;
  ifMatch?: string;
  ifNoneMatch?: '*';
}

/** A conditional write lost: someone else wrote the key first. */
export class StoreConflictError extends Error {
  constructor(readonly key: string) {
    super(`${key} was written by someone else meanwhile`);
    this.name = 'StoreConflictError';
  }
}

export interface ObjectStore extends ObjectReader {
  write(key: string, text: string, options?: WriteOptions): Promise<void>;
  /** Every key under the prefix (relative to the store's own prefix). */
  list(prefix: string): Promise<string[]>;
  /** Where the store is, for messages (`s3://bucket/prefix`). */
  readonly label: string;
}

export interface S3Location {
  bucket: string;
  /** The key (or key prefix), without a leading slash; '' for the bucket's root. */
  key: string;
}

export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new Error(`${url} is not an s3:// URL (s3://bucket/key)`);
  return { bucket: match[1]!, key: match[2]!.replace(/\/+$/, '') };
}

type S3Module = typeof import('@aws-sdk/client-s3');

async function s3ClientFor(config: RegistryS3Config): Promise<{ s3: S3Module; client: import('@aws-sdk/client-s3').S3Client }> {
  const s3 = await import('@aws-sdk/client-s3');
  const client = new s3.S3Client({
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    region: config.region ?? 'us-east-1',
    ...(config.accessKeyId && config.secretAccessKey ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } } : {}),
    // as the cards store: checksums only where S3 requires them, so MinIO, Ceph and R2 work as AWS does
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { s3, client };
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

function isNotModified(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.$metadata?.httpStatusCode === 304 || e?.name === 'NotModified';
}

/** An S3 bucket and key prefix (`s3://bucket/prefix`), keys below it relative to the prefix. */
export function s3ObjectStore(url: string, config: RegistryS3Config = registryS3ConfigFromEnv()): ObjectStore {
  const { bucket, key: prefix } = parseS3Url(url);
  const full = (key: string) => (prefix ? `${prefix}/${key}` : key);
  let connecting: ReturnType<typeof s3ClientFor> | undefined;
  const connect = () => (connecting ??= s3ClientFor(config));
  return {
    label: `s3://${bucket}${prefix ? `/${prefix}` : ''}`,
    async read(key, etag) {
      const { s3, client } = await connect();
      try {
        const object = await client.send(new s3.GetObjectCommand({ Bucket: bucket, Key: full(key), ...(etag ? { IfNoneMatch: etag } : {}) }));
        return { text: object.Body ? await object.Body.transformToString('utf8') : '', etag: object.ETag };
      } catch (error) {
        if (isNotModified(error)) return 'not-modified';
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async write(key, text, options) {
      const { contentType = 'text/plain; charset=utf-8', ifMatch, ifNoneMatch } = options ?? {};
      const { s3, client } = await connect();
      const body = Buffer.from(text, 'utf8');
      try {
        await client.send(
          new s3.PutObjectCommand({ Bucket: bucket, Key: full(key), Body: body, ContentLength: body.length, ContentType: contentType, IfMatch: ifMatch, IfNoneMatch: ifNoneMatch }),
        );
      } catch (error) {
        // 412: the condition failed; 409: a concurrent conditional write to the same key won
        const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
        if (status === 412 || status === 409) throw new StoreConflictError(key);
        throw error;
      }
    },
    async list(sub) {
      const { s3, client } = await connect();
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new s3.ListObjectsV2Command({ Bucket: bucket, Prefix: full(sub), ContinuationToken: token }));
        for (const object of page.Contents ?? []) if (object.Key) keys.push(prefix ? object.Key.slice(prefix.length + 1) : object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys;
    },
  };
}

/** The store SCHEMA_STORE_URL names (only s3:// can be written). */
export function objectStoreFromUrl(url: string, config?: RegistryS3Config): ObjectStore {
  if (url.startsWith('s3://')) return s3ObjectStore(url, config);
  throw new Error(`SCHEMA_STORE_URL must be an s3://bucket/prefix URL (got ${url})`);
}

/**
 * One object by its full URL: s3://bucket/key through the S3 API, http(s):// with a conditional
 * GET (a CDN, MinIO's public link, any static server). Resolves like ObjectReader.read.
 */
export function readObjectAt(url: string, config?: RegistryS3Config): (etag?: string) => Promise<StoredObject | 'not-modified' | null> {
  if (url.startsWith('s3://')) {
    const { bucket, key } = parseS3Url(url);
    const store = s3ObjectStore(`s3://${bucket}`, config);
    return (etag) => store.read(key, etag);
  }
  if (!/^https?:\/\//.test(url)) throw new Error(`SUPERGRAPH_URL must be s3://bucket/key or an http(s):// URL (got ${url})`);
  return async (etag) => {
    const response = await fetch(url, { headers: etag ? { 'if-none-match': etag } : {}, signal: AbortSignal.timeout(10_000) });
    if (response.status === 304) {
      await response.body?.cancel();
      return 'not-modified';
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`${url} answered ${response.status}`);
    }
    return { text: await response.text(), etag: response.headers.get('etag') ?? undefined };
  };
}
