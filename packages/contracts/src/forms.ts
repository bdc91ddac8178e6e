import { z } from 'zod';
import { codeSchema, idSchema, instantSchema, nameSchema } from './common.js';
import { wfFieldKeySchema } from './workflow-parts.js';

/*
 * Ad-hoc forms (表单工具): an admin defines the fields, binds an approval flow (a workflow definition
 * whose business type is `form.<code>`), and employees submit it. The server validates submissions
 * against the definition. Money values are integers of 分; percentages integers of basis points
 * (13% is 1300, shown and typed as 13%); dates `YYYY-MM-DD`; a date range is
 * `[from, to]`; user/department fields hold ids; attachment fields hold file ids.
 */
export const formFieldTypes = [
  'text',
  'textarea',
  'number',
  'money',
  'percent',
  'date',
  'dateRange',
  'select',
  'multiSelect',
  'user',
  'department',
  'attachment',
  'table',
] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

/** One choice of a select field (the web's option editor checks its rows with it). */
export const formFieldOptionSchema = z.strictObject({
  value: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1).max(100),
});

const baseField = {
  key: wfFieldKeySchema,
  label: z.string().trim().min(1).max(60),
  required: z.boolean().default(false),
  placeholder: z.string().trim().max(100).optional(),
  /** text/textarea: most characters; number/money: bounds (money in 分). */
  maxLength: z.number().int().min(1).max(10000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(formFieldOptionSchema).max(100).optional(),
};

/** A column of a detail table: any field type except another table. */
export const formColumnSchema = z.strictObject({
  ...baseField,
  type: z.enum(formFieldTypes).exclude(['table']),
});
export const formFieldSchema = z.strictObject({
  ...baseField,
  type: z.enum(formFieldTypes),
  /** table: its columns; number and money columns get a total row. */
  columns: z.array(formColumnSchema).max(20).optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const formDefinitionSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** Only this entity's users may submit it; null = the whole group. */
  entityId: idSchema.nullable(),
  fields: z.array(formFieldSchema),
  /** The key of a money field whose value selects flows by amount range, if any. */
  amountField: z.string().nullable(),
  active: z.boolean(),
  /** `form.<code>`: bind a workflow definition to this business type. */
  businessType: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

// ---- API shapes ----

const descriptionSchema = z.string().trim().max(500).nullable();
const formFieldsSchema = z.array(formFieldSchema).min(1).max(100);

export const formDefinitionCreateSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  description: descriptionSchema.default(null),
  /** null: the whole group may submit it (only administrators of the whole group create such forms). */
  entityId: idSchema.nullable().default(null),
  fields: formFieldsSchema,
  amountField: wfFieldKeySchema.nullable().default(null),
  active: z.boolean().default(true),
});
export type FormDefinitionCreate = z.infer<typeof formDefinitionCreateSchema>;

/** The code and the entity stay as created: flows are bound to `form.<code>`. */
export const formDefinitionUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  description: descriptionSchema.optional(),
  fields: formFieldsSchema.optional(),
  amountField: wfFieldKeySchema.nullable().optional(),
  active: z.boolean().optional(),
});
export type FormDefinitionUpdate = z.infer<typeof formDefinitionUpdateSchema>;

export const formDefinitionListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z
      .string()
      .max(60)
      .regex(/^-?[a-zA-Z]+$/)
      .optional(),
    q: z.string().trim().max(100).optional(),
    entityId: idSchema.optional(),
    active: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .optional(),
  })
  .strict();
export type FormDefinitionListQuery = z.infer<typeof formDefinitionListQuerySchema>;

export const formAvailableQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(100),
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type FormAvailableQuery = z.infer<typeof formAvailableQuerySchema>;

/** Field permissions while filling or reviewing a form (the approval node's `fieldPerms`). */
export type FormFieldPerms = Record<string, 'edit' | 'read' | 'hidden'>;

/** The most rows a detail table may hold, and the most files an attachment field may hold. */
export const FORM_TABLE_MAX_ROWS = 200;
export const FORM_ATTACHMENT_MAX_FILES = 20;
/** Upper bounds for text when the field sets no `maxLength`. */
export const FORM_TEXT_DEFAULT_MAX = 500;
export const FORM_TEXTAREA_DEFAULT_MAX = 5000;

export const formFieldNeedsOptions = (type: FormFieldType) => type === 'select' || type === 'multiSelect';

/**
 * What is wrong with a set of field definitions (besides their shape): duplicate keys, selects
 * without options, tables without columns, bounds in the wrong order, an amount field that is not a
 * money field. Paths are relative to the definition (`fields.2.options`). Shared by server and web.
 */
export function formDefinitionIssues(
  fields: FormField[],
  amountField: string | null | undefined,
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const checkList = (list: (FormField | z.infer<typeof formColumnSchema>)[], prefix: string) => {
    const seen = new Set<string>();
    list.forEach((field, index) => {
      const at = `${prefix}.${index}`;
      if (seen.has(field.key)) issues.push({ path: `${at}.key`, message: `duplicate key ${field.key}` });
      seen.add(field.key);
      if (formFieldNeedsOptions(field.type)) {
        if (!field.options?.length) issues.push({ path: `${at}.options`, message: 'a select needs options' });
        const values = new Set<string>();
        for (const [i, option] of (field.options ?? []).entries()) {
          if (values.has(option.value))
            issues.push({ path: `${at}.options.${i}.value`, message: `duplicate option ${option.value}` });
          values.add(option.value);
        }
      }
      if (field.min !== undefined && field.max !== undefined && field.min > field.max)
        issues.push({ path: `${at}.max`, message: 'max is below min' });
      if (field.type === 'money') {
        for (const bound of ['min', 'max'] as const) {
          const value = field[bound];
          if (value !== undefined && !Number.isSafeInteger(value))
            issues.push({ path: `${at}.${bound}`, message: 'money bounds are whole 分' });
        }
      }
      const columns = 'columns' in field ? field.columns : undefined;
      if (field.type === 'table') {
        if (!columns?.length) issues.push({ path: `${at}.columns`, message: 'a table needs columns' });
        else checkList(columns, `${at}.columns`);
      } else if (columns !== undefined) {
        issues.push({ path: `${at}.columns`, message: 'only tables have columns' });
      }
    });
  };
  checkList(fields, 'fields');
  if (amountField) {
    const field = fields.find((f) => f.key === amountField);
    if (field?.type !== 'money')
      issues.push({ path: 'amountField', message: 'must name a money field of the form' });
  }
  return issues;
}
