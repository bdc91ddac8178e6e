import type { Locale } from '@concord/contracts';

export type AuditLabel = Record<Locale, string>;

/**
 * The audit events a module writes: per kind of record, its label and the label of each action.
 * Declared in the module's definition, so the audit viewer and export never show a raw code.
 */
export type AuditEventSet = Record<string, { label: AuditLabel; actions: Record<string, AuditLabel> }>;

/** Every module's audit events together: the labels of an entry, and whether an event is declared. */
export class AuditEventCatalogue {
  readonly #types = new Map<string, { label: AuditLabel; actions: Map<string, AuditLabel> }>();

  constructor(sets: readonly AuditEventSet[]) {
    for (const set of sets) {
      for (const [entityType, { label, actions }] of Object.entries(set)) {
        // Two modules may write events on one kind of record (IAM changes a user's password).
        const known = this.#types.get(entityType) ?? { label, actions: new Map() };
        for (const [action, actionLabel] of Object.entries(actions)) {
          if (known.actions.has(action))
            throw new Error(`Audit event ${entityType}.${action} declared twice`);
          known.actions.set(action, actionLabel);
        }
        this.#types.set(entityType, known);
      }
    }
  }

  has(entityType: string, action: string): boolean {
    return this.#types.get(entityType)?.actions.has(action) ?? false;
  }

  /** The labels of an entry in the reader's language; an undeclared code shows as itself. */
  labels(
    entityType: string,
    action: string,
    locale: Locale,
  ): { entityTypeLabel: string; actionLabel: string } {
    const type = this.#types.get(entityType);
    return {
      entityTypeLabel: type?.label[locale] ?? entityType,
      actionLabel: type?.actions.get(action)?.[locale] ?? action,
    };
  }

  /** The kinds of record and their actions, for the audit viewer's filters. */
  entries(locale: Locale) {
    return [...this.#types].map(([entityType, { label, actions }]) => ({
      entityType,
      label: label[locale],
      actions: [...actions].map(([action, actionLabel]) => ({ action, label: actionLabel[locale] })),
    }));
  }
}
