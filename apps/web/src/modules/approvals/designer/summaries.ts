import { HOME_CURRENCY } from '@concord/contracts';
import type { FormField, WfAssignee, WfBranch, WfCond, WfDelayNode, WfNode } from '@concord/contracts';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../../shared/format';

/*
 * One-line descriptions of node settings, shown on the designer's cards so an admin can read the
 * whole flow without opening every drawer (as DingTalk's designer does).
 */

export type AssigneeKind =
  | 'users'
  | 'role'
  | 'supervisor'
  | 'supervisorChain'
  | 'deptHead'
  | 'initiatorSelect'
  | 'initiator'
  | 'formField'
  | 'previousApproverSelect';

export function assigneeKind(assignee: WfAssignee): AssigneeKind {
  return Object.keys(assignee).find((key) => key !== 'fallbackUp') as AssigneeKind;
}

/** Role code → name, where the reader may list roles; a code without a name is shown as it is. */
export type RoleNames = ReadonlyMap<string, string>;

export function assigneeSummary(
  t: TFunction,
  assignee: WfAssignee,
  roleNames: RoleNames = new Map(),
): string {
  if ('users' in assignee) return t('flows.summary.users', { count: assignee.users.length });
  if ('role' in assignee)
    return t('flows.summary.role', { role: roleNames.get(assignee.role) ?? (assignee.role || '?') });
  if ('supervisor' in assignee) return t('flows.summary.supervisor', { level: assignee.supervisor.level });
  if ('supervisorChain' in assignee) {
    const until = assignee.supervisorChain.until;
    if (until === 'top') return t('flows.summary.chainTop');
    if ('level' in until) return t('flows.summary.chainLevel', { level: until.level });
    return t('flows.summary.chainRole', { role: roleNames.get(until.role) ?? until.role });
  }
  if ('deptHead' in assignee) return t('flows.summary.deptHead');
  if ('initiatorSelect' in assignee)
    return t(assignee.initiatorSelect.multiple ? 'flows.summary.selectMany' : 'flows.summary.selectOne');
  if ('initiator' in assignee) return t('flows.summary.initiator');
  if ('formField' in assignee) return t('flows.summary.formField', { field: assignee.formField || '?' });
  return t('flows.summary.previousSelect');
}

export function nodeSummary(t: TFunction, node: WfNode, roleNames: RoleNames = new Map()): string {
  switch (node.type) {
    case 'start':
      return node.initiators ? t('flows.summary.someInitiators') : t('flows.summary.allInitiators');
    case 'approval':
    case 'handle': {
      const mode =
        node.mode === 'vote'
          ? t('flows.mode.voteRatio', { ratio: node.passRatio ?? '?' })
          : t(`flows.mode.${node.mode}`);
      const mandatory = node.mandatory ? ` · ${t('flows.rules.mandatory')}` : '';
      return `${assigneeSummary(t, node.assignee, roleNames)} · ${mode}${mandatory}`;
    }
    case 'cc':
      return `${assigneeSummary(t, node.assignee, roleNames)} · ${t(`flows.cc.when.${node.when ?? 'reach'}`)}`;
    case 'delay':
      return delaySummary(t, node.wait);
    case 'trigger': {
      const attempts = node.retry?.maxAttempts ?? 3;
      const target = `${node.http.method} ${urlHost(node.http.url) || '?'}`;
      return `${target} · ${t('flows.summary.triggerRetry', { count: attempts })} · ${t(`flows.trigger.onFailKinds.${node.onFail ?? 'halt'}`)}`;
    }
    case 'subprocess': {
      const wait = t(node.wait === false ? 'flows.summary.subprocessNoWait' : 'flows.summary.subprocessWait');
      return `${node.definitionKey || '?'} · ${wait}`;
    }
    default:
      return '';
  }
}

const opSymbols: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/** `currency`: the amount condition's own (a money field's is CNY unless it names another). */
function valueText(field: FormField | undefined, value: unknown, currency?: string): string {
  if (Array.isArray(value)) return value.map((item) => valueText(field, item, currency)).join(' ~ ');
  if ((currency || field?.type === 'money') && typeof value === 'number')
    return formatMoney(value, currency ?? HOME_CURRENCY);
  const option = field?.options?.find((candidate) => candidate.value === value);
  return option ? option.label : String(value ?? '');
}

export function condSummary(t: TFunction, cond: WfCond, fields: FormField[]): string {
  if ('all' in cond) return cond.all.map((c) => condSummary(t, c, fields)).join(t('flows.cond.andJoin'));
  if ('any' in cond)
    return cond.any.map((c) => `(${condSummary(t, c, fields)})`).join(t('flows.cond.orJoin'));
  if ('initiatorIn' in cond) return t('flows.cond.initiatorIn');
  const field = fields.find((candidate) => candidate.key === cond.field);
  const label = field?.label ?? cond.field;
  const symbol = opSymbols[cond.op];
  if (symbol) return `${label} ${symbol} ${valueText(field, cond.value, cond.currency)}`;
  if (cond.op === 'empty') return t('flows.cond.isEmpty', { field: label });
  return `${label} ${t(`flows.cond.op.${cond.op}`)} ${valueText(field, cond.value, cond.currency)}`;
}

/** `last`: the last column, where the default branch of a condition node belongs. */
export function branchSummary(
  t: TFunction,
  branch: WfBranch,
  parallel: boolean,
  fields: FormField[],
  last: boolean,
): string {
  if (parallel) return t('flows.summary.parallelBranch');
  if (branch.when) return condSummary(t, branch.when, fields);
  // A condition-less branch before the last one is almost always one whose conditions are not set yet.
  return last ? t('flows.summary.defaultBranch') : t('flows.summary.noCondition');
}

/** Hours and minutes of an ISO-8601 duration such as PT2H30M (days count as 24 hours). */
export function durationParts(iso: string): { hours: number; minutes: number } {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) return { hours: 0, minutes: 0 };
  const [d, h, min] = [m[1], m[2], m[3]].map((x) => Number(x ?? 0));
  return { hours: d * 24 + h, minutes: min };
}

export function toDuration(hours: number, minutes: number): string {
  if (!hours && !minutes) return 'PT0M';
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
}

function delaySummary(t: TFunction, wait: WfDelayNode['wait']): string {
  if ('duration' in wait) {
    const { hours, minutes } = durationParts(wait.duration);
    return t('flows.summary.delayDuration', { hours, minutes });
  }
  if ('timeOfDay' in wait) return t('flows.summary.delayUntil', { time: wait.timeOfDay });
  return t('flows.summary.delayField', { field: wait.field || '?' });
}

function urlHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
