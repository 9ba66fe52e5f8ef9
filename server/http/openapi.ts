// The OpenAPI document, generated from the same zod schemas the routes validate with.
import { z } from 'zod';
import { ValidationIssueSchema } from '../domain/schemas/issues.ts';

export interface Operation {
  summary: string;
  request?: z.ZodType;
  /** multipart/form-data uploads describe their parts instead of a JSON body. */
  multipart?: Record<string, { type: string; format?: string; description?: string }>;
  response?: z.ZodType;
  status?: number;
}
export type PathSpec = Record<string, Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', Operation>>>;

export const ErrorBodySchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), issues: z.array(ValidationIssueSchema).optional() }),
  })
  .meta({ id: 'Error', description: '错误（code 供程序判断，message 为中文说明）' });

/** JSON Schema for a zod schema; named schemas (`.meta({ id })`) go to components and are referenced. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, unknown>): unknown {
  const { $defs, $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as {
    $defs?: Record<string, unknown>;
    $schema?: string;
  };
  // A schema's accepted input and its parsed output differ (defaults, numbers accepted as amounts), so the
  // request side gets its own component name.
  const name = (id: string) => (io === 'input' ? `${id}Request` : id);
  const rewrite = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(rewrite)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v).map(([k, x]) => [
              k,
              k === '$ref' && typeof x === 'string' ? x.replace(/^#\/\$defs\/(.+)$/, (_m, id: string) => `#/components/schemas/${name(id)}`) : rewrite(x),
            ]),
          )
        : v;
  for (const [id, def] of Object.entries($defs ?? {})) components[name(id)] = rewrite(def);
  return rewrite(rest);
}

export function openApiDocument(paths: PathSpec[], version: string): object {
  const out: Record<string, Record<string, unknown>> = {};
  const components: Record<string, unknown> = {};
  const json = (schema: z.ZodType, io: 'input' | 'output') => ({
    'application/json': { schema: jsonSchema(schema, io, components) },
  });
  for (const spec of paths)
    for (const [path, ops] of Object.entries(spec))
      for (const [method, op] of Object.entries(ops)) {
        const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
          name: m[1],
          in: 'path',
          required: true,
          schema: { type: 'string' },
        }));
        (out[path] ??= {})[method] = {
          summary: op.summary,
          ...(params.length ? { parameters: params } : {}),
          ...(op.request ? { requestBody: { required: true, content: json(op.request, 'input') } } : {}),
          ...(op.multipart
            ? {
                requestBody: {
                  required: true,
                  content: { 'multipart/form-data': { schema: { type: 'object', properties: op.multipart } } },
                },
              }
            : {}),
          responses: {
            [String(op.status ?? 200)]: {
              description: '成功',
              ...(op.response ? { content: json(op.response, 'output') } : {}),
            },
            default: { description: '错误', content: json(ErrorBodySchema, 'output') },
          },
        };
      }
  return { openapi: '3.1.0', info: { title: '科小助手 API', version }, paths: out, components: { schemas: components } };
}
