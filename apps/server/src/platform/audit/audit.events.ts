import type { FieldChange, Locale } from '@concord/contracts';
import { type AuditPayload, payloadProblem } from './audit.payloads.js';

export type AuditLabel = Record<Locale, string>;

/**
 * The payloads of a kind of record's entries, by action; `'*'` for every action not named.
 * An event with no payload records nothing (a sign-in, a publish).
 */
export type AuditPayloads = { readonly '*'?: AuditPayload } & Readonly<Record<string, AuditPayload>>;

/**
 * The audit events a module writes: per kind of record, its label, the label of each action and
 * the payload each records. Declared in the module's definition, so the audit viewer and export
 * never show a raw code, and the test suite refuses an entry whose fields the event does not declare.
 */
export type AuditEventSet = Record<
  string,
  { label: AuditLabel; actions: Record<string, AuditLabel>; payloads?: AuditPayloads }
>;

interface KnownType {
  label: AuditLabel;
  actions: Map<string, AuditLabel>;
  payloads: Map<string, AuditPayload>;
}

/** Every module's audit events together: the labels of an entry, and whether an event is declared. */
export class AuditEventCatalogue {
  readonly #types = new Map<string, KnownType>();

  constructor(sets: readonly AuditEventSet[]) {
    for (const set of sets) {
      for (const [entityType, { label, actions, payloads = {} }] of Object.entries(set)) {
        // Two modules may write events on one kind of record (IAM changes a user's password).
        const known = this.#types.get(entityType) ?? { label, actions: new Map(), payloads: new Map() };
        for (const [action, actionLabel] of Object.entries(actions)) {
          if (known.actions.has(action))
            throw new Error(`Audit event ${entityType}.${action} declared twice`);
          known.actions.set(action, actionLabel);
          // Each module's '*' covers only the actions it declares.
          const payload = payloads[action] ?? payloads['*'];
          if (payload) known.payloads.set(action, payload);
        }
        this.#types.set(entityType, known);
      }
    }
  }

  has(entityType: string, action: string): boolean {
    return this.#types.get(entityType)?.actions.has(action) ?? false;
  }

  /**
   * Why an entry's changes do not fit its event's payload (a field not declared, a value of the
   * wrong type), or null. An event declared without a payload records no fields.
   */
  payloadProblem(entityType: string, action: string, changes: readonly FieldChange[]): string | null {
    const payload = this.#types.get(entityType)?.payloads.get(action);
    if (payload) return payloadProblem(payload, changes);
    return changes.length
      ? `records ${changes.map((c) => c.field).join(', ')} but declares no payload`
      : null;
  }

  /** `type.action` of every declared event that declares no payload (it may record no fields). */
  withoutPayload(): string[] {
    return [...this.#types].flatMap(([entityType, { actions, payloads }]) =>
      [...actions.keys()]
        .filter((action) => !payloads.has(action))
        .map((action) => `${entityType}.${action}`),
    );
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

/** The actions most kinds of record have, labelled once. */
export const commonAuditActions = {
  create: { 'zh-CN': '新增', 'en-US': 'Created' },
  update: { 'zh-CN': '修改', 'en-US': 'Updated' },
  delete: { 'zh-CN': '删除', 'en-US': 'Deleted' },
  status: { 'zh-CN': '状态变更', 'en-US': 'Status changed' },
} satisfies Record<string, AuditLabel>;
type CommonAction = keyof typeof commonAuditActions;

/**
 * A kind of record for an `AuditEventSet`: its label (zh, en), the common actions it has (create,
 * update, delete by default), its own, and the payload each records (`auditFields`, by action or
 * `'*'` for all).
 */
export function auditRecord(
  zh: string,
  en: string,
  own: Record<string, AuditLabel> = {},
  common: readonly CommonAction[] = ['create', 'update', 'delete'],
  payloads: AuditPayloads = {},
): AuditEventSet[string] {
  const actions = Object.fromEntries(common.map((action) => [action, commonAuditActions[action]]));
  return { label: { 'zh-CN': zh, 'en-US': en }, actions: { ...actions, ...own }, payloads };
}

/** An action's label: `label('签订', 'Signed')`. */
export const label = (zh: string, en: string): AuditLabel => ({ 'zh-CN': zh, 'en-US': en });
