import type { FormField, WfInstanceDetail } from '@concord/contracts';

/**
 * The field definitions (labels, types) of an instance's form: the server sends the fields the
 * document was submitted with, so every approver sees labels even for forms they cannot submit.
 */
export function useFormFieldsFor(detail: WfInstanceDetail): FormField[] | undefined {
  return detail.fields ?? undefined;
}

/** A stand-in definition for an editable value whose form definition is unknown. */
export function guessField(key: string, value: unknown): FormField {
  return { key, label: key, required: false, type: typeof value === 'number' ? 'number' : 'text' };
}
