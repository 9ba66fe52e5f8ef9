// The pre-check as the API and the command run it: validate, fetch the extracted statements the input names,
// reconcile and judge (pure), then have the explanation worded. Statements and the model come in through
// interfaces, so the same path serves the database, files on the command line and the tests.
import type { ValidationIssue } from '../domain/schemas/issues.ts';
import { validate } from '../domain/validate.ts';
import type { Explainer } from '../explain/explain.ts';
import type { ExtractionResult, ExtractIssue } from '../extract/schema.ts';
import { precheck } from './precheck.ts';
import type { ResolvedDocument } from './reconcile.ts';
import { PrecheckInputSchema, type PrecheckInput, type PrecheckResult } from './schemas.ts';

/** What a document id leads to (contracts.md §3 once extracted). */
export type DocumentLookup =
  | { status: 'done'; extraction: ExtractionResult }
  | { status: 'failed'; file: string; error: ExtractIssue }
  | { status: 'queued' | 'processing' }
  | null;

export interface DocumentSource {
  /** null when there is no such document or it belongs to someone else. */
  get(id: string, ownerId: string | null): Promise<DocumentLookup>;
}

export interface PrecheckDeps {
  documents: DocumentSource;
  explainer: Explainer;
  /** The evaluation year when the input does not give one (the year of filing). */
  defaultYear: number;
}

export type PrecheckOutcome =
  | { ok: true; input: PrecheckInput; result: PrecheckResult }
  | { ok: false; code: 'INVALID_INPUT'; issues: ValidationIssue[] }
  | { ok: false; code: 'DOCUMENT_NOT_READY'; ids: string[] };

export async function runPrecheck(body: unknown, ownerId: string | null, deps: PrecheckDeps): Promise<PrecheckOutcome> {
  const v = validate(PrecheckInputSchema, body);
  if (!v.ok) return { ok: false, code: 'INVALID_INPUT', issues: v.issues };
  const input = v.value;
  const ids = [...new Set(input.documents ?? [])];
  const found = await Promise.all(ids.map((id) => deps.documents.get(id, ownerId)));
  const missing = ids.flatMap((id, i) =>
    found[i] === null
      ? [{ path: `documents[${(input.documents ?? []).indexOf(id)}]`, code: 'DOCUMENT_NOT_FOUND', message: `找不到编号为${id}的报表，请重新上传` }]
      : [],
  );
  if (missing.length) return { ok: false, code: 'INVALID_INPUT', issues: missing };
  const pending = ids.filter((_, i) => found[i]?.status === 'queued' || found[i]?.status === 'processing');
  if (pending.length) return { ok: false, code: 'DOCUMENT_NOT_READY', ids: pending };

  const docs: ResolvedDocument[] = ids.map((id, i) => {
    const d = found[i]!;
    if (d.status === 'done') return { id, extraction: d.extraction };
    // A job that failed outright still reports as a file that could not be read.
    const failed = d as Extract<DocumentLookup, { status: 'failed' }>;
    return { id, extraction: { file: failed.file, pages: 0, method: 'text', documents: [], checks: [], errors: [failed.error] } };
  });
  const result = precheck(input, docs, { defaultYear: deps.defaultYear });
  return { ok: true, input, result: { ...result, explanation: await deps.explainer.explain(result) } };
}
