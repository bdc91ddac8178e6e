import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { formatMoney } from './format';

/*
 * antd form rules derived from the zod schema the server validates the same body with, so the
 * browser and the API never disagree. Only the shape of zod 4 that the rules need is described
 * here (zod itself stays a dependency of packages/contracts, not of the web).
 */

interface ZodIssueLike {
  code: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

interface FieldSchemaLike {
  safeParse(value: unknown): { success: boolean; error?: { issues: ZodIssueLike[] } };
  _zod: { def: { type: string; innerType?: FieldSchemaLike; defaultValue?: unknown } };
}

export interface ObjectSchemaLike {
  shape: Record<string, FieldSchemaLike>;
}

/** The texts of the rules, in the user's language. */
export interface RuleMessages {
  required: (label: string) => string;
  requiredSelect: (label: string) => string;
  minLength: (min: number) => string;
  maxLength: (max: number) => string;
  minValue: (min: number | string) => string;
  maxValue: (max: number | string) => string;
  pattern: (label: string) => string;
  invalid: (label: string) => string;
}

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch']);

function innermost(schema: FieldSchemaLike): FieldSchemaLike {
  let inner = schema;
  while (wrappers.has(inner._zod.def.type) && inner._zod.def.innerType) inner = inner._zod.def.innerType;
  return inner;
}

/** A default the server fills in (not null, not a switch's false): the form must keep a value there. */
function defaultOf(schema: FieldSchemaLike): unknown {
  let current: FieldSchemaLike | undefined = schema;
  while (current && wrappers.has(current._zod.def.type)) {
    if (current._zod.def.type === 'default') return current._zod.def.defaultValue;
    current = current._zod.def.innerType;
  }
  return undefined;
}

/** Whether the body must carry a value for the field. */
export function isRequired(schema: FieldSchemaLike): boolean {
  const inner = innermost(schema);
  if (inner._zod.def.type === 'boolean') return false;
  const fallback = defaultOf(schema);
  if (fallback !== undefined && fallback !== null) return true;
  return !schema.safeParse(undefined).success && !schema.safeParse(null).success;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

function messageOf(issue: ZodIssueLike | undefined, label: string, messages: RuleMessages): string {
  if (!issue) return messages.invalid(label);
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (issue.code === 'too_small' && issue.origin === 'string') return messages.minLength(bound);
  if (issue.code === 'too_big' && issue.origin === 'string') return messages.maxLength(bound);
  if (issue.code === 'too_small' && issue.origin === 'array') return messages.requiredSelect(label);
  if (issue.code === 'too_small' && issue.origin === 'number') return messages.minValue(bound);
  if (issue.code === 'too_big' && issue.origin === 'number') return messages.maxValue(bound);
  if (issue.code === 'invalid_format') return messages.pattern(label);
  return messages.invalid(label);
}

/** The rules of one field: `required` (so antd shows the mark) and one validator running the schema. */
export function fieldRules(schema: FieldSchemaLike, label: string, messages: RuleMessages): Rule[] {
  const inner = innermost(schema);
  const choice = ['enum', 'array', 'literal', 'union'].includes(inner._zod.def.type);
  const rules: Rule[] = [];
  if (isRequired(schema))
    rules.push({
      required: true,
      message: choice ? messages.requiredSelect(label) : messages.required(label),
    });
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(messageOf(result.error?.issues[0], label, messages));
    },
  });
  return rules;
}

export interface ZodRulesOptions<K extends string> {
  /** Money fields (分 in the body): their bounds are shown in yuan. */
  money?: readonly K[];
}

/** Rules for every labelled field of an object schema (fields without a label get none). */
export function zodRules<S extends ObjectSchemaLike>(
  schema: S,
  labels: Partial<Record<keyof S['shape'] & string, string>>,
  messages: RuleMessages,
  options: ZodRulesOptions<keyof S['shape'] & string> = {},
): Record<keyof S['shape'] & string, Rule[]> {
  const money = new Set<string>(options.money ?? []);
  const moneyMessages: RuleMessages = {
    ...messages,
    minValue: (min) => messages.minValue(formatMoney(Number(min))),
    maxValue: (max) => messages.maxValue(formatMoney(Number(max))),
  };
  const result = {} as Record<keyof S['shape'] & string, Rule[]>;
  for (const [name, field] of Object.entries(schema.shape) as [
    keyof S['shape'] & string,
    FieldSchemaLike,
  ][]) {
    const label = labels[name];
    result[name] =
      label === undefined ? [] : fieldRules(field, label, money.has(name) ? moneyMessages : messages);
  }
  return result;
}

/** `zodRules` with messages in the user's language. */
export function useZodRules<S extends ObjectSchemaLike>(
  schema: S,
  labels: Partial<Record<keyof S['shape'] & string, string>>,
  options: ZodRulesOptions<keyof S['shape'] & string> = {},
): Record<keyof S['shape'] & string, Rule[]> {
  const { t } = useTranslation();
  return zodRules(
    schema,
    labels,
    {
      required: (field) => t('validation.required', { field }),
      requiredSelect: (field) => t('validation.requiredSelect', { field }),
      maxLength: (max) => t('validation.maxLength', { max }),
      minLength: (min) => t('kit.minLength', { min }),
      minValue: (min) => t('kit.minValue', { min }),
      maxValue: (max) => t('kit.maxValue', { max }),
      pattern: (field) => t('kit.pattern', { field }),
      invalid: (field) => t('kit.invalid', { field }),
    },
    options,
  );
}
