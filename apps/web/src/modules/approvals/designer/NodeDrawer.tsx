import type { FormField, WfApprovalMode, WfBranch, WfFlow, WfNode } from '@concord/contracts';
import { Alert, Button, Drawer, Form, Input, InputNumber, Radio, Switch, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone';
import { UsersSelect } from '../shared/UsersSelect';
import { ApprovalRulesEditor } from './ApprovalRulesEditor';
import { AssigneeEditor } from './AssigneeEditor';
import { DelayEditor, SubprocessEditor, TriggerEditor } from './AutomationEditors';
import { ConditionEditor } from './ConditionEditor';
import type { Selection } from './designerContext';
import { FieldPermsEditor } from './FieldPermsEditor';
import { findNode } from './flowTree';

interface NodeDrawerProps {
  flow: WfFlow;
  selection: Selection;
  fields: FormField[];
  readOnly: boolean;
  errors: ReadonlyMap<string, string[]>;
  onClose: () => void;
  onChange: (node: WfNode) => void;
}

const modes: WfApprovalMode[] = ['and', 'or', 'seq', 'vote'];

/**
 * Settings of the selected node or branch. Every change is applied to the flow at once (no OK
 * button), so the cards and the live validation follow while the admin edits.
 */
export function NodeDrawer({
  flow,
  selection,
  fields,
  readOnly,
  errors,
  onClose,
  onChange,
}: NodeDrawerProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const node = selection ? findNode(flow, selection.nodeId) : undefined;
  const branch =
    selection?.branchId && node && 'branches' in node
      ? node.branches.find((b) => b.id === selection.branchId)
      : undefined;
  const messages = errors.get(branch?.id ?? node?.id ?? '') ?? [];

  const body = () => {
    if (!node) return null;
    if (branch && 'branches' in node) {
      const setBranch = (patch: Partial<WfBranch>) =>
        onChange({
          ...node,
          branches: node.branches.map((b) => (b.id === branch.id ? { ...b, ...patch } : b)),
        });
      return (
        <>
          <Form.Item label={t('flows.branchName')}>
            <Input
              value={branch.name}
              maxLength={100}
              onChange={(event) => setBranch({ name: event.target.value })}
            />
          </Form.Item>
          {node.type !== 'parallel' && (
            <>
              <Form.Item label={t('flows.branchPriority')} extra={t('flows.branchPriorityHint')}>
                <InputNumber
                  min={0}
                  max={1000}
                  precision={0}
                  value={branch.priority}
                  onChange={(priority) => setBranch({ priority: priority ?? 0 })}
                />
              </Form.Item>
              <Form.Item label={t('flows.defaultBranch')} extra={t('flows.defaultBranchHint')}>
                <Switch
                  checked={!branch.when}
                  // A default branch has no condition; turning it off starts with an empty row to fill in.
                  onChange={(isDefault) =>
                    setBranch({
                      when: isDefault ? undefined : { field: fields[0]?.key ?? '', op: 'eq', value: '' },
                    })
                  }
                  data-testid="flow-branch-default"
                />
              </Form.Item>
              {branch.when && (
                <Form.Item label={t('flows.conditions')}>
                  <ConditionEditor
                    value={branch.when}
                    fields={fields}
                    onChange={(when) => setBranch({ when })}
                  />
                </Form.Item>
              )}
            </>
          )}
        </>
      );
    }
    const name = (
      <Form.Item label={t('flows.nodeName')}>
        <Input
          value={node.name}
          maxLength={100}
          onChange={(event) => onChange({ ...node, name: event.target.value })}
          data-testid="flow-node-name"
        />
      </Form.Item>
    );
    if (node.type === 'start') {
      return (
        <>
          {name}
          <Form.Item label={t('flows.initiators')} extra={t('flows.initiatorsHint')}>
            <UsersSelect
              value={node.initiators?.users ?? []}
              onChange={(users) =>
                onChange({ ...node, initiators: users?.length ? { ...node.initiators, users } : undefined })
              }
            />
          </Form.Item>
          <Typography.Title level={5}>{t('flows.fieldPerms.title')}</Typography.Title>
          <FieldPermsEditor
            fields={fields}
            fallback="edit"
            value={node.fieldPerms}
            onChange={(fieldPerms) => onChange({ ...node, fieldPerms })}
          />
        </>
      );
    }
    if (node.type === 'approval' || node.type === 'handle') {
      const assignee = (
        <>
          {name}
          <AssigneeEditor
            value={node.assignee}
            fields={fields}
            onChange={(value) => onChange({ ...node, assignee: value })}
          />
          <Form.Item
            label={t('flows.modeLabel')}
            extra={t(`flows.modeHint.${node.mode === 'random' ? 'or' : node.mode}`)}
          >
            <Radio.Group
              value={node.mode}
              onChange={(event) => {
                const mode = event.target.value as WfApprovalMode;
                onChange({ ...node, mode, passRatio: mode === 'vote' ? (node.passRatio ?? 60) : undefined });
              }}
              options={modes.map((mode) => ({ value: mode, label: t(`flows.mode.${mode}`) }))}
              data-testid="flow-mode"
            />
          </Form.Item>
          {node.mode === 'vote' && (
            <Form.Item label={t('flows.passRatio')}>
              <InputNumber
                min={1}
                max={100}
                precision={0}
                suffix="%"
                value={node.passRatio}
                onChange={(passRatio) => onChange({ ...node, passRatio: passRatio ?? 60 })}
              />
            </Form.Item>
          )}
        </>
      );
      return (
        <Tabs
          items={[
            { key: 'assignee', label: t('flows.tabs.assignee'), children: assignee },
            {
              key: 'rules',
              label: t('flows.tabs.rules'),
              children: <ApprovalRulesEditor flow={flow} node={node} onChange={onChange} />,
            },
            {
              key: 'fields',
              label: t('flows.tabs.fields'),
              children: (
                <FieldPermsEditor
                  fields={fields}
                  fallback="read"
                  value={node.fieldPerms}
                  onChange={(fieldPerms) => onChange({ ...node, fieldPerms })}
                />
              ),
            },
          ]}
        />
      );
    }
    if (node.type === 'cc') {
      return (
        <>
          {name}
          <AssigneeEditor
            forCc
            value={node.assignee}
            fields={fields}
            onChange={(value) => onChange({ ...node, assignee: value })}
          />
          <Form.Item label={t('flows.cc.whenLabel')}>
            <Radio.Group
              value={node.when ?? 'reach'}
              onChange={(event) => onChange({ ...node, when: event.target.value })}
              options={(['reach', 'end'] as const).map((when) => ({
                value: when,
                label: t(`flows.cc.when.${when}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('flows.cc.initiatorMayAdd')}>
            <Switch
              checked={node.initiatorMayAdd ?? false}
              onChange={(initiatorMayAdd) => onChange({ ...node, initiatorMayAdd })}
            />
          </Form.Item>
        </>
      );
    }
    if (node.type === 'delay') {
      return (
        <>
          {name}
          <DelayEditor node={node} fields={fields} onChange={onChange} />
        </>
      );
    }
    if (node.type === 'trigger') {
      return (
        <>
          {name}
          <TriggerEditor node={node} fields={fields} onChange={onChange} />
        </>
      );
    }
    if (node.type === 'subprocess') {
      return (
        <>
          {name}
          <SubprocessEditor node={node} fields={fields} onChange={onChange} />
        </>
      );
    }
    return name;
  };

  return (
    <Drawer
      open={Boolean(node)}
      onClose={onClose}
      size={isPhone ? '100%' : 560}
      title={branch ? branch.name : node?.name}
      data-testid="flow-node-drawer"
      extra={<Button onClick={onClose}>{t('flows.done')}</Button>}
    >
      {messages.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={messages.join('；')} />
      )}
      <Form layout="vertical" disabled={readOnly} component="div">
        {body()}
      </Form>
    </Drawer>
  );
}
