import type { FormDefinition, FormField } from '@concord/contracts';
import { readBool, readInstant, readJson } from '../../db/index.js';
import type { FormDefinitionTable } from './forms.tables.js';

export function toFormDefinition(row: FormDefinitionTable): FormDefinition {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    entityId: row.entity_id,
    // Kept in the order the admin arranged them; readJson sorts keys within each field only.
    fields: readJson<FormField[]>(row.fields, []),
    amountField: row.amount_field,
    active: readBool(row.active),
    businessType: `form.${row.code}`,
    createdAt: readInstant(row.created_at)!,
    updatedAt: readInstant(row.updated_at)!,
  };
}

export function definitionSnapshot(row: FormDefinitionTable): Record<string, unknown> {
  return { ...row, fields: readJson(row.fields, []), active: readBool(row.active) };
}
