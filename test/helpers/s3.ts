// An S3-compatible object store for tests: s3rver (the S3 REST protocol over a temporary folder) on an ephemeral
// port, with one bucket. The AWS SDK talks to it as to any self-hosted store (path-style, static credentials).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { FilesConfig } from '../../server/files/config.ts';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  config: FilesConfig & { s3Bucket: string };
  /** Environment for child processes (kexiao serve / worker). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startS3(bucket = 'kexiao-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'kexiao-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's fixed credentials; the SDK finds them in the environment like real ones.
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
  return {
    endpoint,
    bucket,
    config: { s3Bucket: bucket, s3Endpoint: endpoint, s3Region: 'us-east-1', s3Prefix: 'uploads/', s3ForcePathStyle: true },
    env: { KEXIAO_S3_BUCKET: bucket, KEXIAO_S3_ENDPOINT: endpoint, AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
