// Whether a user may store one more document: their stored bytes against the quota, their documents waiting to be
// read, and everyone's. Counted from the document rows (status queued | processing), not from a queue in memory,
// so the bounds hold whichever queue runs the jobs and however many API instances accept uploads.
import type { Db } from '../db/client.ts';
import { HttpError } from '../http/errors.ts';

export interface Admission {
  storageQuotaBytes: number;
  queuePerUser: number;
  queueTotal: number;
}

const PENDING = { in: ['queued', 'processing'] };
/** A document takes from seconds (text PDF) to a minute or two (a long scan): worth a try again after this. */
const RETRY_AFTER_S = 60;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10}MB`;

export const quotaExceeded = (quota: number) =>
  new HttpError(507, 'STORAGE_QUOTA_EXCEEDED', `已上传的文件超过每位用户${mb(quota)}的存储上限，请先删除不再需要的报表`);
export const tooManyPending = (max: number) =>
  new HttpError(429, 'TOO_MANY_PENDING_DOCUMENTS', `已有${max}份报表正在排队识别，请等识别完成后再上传`, undefined, {
    'Retry-After': String(RETRY_AFTER_S),
  });
export const queueFull = () =>
  new HttpError(429, 'DOCUMENT_QUEUE_FULL', '当前识别的报表较多，请稍后再上传', undefined, { 'Retry-After': String(RETRY_AFTER_S) });

/** The distributed queue (Redis) did not take the job: nothing was kept, the client tries again. */
export const queueUnavailable = () =>
  new HttpError(503, 'QUEUE_UNAVAILABLE', '识别服务暂时不可用，文件未保存，请稍后重新上传', undefined, { 'Retry-After': '30' });

export async function usage(prisma: Db, ownerId: string) {
  const [stored, mine, all] = await Promise.all([
    prisma.document.aggregate({ where: { ownerId }, _sum: { size: true } }),
    prisma.document.count({ where: { ownerId, status: PENDING } }),
    prisma.document.count({ where: { status: PENDING } }),
  ]);
  return { storedBytes: stored._sum.size ?? 0, pendingMine: mine, pendingAll: all };
}

/**
 * Before a file is received: refuse at once when there is no room at all, so a doomed upload is not written
 * to disk. (The body is then discarded by Node as it arrives.)
 */
export async function assertRoomBefore(prisma: Db, ownerId: string, a: Admission): Promise<void> {
  const u = await usage(prisma, ownerId);
  if (u.storedBytes >= a.storageQuotaBytes) throw quotaExceeded(a.storageQuotaBytes);
  if (u.pendingMine >= a.queuePerUser) throw tooManyPending(a.queuePerUser);
  if (u.pendingAll >= a.queueTotal) throw queueFull();
}

/**
 * After the new row is stored, counting it: concurrent uploads each see the others' rows, so the bounds are
 * never exceeded (two racing for the last place may both be refused; they are told to try again).
 */
export async function assertRoomAfter(prisma: Db, ownerId: string, a: Admission): Promise<Awaited<ReturnType<typeof usage>>> {
  const u = await usage(prisma, ownerId);
  if (u.storedBytes > a.storageQuotaBytes) throw quotaExceeded(a.storageQuotaBytes);
  if (u.pendingMine > a.queuePerUser) throw tooManyPending(a.queuePerUser);
  if (u.pendingAll > a.queueTotal) throw queueFull();
  return u;
}
