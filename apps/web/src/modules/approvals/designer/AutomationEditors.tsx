import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormField, WfDelayNode, WfSubprocessNode, WfTriggerNode } from '@concord/contracts';
import { Button, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitions } from '../api/workflowApi';
import { durationParts, toDuration } from './summaries';

/*
 * Drawer editors of the automatic nodes: Delay/延迟 (wait a while, or until a time of day) and
 * Trigger/触发器 (an HTTP call with retries whose JSON response can fill form fields) and
 * Sub-process/子流程 (starts another published flow, optionally waiting for it and mapping fields).
 */

type DelayKind = 'duration' | 'timeOfDay' | 'field';

export function DelayEditor({
  node,
  fields,
  onChange,
}: {
  node: WfDelayNode;
  fields: FormField[];
  onChange: (node: WfDelayNode) => void;
}) {
  const { t } = useTranslation();
  const wait = node.wait;
  const kind: DelayKind = 'duration' in wait ? 'duration' : 'timeOfDay' in wait ? 'timeOfDay' : 'field';
  const kinds: DelayKind[] =
    kind === 'field' ? ['duration', 'timeOfDay', 'field'] : ['duration', 'timeOfDay'];
  const { hours, minutes } = 'duration' in wait ? durationParts(wait.duration) : { hours: 1, minutes: 0 };
  const setWait = (next: WfDelayNode['wait']) => onChange({ ...node, wait: next });
  return (
    <>
      <Form.Item label={t('flows.delay.kind')}>
        <Radio.Group
          value={kind}
          onChange={(event) => {
            const next = event.target.value as DelayKind;
            if (next === 'duration') setWait({ duration: 'PT1H' });
            else if (next === 'timeOfDay') setWait({ timeOfDay: '09:00' });
            else setWait({ field: fields[0]?.key ?? '' });
          }}
          options={kinds.map((value) => ({ value, label: t(`flows.delay.kinds.${value}`) }))}
          data-testid="flow-delay-kind"
        />
      </Form.Item>
      {'duration' in wait && (
        <Form.Item label={t('flows.delay.wait')}>
          <Space>
            <InputNumber
              min={0}
              max={24 * 365}
              precision={0}
              value={hours}
              suffix={t('flows.delay.hours')}
              onChange={(value) => setWait({ duration: toDuration(value ?? 0, minutes) })}
              data-testid="flow-delay-hours"
            />
            <InputNumber
              min={0}
              max={59}
              precision={0}
              value={minutes}
              suffix={t('flows.delay.minutes')}
              onChange={(value) => setWait({ duration: toDuration(hours, value ?? 0) })}
              data-testid="flow-delay-minutes"
            />
          </Space>
        </Form.Item>
      )}
      {'timeOfDay' in wait && (
        <Form.Item label={t('flows.delay.until')} extra={t('flows.delay.untilHint')}>
          <Input
            type="time"
            style={{ width: 160 }}
            value={wait.timeOfDay}
            onChange={(event) => setWait({ timeOfDay: event.target.value.slice(0, 5) })}
            data-testid="flow-delay-time"
          />
        </Form.Item>
      )}
      {'field' in wait && (
        <Form.Item label={t('flows.delay.field')}>
          <Select
            value={wait.field || undefined}
            options={fields.map((field) => ({ value: field.key, label: field.label }))}
            onChange={(field: string) => setWait({ field })}
          />
        </Form.Item>
      )}
    </>
  );
}

interface Row {
  id: number;
  key: string;
  value: string;
}

let rowSeq = 0;
const toRows = (record: Record<string, string> | undefined): Row[] =>
  Object.entries(record ?? {}).map(([key, value]) => ({ id: ++rowSeq, key, value }));
const toRecord = (rows: Row[]): Record<string, string> | undefined => {
  const entries = rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), row.value]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
};

/** Editable key/value rows; rows with an empty key are kept on screen but not stored. */
function KeyValueRows({
  value,
  onChange,
  keyInput,
  keyPlaceholder,
  valuePlaceholder,
  addLabel,
  testId,
}: {
  value: Record<string, string> | undefined;
  onChange: (value: Record<string, string> | undefined) => void;
  keyInput?: (value: string, onChange: (key: string) => void) => React.ReactNode;
  keyPlaceholder: string;
  valuePlaceholder: string;
  addLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => toRows(value));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(toRecord(next));
  };
  const patch = (id: number, change: Partial<Row>) =>
    update(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      {rows.map((row) => (
        <Space.Compact key={row.id} style={{ width: '100%' }}>
          {keyInput ? (
            keyInput(row.key, (key) => patch(row.id, { key }))
          ) : (
            <Input
              style={{ width: '40%' }}
              placeholder={keyPlaceholder}
              value={row.key}
              maxLength={100}
              onChange={(event) => patch(row.id, { key: event.target.value })}
            />
          )}
          <Input
            placeholder={valuePlaceholder}
            value={row.value}
            maxLength={2000}
            onChange={(event) => patch(row.id, { value: event.target.value })}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('flows.trigger.removeRow')}
            onClick={() => update(rows.filter((candidate) => candidate.id !== row.id))}
          />
        </Space.Compact>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => setRows([...rows, { id: ++rowSeq, key: '', value: '' }])}
      >
        {addLabel}
      </Button>
    </Space>
  );
}

const methods: WfTriggerNode['http']['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function TriggerEditor({
  node,
  fields,
  onChange,
}: {
  node: WfTriggerNode;
  fields: FormField[];
  onChange: (node: WfTriggerNode) => void;
}) {
  const { t } = useTranslation();
  const http = node.http;
  const setHttp = (patch: Partial<WfTriggerNode['http']>) =>
    onChange({ ...node, http: { ...http, ...patch } });
  const backoffMinutes = node.retry?.backoff
    ? Math.round(durationParts(node.retry.backoff).hours * 60 + durationParts(node.retry.backoff).minutes)
    : 0;
  const setRetry = (maxAttempts: number, minutes: number) =>
    onChange({
      ...node,
      retry: {
        maxAttempts,
        ...(minutes > 0 ? { backoff: toDuration(Math.floor(minutes / 60), minutes % 60) } : {}),
      },
    });
  const bodyInvalid = Boolean(http.body?.trim()) && !isJson(http.body ?? '');
  return (
    <>
      <Form.Item label={t('flows.trigger.request')} required extra={t('flows.trigger.urlHint')}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            style={{ width: 110 }}
            value={http.method}
            options={methods.map((value) => ({ value, label: value }))}
            onChange={(method) => setHttp({ method })}
            data-testid="flow-trigger-method"
          />
          <Input
            placeholder="https://"
            value={http.url}
            maxLength={2000}
            onChange={(event) => setHttp({ url: event.target.value.trim() })}
            data-testid="flow-trigger-url"
          />
        </Space.Compact>
      </Form.Item>
      <Form.Item label={t('flows.trigger.headers')}>
        <KeyValueRows
          key={`h-${node.id}`}
          value={http.headers}
          onChange={(headers) => setHttp({ headers })}
          keyPlaceholder={t('flows.trigger.headerName')}
          valuePlaceholder={t('flows.trigger.headerValue')}
          addLabel={t('flows.trigger.addHeader')}
          testId="flow-trigger-headers"
        />
      </Form.Item>
      {http.method !== 'GET' && (
        <Form.Item
          label={t('flows.trigger.body')}
          extra={t('flows.trigger.bodyHint')}
          validateStatus={bodyInvalid ? 'warning' : undefined}
          help={bodyInvalid ? t('flows.trigger.bodyInvalid') : undefined}
        >
          <Input.TextArea
            rows={5}
            style={{ fontFamily: 'monospace' }}
            value={http.body ?? ''}
            maxLength={20000}
            onChange={(event) => setHttp({ body: event.target.value || undefined })}
            data-testid="flow-trigger-body"
          />
        </Form.Item>
      )}
      <Form.Item label={t('flows.trigger.responseMap')} extra={t('flows.trigger.responseMapHint')}>
        <KeyValueRows
          key={`m-${node.id}`}
          value={http.responseMap}
          onChange={(responseMap) => setHttp({ responseMap })}
          keyInput={(value, change) => (
            <Select
              style={{ width: '40%' }}
              placeholder={t('flows.trigger.formField')}
              value={value || undefined}
              options={fields.map((field) => ({ value: field.key, label: field.label }))}
              onChange={(key: string) => change(key)}
            />
          )}
          keyPlaceholder={t('flows.trigger.formField')}
          valuePlaceholder={t('flows.trigger.responsePath')}
          addLabel={t('flows.trigger.addMapping')}
          testId="flow-trigger-response-map"
        />
      </Form.Item>
      <Form.Item label={t('flows.trigger.retry')}>
        <Space wrap>
          <InputNumber
            min={1}
            max={10}
            precision={0}
            value={node.retry?.maxAttempts ?? 3}
            suffix={t('flows.trigger.attempts')}
            onChange={(value) => setRetry(value ?? 3, backoffMinutes)}
            data-testid="flow-trigger-attempts"
          />
          <InputNumber
            min={0}
            max={24 * 60}
            precision={0}
            value={backoffMinutes}
            prefix={t('flows.trigger.backoff')}
            suffix={t('flows.delay.minutes')}
            onChange={(value) => setRetry(node.retry?.maxAttempts ?? 3, value ?? 0)}
          />
        </Space>
      </Form.Item>
      <Form.Item label={t('flows.trigger.onFail')}>
        <Radio.Group
          value={node.onFail ?? 'halt'}
          onChange={(event) => onChange({ ...node, onFail: event.target.value })}
          options={(['halt', 'continue'] as const).map((value) => ({
            value,
            label: t(`flows.trigger.onFailKinds.${value}`),
          }))}
          data-testid="flow-trigger-on-fail"
        />
      </Form.Item>
    </>
  );
}

export function SubprocessEditor({
  node,
  fields,
  onChange,
}: {
  node: WfSubprocessNode;
  fields: FormField[];
  onChange: (node: WfSubprocessNode) => void;
}) {
  const { t } = useTranslation();
  const definitions = useDefinitions();
  const fieldSelect = (placeholder: string) => (value: string, change: (key: string) => void) => (
    <Select
      style={{ width: '40%' }}
      placeholder={placeholder}
      value={value || undefined}
      options={fields.map((field) => ({ value: field.key, label: field.label }))}
      onChange={(key: string) => change(key)}
    />
  );
  // Stored as child → parent; shown (like the output map) with this flow's field first.
  const flip = (map: Record<string, string> | undefined) =>
    map
      ? Object.fromEntries(
          Object.entries(map)
            .filter(([, value]) => value.trim() !== '')
            .map(([key, value]) => [value.trim(), key]),
        )
      : undefined;
  return (
    <>
      <Form.Item
        label={t('flows.subprocess.definition')}
        required
        extra={t('flows.subprocess.definitionHint')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={definitions.isLoading}
          placeholder={t('flows.subprocess.definitionPlaceholder')}
          value={node.definitionKey || undefined}
          options={(definitions.data ?? [])
            .filter((definition) => definition.currentVersion !== null)
            .map((definition) => ({
              value: definition.key,
              label: `${definition.name} (${definition.key})`,
            }))}
          onChange={(definitionKey: string) => onChange({ ...node, definitionKey })}
          data-testid="flow-subprocess-definition"
        />
      </Form.Item>
      <Form.Item label={t('flows.subprocess.wait')} extra={t('flows.subprocess.waitHint')}>
        <Switch
          checked={node.wait ?? true}
          onChange={(wait) => onChange({ ...node, wait })}
          data-testid="flow-subprocess-wait"
        />
      </Form.Item>
      <Form.Item label={t('flows.subprocess.inputMap')} extra={t('flows.subprocess.inputMapHint')}>
        <KeyValueRows
          key={`in-${node.id}`}
          value={flip(node.inputMap)}
          onChange={(value) => onChange({ ...node, inputMap: flip(value) })}
          keyInput={fieldSelect(t('flows.subprocess.parentField'))}
          keyPlaceholder={t('flows.subprocess.parentField')}
          valuePlaceholder={t('flows.subprocess.childField')}
          addLabel={t('flows.subprocess.addMapping')}
          testId="flow-subprocess-input-map"
        />
      </Form.Item>
      <Form.Item label={t('flows.subprocess.outputMap')} extra={t('flows.subprocess.outputMapHint')}>
        <KeyValueRows
          key={`out-${node.id}`}
          value={node.outputMap}
          onChange={(outputMap) => onChange({ ...node, outputMap })}
          keyInput={fieldSelect(t('flows.subprocess.parentField'))}
          keyPlaceholder={t('flows.subprocess.parentField')}
          valuePlaceholder={t('flows.subprocess.childField')}
          addLabel={t('flows.subprocess.addMapping')}
          testId="flow-subprocess-output-map"
        />
      </Form.Item>
    </>
  );
}
