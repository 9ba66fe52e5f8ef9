// Where uploaded files are kept: the local upload folder (embedded default), or an S3-compatible object store
// when KEXIAO_S3_BUCKET is set, so that every worker on every machine reads the same files. Credentials come the
// way the AWS SDK finds them (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role).
import { z } from 'zod';

export const FilesConfigSchema = z
  .object({
    /** Bucket of the object store; unset keeps files in the upload folder. */
    s3Bucket: z.string().min(1).optional(),
    /** The store's address (MinIO, Ceph, OSS/COS S3 endpoints…); unset means AWS itself. */
    s3Endpoint: z.string().url().optional(),
    s3Region: z.string().min(1).default('us-east-1'),
    /** Key prefix of the uploads inside the bucket. */
    s3Prefix: z.string().default('uploads/'),
    /** Path-style addresses (http://host/bucket/key): what most self-hosted stores need. Default: on with an endpoint. */
    s3ForcePathStyle: z.boolean().optional(),
  })
  .prefault({});
export type FilesConfig = z.output<typeof FilesConfigSchema>;

const flag = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : ['1', 'true', 'on'].includes(v.trim().toLowerCase()));

export function filesConfigFromEnv(env: NodeJS.ProcessEnv): unknown {
  return {
    s3Bucket: env.KEXIAO_S3_BUCKET || undefined,
    s3Endpoint: env.KEXIAO_S3_ENDPOINT || undefined,
    s3Region: env.KEXIAO_S3_REGION || env.AWS_REGION || undefined,
    s3Prefix: env.KEXIAO_S3_PREFIX ?? undefined,
    s3ForcePathStyle: flag(env.KEXIAO_S3_FORCE_PATH_STYLE),
  };
}
