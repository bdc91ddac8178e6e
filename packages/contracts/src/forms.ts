import { z } from 'zod';
import { codeSchema, idSchema, instantSchema, nameSchema } from './common.js';
import { wfFieldKeySchema } from './workflow.js';

/*
 * Ad-hoc forms (表单工具): an admin defines the fields, binds an approval flow (a workflow definition
 * whose business type is `form.<code>`), and employees submit it. The server validates submissions
 * against the definition. Money values are integers of 分; dates `YYYY-MM-DD`; a date range is
 * `[from, to]`; user/department fields hold ids; attachment fields hold file ids.
 */
export const formFieldTypes = [
  'text',
  'textarea',
  'number',
  'money',
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

const optionSchema = z.strictObject({ value: z.string().trim().min(1).max(60), label: z.string().trim().min(1).max(100) });

const baseField = {
  key: wfFieldKeySchema,
  label: z.string().trim().min(1).max(60),
  required: z.boolean().default(false),
  placeholder: z.string().trim().max(100).optional(),
  /** text/textarea: most characters; number/money: bounds (money in 分). */
  maxLength: z.number().int().min(1).max(10000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z.array(optionSchema).max(100).optional(),
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
