// What may be uploaded for reading, checked on the phone before any byte is sent.
export const ACCEPTED_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg'] as const
/** Largest file the server reads (server/extract/limits.ts maxBytes, 20 MB by default). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
/** The official system takes stamped statement PDFs of at most 3 MB (rules.md §5). */
export const OFFICIAL_PDF_LIMIT_BYTES = 3 * 1024 * 1024

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The reason a file cannot be uploaded, or null when it can. */
export function rejectReason(name: string, size: number): string | null {
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extensionOf(name))) return '只支持 PDF、PNG、JPG 格式的报表'
  if (size === 0) return '文件是空的，请重新选择'
  if (size > MAX_UPLOAD_BYTES) return `文件超过 ${formatSize(MAX_UPLOAD_BYTES)}，请压缩后再上传`
  return null
}

/** A note (not a block) for PDFs the official system would refuse as too large. */
export function officialSizeNote(name: string, size: number): string | null {
  return extensionOf(name) === 'pdf' && size > OFFICIAL_PDF_LIMIT_BYTES
    ? '可以读取，但正式申报时 PDF 需压缩到 3 MB 以内'
    : null
}
