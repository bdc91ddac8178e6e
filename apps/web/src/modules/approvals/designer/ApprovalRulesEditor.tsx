import type { WfApprovalNode, WfFlow, WfTimeout } from '@concord/contracts';
import { Checkbox, Divider, Flex, Form, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { UsersSelect } from '../shared/UsersSelect';
import { upstreamNodes } from './flowTree';

interface Props {
  flow: WfFlow;
  node: WfApprovalNode;
  onChange: (node: WfApprovalNode) => void;
}

/** Hours to and from the ISO durations the engine stores (PT24H); days and minutes fold into hours. */
function hoursOf(duration: string | undefined): number | undefined {
  const match = duration ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(duration) : null;
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0) + Number(match[3] ?? 0) / 60;
}
const hours = (value: number) => `PT${Math.max(1, Math.round(value))}H`;

const buttons = ['transfer', 'addSign', 'delegate', 'return', 'withdraw'] as const;

/** Edge rules of an approver node: empty / self approver, reject and return, timeout, comments, buttons. */
export function ApprovalRulesEditor({ flow, node, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<WfApprovalNode>) => onChange({ ...node, ...patch });
  const upstream = upstreamNodes(flow, node.id).filter(
    (candidate) => candidate.type === 'approval' || candidate.type === 'handle' || candidate.type === 'start',
  );
  const returnList = Array.isArray(node.returnTo) ? node.returnTo : null;
  const timeout = node.timeout;
  const setTimeoutRule = (patch: Partial<WfTimeout> | null) => {
    // biome-ignore lint/suspicious/noThenProperty: WORKFLOW.md names the field "then"; it holds a string, never a thenable
    const defaults: WfTimeout = { after: 'PT24H', then: 'none' };
    set({ timeout: patch === null ? undefined : { ...defaults, ...timeout, ...patch } });
  };

  const mandatory = node.mandatory === true;
  /** Marking a step mandatory drops the rules that would let it pass by itself. */
  const setMandatory = (on: boolean) =>
    set({
      mandatory: on || undefined,
      ...(on && node.onEmpty?.do === 'pass' && { onEmpty: undefined }),
      ...(on && node.onSelf === 'skip' && { onSelf: undefined }),
      // biome-ignore lint/suspicious/noThenProperty: the timeout's "then" field (a string), see above
      ...(on && timeout?.then === 'pass' && { timeout: { ...timeout, then: 'none' } }),
    });

  return (
    <>
      <Form.Item label={t('flows.rules.mandatory')} extra={t('flows.rules.mandatoryHint')}>
        <Switch checked={mandatory} onChange={setMandatory} data-testid="flow-mandatory" />
      </Form.Item>
      <Form.Item label={t('flows.rules.onEmpty')}>
        <Radio.Group
          value={node.onEmpty?.do ?? 'admin'}
          onChange={(event) =>
            set({
              onEmpty: {
                do: event.target.value,
                users: event.target.value === 'users' ? (node.onEmpty?.users ?? []) : undefined,
              },
            })
          }
          options={(['admin', 'users', 'reject', 'pass'] as const).map((value) => ({
            value,
            label: t(`flows.rules.empty.${value}`),
            disabled: mandatory && value === 'pass',
          }))}
        />
      </Form.Item>
      {node.onEmpty?.do === 'users' && (
        <Form.Item label={t('flows.rules.emptyUsers')}>
          <UsersSelect
            value={node.onEmpty.users ?? []}
            onChange={(users) => set({ onEmpty: { do: 'users', users } })}
          />
        </Form.Item>
      )}
      <Form.Item label={t('flows.rules.onSelf')}>
        <Radio.Group
          value={node.onSelf ?? 'self'}
          onChange={(event) => set({ onSelf: event.target.value })}
          options={(['self', 'skip', 'deptHead'] as const).map((value) => ({
            value,
            label: t(`flows.rules.self.${value}`),
            disabled: mandatory && value === 'skip',
          }))}
        />
      </Form.Item>
      {node.type === 'approval' && (
        <Form.Item label={t('flows.rules.onReject')}>
          <Flex gap={8} wrap>
            <Select
              style={{ width: 180 }}
              value={node.onReject?.to ?? 'end'}
              onChange={(to: 'end' | 'prev' | 'node') =>
                set({ onReject: { to, nodeId: to === 'node' ? node.onReject?.nodeId : undefined } })
              }
              options={(['end', 'prev', 'node'] as const).map((value) => ({
                value,
                label: t(`flows.rules.reject.${value}`),
              }))}
            />
            {node.onReject?.to === 'node' && (
              <Select
                style={{ width: 180 }}
                value={node.onReject.nodeId}
                onChange={(nodeId: string) => set({ onReject: { to: 'node', nodeId } })}
                options={upstream.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              />
            )}
          </Flex>
        </Form.Item>
      )}
      <Form.Item label={t('flows.rules.returnTo')}>
        <Flex gap={8} vertical>
          <Radio.Group
            value={returnList ? 'list' : (node.returnTo ?? 'any')}
            onChange={(event) =>
              set({
                returnTo: event.target.value === 'list' ? [upstream[0]?.id ?? 'start'] : event.target.value,
              })
            }
            options={(['any', 'prev', 'start', 'list'] as const).map((value) => ({
              value,
              label: t(`flows.rules.return.${value}`),
            }))}
          />
          {returnList && (
            <Select
              mode="multiple"
              value={returnList}
              onChange={(ids: string[]) => set({ returnTo: ids.length ? ids : 'any' })}
              options={upstream.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            />
          )}
        </Flex>
      </Form.Item>
      <Form.Item label={t('flows.rules.resubmit')}>
        <Radio.Group
          value={node.resubmit ?? 'rerun'}
          onChange={(event) => set({ resubmit: event.target.value })}
          options={(['rerun', 'backToReturner'] as const).map((value) => ({
            value,
            label: t(`flows.rules.resubmitKinds.${value}`),
          }))}
        />
      </Form.Item>

      <Divider titlePlacement="start" plain>
        {t('flows.rules.timeout')}
      </Divider>
      <Form.Item label={t('flows.rules.timeoutOn')}>
        <Switch
          checked={Boolean(timeout)}
          onChange={(on) => setTimeoutRule(on ? {} : null)}
          data-testid="flow-timeout"
        />
      </Form.Item>
      {timeout && (
        <>
          <Form.Item label={t('flows.rules.timeoutAfter')}>
            <InputNumber
              min={1}
              max={24 * 90}
              precision={0}
              suffix={t('flows.rules.hours')}
              value={typeof timeout.after === 'string' ? hoursOf(timeout.after) : undefined}
              onChange={(value) => setTimeoutRule({ after: hours(value ?? 24) })}
            />
          </Form.Item>
          <Form.Item label={t('flows.rules.remind')}>
            <Flex gap={8} align="center" wrap>
              <Switch
                checked={Boolean(timeout.remind)}
                onChange={(on) => setTimeoutRule({ remind: on ? { every: 'PT4H', max: 3 } : undefined })}
              />
              {timeout.remind && (
                <>
                  <InputNumber
                    min={1}
                    precision={0}
                    prefix={t('flows.rules.every')}
                    suffix={t('flows.rules.hours')}
                    value={hoursOf(timeout.remind.every)}
                    onChange={(value) =>
                      timeout.remind &&
                      setTimeoutRule({ remind: { ...timeout.remind, every: hours(value ?? 4) } })
                    }
                  />
                  <InputNumber
                    min={1}
                    max={50}
                    precision={0}
                    suffix={t('flows.rules.times')}
                    value={timeout.remind.max}
                    onChange={(value) =>
                      timeout.remind && setTimeoutRule({ remind: { ...timeout.remind, max: value ?? 1 } })
                    }
                  />
                </>
              )}
            </Flex>
          </Form.Item>
          <Form.Item label={t('flows.rules.timeoutThen')}>
            <Radio.Group
              value={timeout.then}
              // biome-ignore lint/suspicious/noThenProperty: the timeout's "then" field (a string), see above
              onChange={(event) => setTimeoutRule({ then: event.target.value })}
              options={(['none', 'pass', 'reject', 'escalate'] as const).map((value) => ({
                value,
                label: t(`flows.rules.thenKinds.${value}`),
                disabled: mandatory && value === 'pass',
              }))}
            />
          </Form.Item>
        </>
      )}

      <Divider titlePlacement="start" plain>
        {t('flows.rules.other')}
      </Divider>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Checkbox
          checked={node.commentRequired ?? false}
          onChange={(event) => set({ commentRequired: event.target.checked || undefined })}
        >
          {t('flows.rules.commentRequired')}
        </Checkbox>
        <Checkbox
          checked={node.signatureRequired ?? false}
          onChange={(event) => set({ signatureRequired: event.target.checked || undefined })}
        >
          {t('flows.rules.signatureRequired')}
        </Checkbox>
      </Flex>
      <Form.Item label={t('flows.rules.buttons')}>
        <Flex gap={12} wrap>
          {buttons.map((button) => (
            <Checkbox
              key={button}
              // Engine default: every button on except un-approve (withdraw), which is opt-in.
              checked={node.buttons?.[button] ?? button !== 'withdraw'}
              onChange={(event) => set({ buttons: { ...node.buttons, [button]: event.target.checked } })}
            >
              {t(`flows.rules.button.${button}`)}
            </Checkbox>
          ))}
        </Flex>
      </Form.Item>
    </>
  );
}
