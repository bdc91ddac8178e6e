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

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Whether the body must carry a value for the field. */
export function isRequired(schema: FieldSchemaLike): boolean {
  const inner = innermost(schema);
  if (inner._zod.def.type === 'boolean') return false;
  // An empty default ('' for a body, [] for a list) says an empty value is fine.
  const fallback = defaultOf(schema);
  if (!isEmpty(fallback)) return true;
  return !schema.safeParse(undefined).success && !schema.safeParse(null).success;
}

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

/** What a form may say about a field beyond its schema. */
export interface FieldRuleOptions {
  /** Require a value though the body may leave it out (see `ZodRulesOptions.required`). */
  required?: boolean;
  /** The form's value as the body carries it, before the schema reads it. */
  toBody?: (value: unknown) => unknown;
  /** Picked rather than typed (an id from a picker, a date): "choose" rather than "enter". */
  picked?: boolean;
  /** Said instead of the generic message when a value breaks the schema. */
  invalid?: string;
}

/** The rules of one field: `required` (so antd shows the mark) and one validator running the schema. */
export function fieldRules(
  schema: FieldSchemaLike,
  label: string,
  messages: RuleMessages,
  options: FieldRuleOptions = {},
): Rule[] {
  const inner = innermost(schema);
  const choice = options.picked || ['enum', 'array', 'literal', 'union'].includes(inner._zod.def.type);
  const rules: Rule[] = [];
  if (options.required || isRequired(schema))
    rules.push({
      required: true,
      message: choice ? messages.requiredSelect(label) : messages.required(label),
      // The server trims text: blanks alone are no value. Only on text, and absent otherwise: with
      // any key beside `required` and `message` antd checks the value as a string and refuses numbers.
      ...(inner._zod.def.type === 'string' ? { whitespace: true } : {}),
    });
  rules.push({
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return;
      const result = schema.safeParse(options.toBody ? options.toBody(value) : value);
      if (!result.success)
        throw new Error(options.invalid ?? messageOf(result.error?.issues[0], label, messages));
    },
  });
  return rules;
}

export interface ZodRulesOptions<K extends string> {
  /** Money fields (minor units in the body): their bounds are shown in `currency`. */
  money?: readonly K[];
  /** The currency of the money fields (the record's), CNY unless said. */
  currency?: string;
  /**
   * Fields the form requires though the body may leave them out: the server asks for them under a
   * condition the form shows them for (an override reason once a payment goes beyond the invoices).
   */
  required?: readonly K[];
  /** Fields filled by a picker (ids, dates): their required message says "choose". */
  picked?: readonly K[];
  /** A field's own message for a value the schema refuses (what a quantity looks like), per field. */
  invalid?: Partial<Record<K, string>>;
  /** How a field's form value becomes the body's (a percent typed for basis points), per field. */
  toBody?: Partial<Record<K, (value: unknown) => unknown>>;
}

/** Rules for every labelled field of an object schema (fields without a label get none). */
export function zodRules<S extends ObjectSchemaLike>(
  schema: S,
  labels: Partial<Record<keyof S['shape'] & string, string>>,
  messages: RuleMessages,
  options: ZodRulesOptions<keyof S['shape'] & string> = {},
): Record<keyof S['shape'] & string, Rule[]> {
  const money = new Set<string>(options.money ?? []);
  const required = new Set<string>(options.required ?? []);
  const picked = new Set<string>(options.picked ?? []);
  const moneyMessages: RuleMessages = {
    ...messages,
    minValue: (min) => messages.minValue(formatMoney(Number(min), options.currency)),
    maxValue: (max) => messages.maxValue(formatMoney(Number(max), options.currency)),
  };
  const result = {} as Record<keyof S['shape'] & string, Rule[]>;
  for (const [name, field] of Object.entries(schema.shape) as [
    keyof S['shape'] & string,
    FieldSchemaLike,
  ][]) {
    const label = labels[name];
    result[name] =
      label === undefined
        ? []
        : fieldRules(field, label, money.has(name) ? moneyMessages : messages, {
            required: required.has(name),
            picked: picked.has(name),
            invalid: options.invalid?.[name],
            toBody: options.toBody?.[name],
          });
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
