import {
  type ContractAttachmentType,
  type ContractDirection,
  contractAttachmentTypeSchema,
  type FormField,
  formDefinitionIssues,
  type Locale,
} from '@concord/contracts';
import { validateFormData } from '../../../platform/forms/index.js';
import { AppError } from '../../../platform/http/index.js';

/** A node of the category tree as the direction rule sees it. */
export interface CategoryNode {
  id: string;
  parentId: string | null;
  /** The category's own direction; null = inherit the parent's. */
  own: ContractDirection | null;
}

/**
 * Effective directions: a category's own, else its nearest ancestor's. A top-level category
 * without one (refused on write) resolves to null. Iterative so a deep tree cannot overflow.
 */
export function effectiveDirections(nodes: CategoryNode[]): Map<string, ContractDirection | null> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const resolved = new Map<string, ContractDirection | null>();
  for (const node of nodes) {
    const chain: CategoryNode[] = [];
    let current: CategoryNode | undefined = node;
    let found: ContractDirection | null = null;
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      if (resolved.has(current.id)) {
        found = resolved.get(current.id)!;
        break;
      }
      chain.push(current);
      if (current.own) {
        found = current.own;
        break;
      }
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    // Every node on the way up shares the answer, except those with their own direction below it.
    let value = found;
    for (const link of chain.reverse()) {
      if (link.own) value = link.own;
      resolved.set(link.id, value);
    }
  }
  return resolved;
}

/** Required attachment types, deduplicated in the schema's order (stable JSON for audit and compare). */
export function normaliseAttachmentTypes(types: ContractAttachmentType[]): ContractAttachmentType[] {
  const wanted = new Set(types);
  return contractAttachmentTypeSchema.options.filter((t) => wanted.has(t));
}

/** Custom field definitions checked as the forms tool checks a form's (duplicate keys, options, bounds). */
export function assertFieldDefinitions(fields: FormField[]): void {
  const issues = formDefinitionIssues(fields, null);
  if (issues.length) throw validationFailed(issues);
}

/**
 * A contract's custom data checked against its category's fields and normalised (known keys
 * only, strings trimmed, ids lower-case). Throws VALIDATION_FAILED with `customData.<key>` field
 * errors. Ids of users, departments and files are checked for shape here; the register confirms
 * them against the database if it offers such fields.
 */
export function validateCustomData(
  category: { fields: FormField[] },
  data: unknown,
  locale: Locale = 'zh-CN',
): Record<string, unknown> {
  const result = validateFormData(category.fields, data ?? {}, { locale });
  if (result.errors.length) {
    throw validationFailed(
      result.errors.map((e) => ({ path: e.path.replace(/^data\./, 'customData.'), message: e.message })),
    );
  }
  return result.data;
}

export function validationFailed(errors: { path: string; message: string }[]): AppError {
  const detail = errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return new AppError('VALIDATION_FAILED', { detail }, errors);
}
