import type { FormField, WfAssignee, WfSupervisorOf } from '@concord/contracts';
import { Flex, Form, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { UsersSelect } from '../shared/UsersSelect';
import { RoleCodeSelect } from './RoleCodeSelect';
import { type AssigneeKind, assigneeKind } from './summaries';

const kinds: AssigneeKind[] = [
  'users',
  'role',
  'supervisor',
  'supervisorChain',
  'deptHead',
  'initiatorSelect',
  'initiator',
  'formField',
  'previousApproverSelect',
];

/** The starting value when the admin switches to another kind of approver. */
function initial(kind: AssigneeKind): WfAssignee {
  switch (kind) {
    case 'users':
      return { users: [] };
    case 'role':
      return { role: '' };
    case 'supervisor':
      return { supervisor: { level: 1, of: 'initiator' } };
    case 'supervisorChain':
      return { supervisorChain: { until: 'top' } };
    case 'deptHead':
      return { deptHead: { of: 'initiator' } };
    case 'initiatorSelect':
      return { initiatorSelect: { multiple: false } };
    case 'initiator':
      return { initiator: true };
    case 'formField':
      return { formField: '' };
    default:
      return { previousApproverSelect: true };
  }
}

interface OfPickerProps {
  value: WfSupervisorOf;
  onChange: (of: WfSupervisorOf) => void;
  fields: FormField[];
  fieldType: 'user' | 'department';
}

/** Whose supervisor / department: the initiator's, or the person or department in a form field. */
function OfPicker({ value, onChange, fields, fieldType }: OfPickerProps) {
  const { t } = useTranslation();
  const candidates = fields.filter((field) => field.type === fieldType);
  return (
    <Select
      value={value === 'initiator' ? '' : value.field}
      onChange={(field: string) => onChange(field ? { field } : 'initiator')}
      options={[
        { value: '', label: t('flows.assignee.ofInitiator') },
        ...candidates.map((field) => ({
          value: field.key,
          label: t('flows.assignee.ofField', { field: field.label }),
        })),
      ]}
    />
  );
}

interface AssigneeEditorProps {
  value: WfAssignee;
  onChange: (assignee: WfAssignee) => void;
  fields: FormField[];
  /** CC nodes only offer kinds that make sense without a decision (no "previous approver picks"). */
  forCc?: boolean;
}

export function AssigneeEditor({ value, onChange, fields, forCc }: AssigneeEditorProps) {
  const { t } = useTranslation();
  const kind = assigneeKind(value);
  const offered = kinds.filter((candidate) => !forCc || candidate !== 'previousApproverSelect');
  const userFields = fields.filter((field) => field.type === 'user');
  return (
    <>
      <Form.Item label={t('flows.assignee.kind')}>
        <Select
          value={kind}
          onChange={(next: AssigneeKind) => onChange(initial(next))}
          options={offered.map((candidate) => ({
            value: candidate,
            label: t(`flows.assignee.kinds.${candidate}`),
          }))}
          data-testid="flow-assignee-kind"
        />
      </Form.Item>
      {'users' in value && (
        <Form.Item label={t('flows.assignee.users')} required>
          <UsersSelect
            value={value.users}
            onChange={(users) => onChange({ users: users ?? [] })}
            data-testid="flow-assignee-users"
          />
        </Form.Item>
      )}
      {'role' in value && (
        <Form.Item label={t('flows.assignee.role')} required>
          <RoleCodeSelect value={value.role} onChange={(role) => onChange({ role })} />
        </Form.Item>
      )}
      {'supervisor' in value && (
        <>
          <Form.Item label={t('flows.assignee.level')}>
            <InputNumber
              min={1}
              max={20}
              precision={0}
              value={value.supervisor.level}
              onChange={(level) =>
                onChange({ ...value, supervisor: { ...value.supervisor, level: level ?? 1 } })
              }
            />
          </Form.Item>
          <Form.Item label={t('flows.assignee.of')}>
            <OfPicker
              fields={fields}
              fieldType="user"
              value={value.supervisor.of}
              onChange={(of) => onChange({ ...value, supervisor: { ...value.supervisor, of } })}
            />
          </Form.Item>
          <Form.Item label={t('flows.assignee.fallbackUp')}>
            <Switch
              checked={value.fallbackUp ?? true}
              onChange={(fallbackUp) => onChange({ ...value, fallbackUp })}
            />
          </Form.Item>
        </>
      )}
      {'supervisorChain' in value && (
        <ChainUntil
          value={value.supervisorChain.until}
          onChange={(until) => onChange({ supervisorChain: { until } })}
        />
      )}
      {'deptHead' in value && (
        <Form.Item label={t('flows.assignee.deptOf')}>
          <OfPicker
            fields={fields}
            fieldType="department"
            value={value.deptHead.of}
            onChange={(of) => onChange({ deptHead: { of } })}
          />
        </Form.Item>
      )}
      {'initiatorSelect' in value && (
        <>
          <Form.Item label={t('flows.assignee.multiple')}>
            <Switch
              checked={value.initiatorSelect.multiple}
              onChange={(multiple) => onChange({ initiatorSelect: { ...value.initiatorSelect, multiple } })}
            />
          </Form.Item>
          <Form.Item label={t('flows.assignee.range')} extra={t('flows.assignee.rangeHint')}>
            <UsersSelect
              value={value.initiatorSelect.range ?? []}
              onChange={(range) =>
                onChange({
                  initiatorSelect: { ...value.initiatorSelect, range: range?.length ? range : undefined },
                })
              }
            />
          </Form.Item>
        </>
      )}
      {'formField' in value && (
        <Form.Item label={t('flows.assignee.formField')} required>
          <Select
            value={value.formField || undefined}
            onChange={(formField: string) => onChange({ formField })}
            options={userFields.map((field) => ({ value: field.key, label: field.label }))}
            notFoundContent={t('flows.assignee.noUserFields')}
          />
        </Form.Item>
      )}
    </>
  );
}

type Until = 'top' | { level: number } | { role: string };

function ChainUntil({ value, onChange }: { value: Until; onChange: (until: Until) => void }) {
  const { t } = useTranslation();
  const mode = value === 'top' ? 'top' : 'level' in value ? 'level' : 'role';
  return (
    <Form.Item label={t('flows.assignee.until')}>
      <Flex vertical gap={8}>
        <Radio.Group
          value={mode}
          onChange={(event) => {
            const next = event.target.value as string;
            onChange(next === 'top' ? 'top' : next === 'level' ? { level: 2 } : { role: '' });
          }}
          options={(['top', 'level', 'role'] as const).map((option) => ({
            value: option,
            label: t(`flows.assignee.untilKinds.${option}`),
          }))}
        />
        {value !== 'top' && 'level' in value && (
          <InputNumber
            min={1}
            max={20}
            precision={0}
            value={value.level}
            onChange={(level) => onChange({ level: level ?? 1 })}
          />
        )}
        {value !== 'top' && 'role' in value && (
          <RoleCodeSelect value={value.role} onChange={(role) => onChange({ role })} />
        )}
      </Flex>
    </Form.Item>
  );
}
