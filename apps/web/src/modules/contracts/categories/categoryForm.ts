import type {
  ContractAttachmentType,
  ContractCategory,
  ContractDirection,
  FormField,
} from '@concord/contracts';
import { type CriteriaValues, criteriaBody, criteriaFormValues } from '../execution/closing/CriteriaEditor';

export type CategoryTarget =
  | { mode: 'create'; parentId: string | null }
  | { mode: 'edit'; category: ContractCategory };

export interface CategoryFormValues extends Partial<CriteriaValues> {
  code: string;
  name: string;
  parentId?: string;
  /** 'INHERIT' stands for null (a child takes its parent's direction). */
  direction: ContractDirection | 'INHERIT';
  numberRuleId?: string;
  flowKey?: string;
  requiredAttachmentTypes: ContractAttachmentType[];
  expiryReminderDays: number;
  active: boolean;
  sortOrder: number;
  description?: string;
  fields: FormField[];
}

export const INHERIT = 'INHERIT';

/** Drops the empty optional properties the field editor leaves behind (the schema is strict). */
export function cleanFields(fields: FormField[] | undefined, nested = false): FormField[] {
  return (fields ?? []).map((field) => {
    const out: FormField = {
      key: field.key,
      label: field.label,
      type: field.type,
      required: !!field.required,
    };
    if ((field.type === 'select' || field.type === 'multiSelect') && field.options?.length)
      out.options = field.options;
    if (field.type === 'table' && !nested)
      out.columns = cleanFields(field.columns, true) as FormField['columns'];
    for (const key of ['placeholder', 'maxLength', 'min', 'max'] as const) {
      const value = field[key] as unknown;
      if (value !== undefined && value !== null && value !== '')
        (out as Record<string, unknown>)[key] = value;
    }
    return out;
  });
}

/** The drawer's starting values: the category's own, or a new one's defaults under its parent. */
export function categoryFormValues(target: CategoryTarget): Partial<CategoryFormValues> {
  if (target.mode === 'create')
    return {
      parentId: target.parentId ?? undefined,
      direction: target.parentId ? INHERIT : 'EXPENSE',
      requiredAttachmentTypes: ['SIGNED_SCAN'],
      expiryReminderDays: 30,
      active: true,
      sortOrder: 0,
      fields: [],
      ...criteriaFormValues(null),
    };
  const c = target.category;
  return {
    code: c.code,
    name: c.name,
    parentId: c.parentId ?? undefined,
    direction: c.directionInherited ? INHERIT : c.direction,
    numberRuleId: c.numberRuleId ?? undefined,
    flowKey: c.flowKey ?? undefined,
    requiredAttachmentTypes: c.requiredAttachmentTypes,
    expiryReminderDays: c.expiryReminderDays,
    active: c.active,
    sortOrder: c.sortOrder,
    description: c.description ?? '',
    fields: c.fields,
    ...criteriaFormValues(c),
  };
}

/** The body shared by create and update (create adds the code), with the cleaned custom fields. */
export function categoryBodyOf(values: CategoryFormValues, fields: FormField[]) {
  return {
    evaluationCriteria: criteriaBody(values),
    name: values.name.trim(),
    parentId: values.parentId ?? null,
    direction: values.direction === INHERIT ? null : values.direction,
    numberRuleId: values.numberRuleId?.trim() || null,
    flowKey: values.flowKey?.trim() || null,
    requiredAttachmentTypes: values.requiredAttachmentTypes ?? [],
    expiryReminderDays: values.expiryReminderDays ?? 30,
    active: values.active,
    sortOrder: values.sortOrder ?? 0,
    description: values.description?.trim() || null,
    fields,
  };
}
