import { HOME_CURRENCY } from '@concord/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Currency,
  type FormField,
  minorDigits,
  type WfCond,
  type WfCondOp,
  type WfCondValue,
} from '@concord/contracts';
import { AutoComplete, Button, Card, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UsersSelect } from '../shared/UsersSelect';
import { CurrencySelect } from './CurrencySelect';
import { minorToShown, restated, shownToMinor } from './currencyAmounts';

/*
 * Conditions as the admin sees them (DingTalk's 条件组): groups joined by OR, rows inside a group
 * joined by AND. Stored as {any:[{all:[...]}, ...]}; simpler shapes are read the same way.
 */
type Leaf = Exclude<WfCond, { all: WfCond[] } | { any: WfCond[] }>;
type Groups = Leaf[][];

const initiatorField = '@initiator';

function leaves(cond: WfCond): Leaf[] {
  if ('all' in cond) return cond.all.flatMap(leaves);
  if ('any' in cond) return cond.any.flatMap(leaves);
  return [cond];
}

export function toGroups(when: WfCond | undefined): Groups {
  if (!when) return [];
  if ('any' in when) return when.any.map(leaves);
  return [leaves(when)];
}

export function fromGroups(groups: Groups): WfCond | undefined {
  const kept = groups.filter((group) => group.length > 0);
  if (kept.length === 0) return undefined;
  const group = (rows: Leaf[]): WfCond => (rows.length === 1 ? rows[0] : { all: rows });
  return kept.length === 1 ? group(kept[0]) : { any: kept.map(group) };
}

const numericOps: WfCondOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'empty'];
const choiceOps: WfCondOp[] = ['eq', 'ne', 'in', 'notIn', 'empty'];
const textOps: WfCondOp[] = ['eq', 'ne', 'contains', 'in', 'notIn', 'empty'];

function opsFor(field: FormField | undefined): WfCondOp[] {
  if (field?.type === 'number' || field?.type === 'money') return numericOps;
  if (field?.type === 'select' || field?.type === 'multiSelect') return choiceOps;
  return textOps;
}

/** Operators that compare an amount, so the row states the amount's currency. */
const amountOps: WfCondOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between'];

type FieldLeaf = Extract<Leaf, { field: string }>;

/**
 * The currency a row's amount is stated in: a money field's is CNY unless chosen otherwise (how the
 * engine reads conditions drawn before currencies); a typed key is an amount only if one is chosen.
 */
function rowCurrency(leaf: FieldLeaf, field: FormField | undefined): Currency | undefined {
  if (!amountOps.includes(leaf.op)) return undefined;
  return leaf.currency ?? (field?.type === 'money' ? HOME_CURRENCY : undefined);
}

/** A field row with its value, its operator and the currency an amount bound is stated in. */
function withCurrency(leaf: FieldLeaf, currency: Currency | undefined): FieldLeaf {
  const { currency: _old, ...rest } = leaf;
  return currency ? { ...rest, currency } : rest;
}

interface ValueInputProps {
  field: FormField | undefined;
  op: WfCondOp;
  value: WfCondValue | undefined;
  /** Set for an amount: the value is in this currency's minor units. */
  currency: Currency | undefined;
  onChange: (value: WfCondValue | undefined) => void;
}

/** The value box: numbers (amounts in major units, stored in minor units), option pickers, free text, or a range. */
function ValueInput({ field, op, value, currency, onChange }: ValueInputProps) {
  const { t } = useTranslation();
  if (op === 'empty') return null;
  const money = currency !== undefined;
  const numeric = money || field?.type === 'number' || field?.type === 'money';
  const precision = money ? minorDigits(currency) : undefined;
  const toShown = (raw: unknown) =>
    typeof raw === 'number' ? (money ? minorToShown(raw, currency) : raw) : undefined;
  const toStored = (shown: number | null) =>
    shown === null ? undefined : money ? (shownToMinor(shown, currency) ?? undefined) : shown;
  const options = field?.options?.map((option) => ({ value: option.value, label: option.label }));
  if (op === 'between') {
    const [low, high] = Array.isArray(value) ? value : [];
    return (
      <Flex gap={4} align="center" style={{ flex: 1 }}>
        <InputNumber
          style={{ flex: 1 }}
          value={toShown(low)}
          precision={precision}
          onChange={(v) => onChange([toStored(v) ?? 0, (high as number) ?? 0])}
        />
        ~
        <InputNumber
          style={{ flex: 1 }}
          value={toShown(high)}
          precision={precision}
          onChange={(v) => onChange([(low as number) ?? 0, toStored(v) ?? 0])}
        />
      </Flex>
    );
  }
  if (op === 'in' || op === 'notIn') {
    return (
      <Select
        mode={options ? 'multiple' : 'tags'}
        style={{ flex: 1, minWidth: 140 }}
        value={Array.isArray(value) ? value : []}
        options={options}
        onChange={(next: Array<string | number>) => onChange(next)}
        placeholder={t('flows.cond.values')}
      />
    );
  }
  if (numeric) {
    return (
      <InputNumber
        style={{ flex: 1 }}
        value={toShown(value)}
        precision={precision}
        onChange={(v) => onChange(toStored(v))}
      />
    );
  }
  if (options) {
    return (
      <Select
        style={{ flex: 1, minWidth: 120 }}
        value={value as string}
        options={options}
        onChange={(next: string) => onChange(next)}
      />
    );
  }
  return (
    <Input
      style={{ flex: 1 }}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function Row({
  leaf,
  fields,
  onChange,
  onRemove,
}: {
  leaf: Leaf;
  fields: FormField[];
  onChange: (leaf: Leaf) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const fieldKey = 'initiatorIn' in leaf ? initiatorField : leaf.field;
  const field = fields.find((candidate) => candidate.key === fieldKey);
  const fieldOptions = [
    { value: initiatorField, label: t('flows.cond.initiator') },
    ...fields
      .filter((candidate) => candidate.type !== 'table')
      .map((candidate) => ({ value: candidate.key, label: candidate.label })),
  ];
  const pickField = (key: string) => {
    if (key === initiatorField) return onChange({ initiatorIn: { users: [] } });
    const picked = fields.find((candidate) => candidate.key === key.trim());
    const next: FieldLeaf =
      'field' in leaf ? { ...leaf, field: key.trim() } : { field: key.trim(), op: 'eq', value: '' };
    // A money field's amount is stated in CNY until the admin picks another currency; a known
    // field of another type is no amount. A typed key keeps what the admin chose.
    if (fields.length === 0) return onChange(next);
    onChange(withCurrency(next, picked?.type === 'money' ? (next.currency ?? HOME_CURRENCY) : undefined));
  };
  const currency = 'field' in leaf ? rowCurrency(leaf, field) : undefined;
  // The currency box: always for a money field, on request for a key the designer cannot look up.
  const offersCurrency =
    'field' in leaf && amountOps.includes(leaf.op) && (field?.type === 'money' || fields.length === 0);
  return (
    <Flex gap={6} wrap align="start" data-testid="flow-cond-row">
      {fields.length > 0 ? (
        <Select
          style={{ width: 140 }}
          value={fieldKey || undefined}
          placeholder={t('flows.cond.field')}
          options={fieldOptions}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={pickField}
          data-testid="flow-cond-field"
        />
      ) : (
        // Business types other than forms have fields the designer cannot list: the key is typed.
        <AutoComplete
          style={{ width: 140 }}
          value={fieldKey === initiatorField ? t('flows.cond.initiator') : fieldKey}
          placeholder={t('flows.cond.field')}
          options={fieldOptions}
          onChange={pickField}
          data-testid="flow-cond-field"
        />
      )}
      {'initiatorIn' in leaf ? (
        <UsersSelect
          style={{ flex: 1, minWidth: 160 }}
          value={leaf.initiatorIn.users ?? []}
          placeholder={t('flows.cond.initiatorUsers')}
          onChange={(users) => onChange({ initiatorIn: { ...leaf.initiatorIn, users } })}
        />
      ) : (
        <>
          <Select
            style={{ width: 116 }}
            value={leaf.op}
            options={opsFor(field).map((op) => ({ value: op, label: t(`flows.cond.op.${op}`) }))}
            onChange={(op: WfCondOp) =>
              onChange(
                withCurrency(
                  {
                    field: leaf.field,
                    op,
                    value:
                      op === 'empty'
                        ? undefined
                        : op === 'between' || op === 'in' || op === 'notIn'
                          ? []
                          : '',
                  },
                  amountOps.includes(op) ? leaf.currency : undefined,
                ),
              )
            }
          />
          {offersCurrency && (
            <CurrencySelect
              value={currency}
              allowClear={field?.type !== 'money'}
              onChange={(next) =>
                onChange(withCurrency({ ...leaf, value: restated(leaf.value, currency, next) }, next))
              }
              testId="flow-cond-currency"
            />
          )}
          <ValueInput
            field={field}
            op={leaf.op}
            value={leaf.value}
            currency={currency}
            onChange={(value) => onChange({ ...leaf, value })}
          />
        </>
      )}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        onClick={onRemove}
        aria-label={t('common.delete')}
      />
    </Flex>
  );
}

interface ConditionEditorProps {
  value: WfCond | undefined;
  onChange: (when: WfCond | undefined) => void;
  fields: FormField[];
}

export function ConditionEditor({ value, onChange, fields }: ConditionEditorProps) {
  const { t } = useTranslation();
  const groups = toGroups(value);
  const blank = (): Leaf => {
    const first = fields.find((field) => field.type !== 'table');
    return withCurrency(
      { field: first?.key ?? '', op: 'eq', value: '' },
      first?.type === 'money' ? HOME_CURRENCY : undefined,
    );
  };
  const set = (next: Groups) => onChange(fromGroups(next));
  return (
    <Flex vertical gap={8}>
      {groups.length === 0 && <Typography.Text type="secondary">{t('flows.cond.none')}</Typography.Text>}
      {groups.map((group, groupIndex) => (
        // Condition rows have no identity of their own (the flow stores plain objects): position is it.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Flex key={`g${groupIndex}`} vertical gap={8}>
          {groupIndex > 0 && <Typography.Text strong>{t('flows.cond.or')}</Typography.Text>}
          <Card
            size="small"
            title={t('flows.cond.group', { n: groupIndex + 1 })}
            extra={
              <Button
                type="link"
                size="small"
                danger
                onClick={() => set(groups.filter((_, i) => i !== groupIndex))}
              >
                {t('common.delete')}
              </Button>
            }
          >
            <Flex vertical gap={8}>
              {group.map((leaf, rowIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity, see the groups above
                <Flex key={`r${rowIndex}`} vertical gap={4}>
                  {rowIndex > 0 && <Typography.Text type="secondary">{t('flows.cond.and')}</Typography.Text>}
                  <Row
                    leaf={leaf}
                    fields={fields}
                    onChange={(next) =>
                      set(
                        groups.map((g, gi) =>
                          gi === groupIndex ? g.map((l, ri) => (ri === rowIndex ? next : l)) : g,
                        ),
                      )
                    }
                    onRemove={() =>
                      set(
                        groups.map((g, gi) => (gi === groupIndex ? g.filter((_, ri) => ri !== rowIndex) : g)),
                      )
                    }
                  />
                </Flex>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => set(groups.map((g, gi) => (gi === groupIndex ? [...g, blank()] : g)))}
              >
                {t('flows.cond.addRow')}
              </Button>
            </Flex>
          </Card>
        </Flex>
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => set([...groups, [blank()]])}
        data-testid="flow-cond-add-group"
      >
        {t('flows.cond.addGroup')}
      </Button>
    </Flex>
  );
}
