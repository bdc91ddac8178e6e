import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** A JSON Schema node as zod 4 emits it (the subset Concord's schemas use). */
export interface JsonSchema {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string;
  format?: string;
  pattern?: string;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  default?: unknown;
}

export const inputJsonSchema = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

// Strings tried, in order, against a pattern; extend when a new schema's pattern matches none.
const patternCandidates = [
  'form.example',
  'abc123',
  'Passw0rd2026',
  'user_1',
  'A1',
  '91110000MA01ABCD1X',
  '+86 138 0000 0000',
  'code-1',
  'x',
];

function patternsOf(node: JsonSchema): RegExp[] {
  return [node.pattern, ...(node.allOf ?? []).map((p) => p.pattern)]
    .filter((p): p is string => typeof p === 'string')
    .map((p) => new RegExp(p));
}

function exampleString(node: JsonSchema): string {
  switch (node.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return 'demo@example.com';
    case 'date':
      return '2026-03-15';
    case 'date-time':
      return '2026-03-15T08:00:00.000Z';
  }
  const patterns = patternsOf(node);
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? 1000;
  const candidates = patterns.length ? patternCandidates : ['Example text'];
  const fits = (s: string) => s.length >= min && s.length <= max && patterns.every((p) => p.test(s));
  const found = candidates.find(fits) ?? candidates.map((c) => c.padEnd(min, c)).find(fits);
  return found ?? 'x'.repeat(Math.max(min, 1));
}

/**
 * A value the schema accepts, built from its JSON Schema. Only required properties are filled,
 * so the example is the smallest valid input. Callers check it with `schema.safeParse`.
 */
export function exampleFor(node: JsonSchema, root: JsonSchema = node): unknown {
  if (node.$ref) return exampleFor(resolveRef(node.$ref, root), root);
  if (node.const !== undefined) return node.const;
  if (node.enum?.length) return node.enum[0];
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives) return exampleFor(alternatives.find((a) => a.type !== 'null') ?? alternatives[0], root);
  switch (node.type) {
    case 'string':
      return exampleString(node);
    case 'integer':
    case 'number':
      return Math.max(node.minimum ?? 0, Math.min(node.maximum ?? 1, 1));
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return node.minItems
        ? Array.from({ length: node.minItems }, () => exampleFor(node.items ?? {}, root))
        : [];
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const key of node.required ?? []) result[key] = exampleFor(node.properties?.[key] ?? {}, root);
      return result;
    }
    default:
      return 'x';
  }
}

/** Recursive schemas (a flow's node tree) refer to their parts as `#/$defs/<name>`. */
function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  const name = ref.replace(/^#\/\$defs\//, '');
  const target = ref === '#' ? root : root.$defs?.[name];
  if (!target) throw new Error(`Unresolvable $ref ${ref}`);
  return target;
}

/** True when a property (or one of its alternatives) is a number. */
export function acceptsNumber(node: JsonSchema): boolean {
  if (node.type === 'number' || node.type === 'integer') return true;
  return [...(node.anyOf ?? []), ...(node.oneOf ?? [])].some(acceptsNumber);
}

/** True when a property (or one of its alternatives) is a string. */
export function acceptsString(node: JsonSchema): boolean {
  if (node.type === 'string') return true;
  return [...(node.anyOf ?? []), ...(node.oneOf ?? [])].some(acceptsString);
}

/**
 * A query-string value the parameter refuses, or null when any string is acceptable (then no
 * wrong value exists to test).
 */
export function invalidQueryValue(node: JsonSchema): string | null {
  if (node.enum?.length) return 'not-one-of-the-values';
  if (node.type === 'integer' || node.type === 'number') return 'not-a-number';
  if (node.format === 'uuid') return 'not-a-uuid';
  if (node.format === 'date') return '2026-13-45';
  if (node.format === 'date-time') return 'yesterday';
  if (node.pattern) return '!!! not matching !!!';
  if (node.maxLength !== undefined) return 'x'.repeat(node.maxLength + 1);
  return null;
}
