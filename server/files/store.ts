// The file store behind uploads and extraction. An upload is streamed to a temporary file in the local upload
// folder first (hashing and sniffing it on the way); put() then gives the store ownership of it and returns the
// reference kept in Document.path. The local store's reference is the file's absolute path (as before there was a
// store); the object store's is s3://bucket/key. The S3 client is imported only when an object store is configured,
// so the embedded default never loads it.
import { createReadStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FilesConfig } from './config.ts';

export interface FileStore {
  readonly kind: 'local' | 's3';
  /** Takes a fully written local file (it is gone locally afterwards) and stores it as `id`; returns its reference. */
  put(id: string, localPath: string): Promise<string>;
  /** The whole file. Rejects when it cannot be read (missing, store unreachable). */
  read(ref: string): Promise<Buffer>;
  /** Removes the file; a missing one is not an error. */
  remove(ref: string): Promise<void>;
  close(): Promise<void>;
}

export function localStore(dir: string): FileStore {
  return {
    kind: 'local',
    async put(id, localPath) {
      const path = join(dir, id);
      await rename(localPath, path);
      return path;
    },
    read: (ref) => readFile(ref),
    remove: (ref) => rm(ref, { force: true }),
    close: async () => undefined,
  };
}

const S3_REF = /^s3:\/\/([^/]+)\/(.+)$/;

/** Created synchronously (services are); the SDK is imported on first use. */
export function s3Store(config: FilesConfig & { s3Bucket: string }): FileStore {
  let sdk: Promise<{ client: import('@aws-sdk/client-s3').S3Client; s3: typeof import('@aws-sdk/client-s3') }> | undefined;
  const connect = () =>
    (sdk ??= import('@aws-sdk/client-s3').then((s3) => ({
      s3,
      client: new s3.S3Client({
        region: config.s3Region,
        ...(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}),
        forcePathStyle: config.s3ForcePathStyle ?? Boolean(config.s3Endpoint),
        // The job queue retries with backoff; the SDK's own few quick retries stay.
        maxAttempts: 3,
        // Checksums only where S3 requires them: the SDK's default (aws-chunked uploads with trailing CRC32) is
        // not understood by many S3-compatible stores.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  const parse = (ref: string) => {
    const m = S3_REF.exec(ref);
    if (!m) throw new Error(`not an object-store reference: ${ref}`);
    return { Bucket: m[1]!, Key: m[2]! };
  };
  return {
    kind: 's3',
    async put(id, localPath) {
      const Key = `${config.s3Prefix}${id}`;
      const { size } = await stat(localPath);
      const { client, s3 } = await connect();
      try {
        await client.send(new s3.PutObjectCommand({ Bucket: config.s3Bucket, Key, Body: createReadStream(localPath), ContentLength: size }));
      } finally {
        await rm(localPath, { force: true });
      }
      return `s3://${config.s3Bucket}/${Key}`;
    },
    async read(ref) {
      const { client, s3 } = await connect();
      const out = await client.send(new s3.GetObjectCommand(parse(ref)));
      if (!out.Body) throw new Error(`empty object: ${ref}`);
      return Buffer.from(await out.Body.transformToByteArray());
    },
    async remove(ref) {
      if (!S3_REF.test(ref)) return void (await rm(ref, { force: true })); // a local file from before the store moved
      const { client, s3 } = await connect();
      await client.send(new s3.DeleteObjectCommand(parse(ref)));
    },
    async close() {
      if (sdk) (await sdk).client.destroy();
      sdk = undefined;
    },
  };
}

/** The configured store: the object store when a bucket is set, else the upload folder. */
export function createFileStore(config: FilesConfig, dir: string): FileStore {
  const { s3Bucket } = config;
  return s3Bucket ? s3Store({ ...config, s3Bucket }) : localStore(dir);
}
