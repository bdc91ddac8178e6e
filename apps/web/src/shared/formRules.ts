import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { isApiError } from '../app/api/ApiError';

/** The part of a zod schema a form rule needs; keeps zod itself out of the web's dependencies. */
interface ParsesValues {
  safeParse(value: unknown): { success: boolean };
}

/**
 * A form rule backed by the same zod schema the server validates with, so the browser and the API
 * never disagree. Empty values pass: whether a field is required is a separate `required` rule.
 * The message comes from the locale files because the schemas' own messages are English only.
 */
export function zodRule(schema: ParsesValues, message: string): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}

/**
 * Puts the server's field errors (400 VALIDATION_FAILED, 409 DUPLICATE on a field) under the matching
 * inputs. Paths may come as `email`, `body.email` or `/email`; the last segment names the field.
 * Returns whether any field error was shown, so the caller can fall back to a general message.
 */
export function showFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.fieldErrors
    .map((fieldError) => ({
      name: fieldError.path.split(/[./]/).filter(Boolean).pop() ?? '',
      errors: [fieldError.message],
    }))
    .filter((field) => known.has(field.name));
  form.setFields(fields);
  return fields.length > 0;
}
