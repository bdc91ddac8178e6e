import { type Currency, minorDigits, type WfDefinition, type WfSettings } from '@concord/contracts';
import { Drawer, Flex, Form, Input, InputNumber, Radio, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone';
import { CurrencySelect } from './CurrencySelect';
import { minorToShown, shownToMinor } from './currencyAmounts';
import { EntityPicker } from '../../system/components/EntityPicker';

/**
 * The definition's binding (what documents use it) as edited in the designer; amounts in minor units
 * of `amountCurrency` (a document in another currency never matches the range).
 */
export interface DefinitionMeta {
  name: string;
  entityId: string | null;
  minAmount: number | null;
  maxAmount: number | null;
  amountCurrency: Currency;
  priority: number;
  active: boolean;
}

export function metaOf(definition: WfDefinition): DefinitionMeta {
  return {
    name: definition.name,
    entityId: definition.entityId,
    minAmount: definition.minAmount,
    maxAmount: definition.maxAmount,
    amountCurrency: definition.amountCurrency,
    priority: definition.priority,
    active: definition.active,
  };
}

interface Props {
  open: boolean;
  onClose: () => void;
  readOnly: boolean;
  businessType: string;
  meta: DefinitionMeta;
  onMeta: (meta: DefinitionMeta) => void;
  settings: WfSettings;
  onSettings: (settings: WfSettings) => void;
}

export function DefinitionSettingsDrawer({
  open,
  onClose,
  readOnly,
  businessType,
  meta,
  onMeta,
  settings,
  onSettings,
}: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const setMeta = (patch: Partial<DefinitionMeta>) => onMeta({ ...meta, ...patch });
  const setSettings = (patch: Partial<WfSettings>) => onSettings({ ...settings, ...patch });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={isPhone ? '100%' : 480}
      title={t('flows.settings.title')}
      data-testid="flow-settings-drawer"
    >
      <Form layout="vertical" disabled={readOnly} component="div">
        <Form.Item label={t('flows.settings.name')} required>
          <Input
            value={meta.name}
            maxLength={100}
            onChange={(event) => setMeta({ name: event.target.value })}
            data-testid="flow-settings-name"
          />
        </Form.Item>
        <Form.Item label={t('flows.settings.businessType')} extra={t('flows.settings.businessTypeHint')}>
          <Input value={businessType} disabled />
        </Form.Item>
        <Form.Item label={t('flows.settings.entity')} extra={t('flows.settings.entityHint')}>
          <EntityPicker
            allowClear
            value={meta.entityId ?? undefined}
            onChange={(entityId?: string) => setMeta({ entityId: entityId ?? null })}
          />
        </Form.Item>
        <Form.Item label={t('flows.settings.amountRange')} extra={t('flows.settings.amountHint')}>
          <Flex gap={8} align="center">
            <CurrencySelect
              value={meta.amountCurrency}
              onChange={(amountCurrency) => amountCurrency && setMeta({ amountCurrency })}
              testId="flow-settings-currency"
            />
            <InputNumber
              style={{ flex: 1 }}
              min={0}
              precision={minorDigits(meta.amountCurrency)}
              value={minorToShown(meta.minAmount, meta.amountCurrency)}
              onChange={(value) => setMeta({ minAmount: shownToMinor(value, meta.amountCurrency) })}
            />
            ~
            <InputNumber
              style={{ flex: 1 }}
              min={0}
              precision={minorDigits(meta.amountCurrency)}
              value={minorToShown(meta.maxAmount, meta.amountCurrency)}
              onChange={(value) => setMeta({ maxAmount: shownToMinor(value, meta.amountCurrency) })}
            />
          </Flex>
        </Form.Item>
        <Form.Item label={t('flows.settings.priority')} extra={t('flows.settings.priorityHint')}>
          <InputNumber
            min={0}
            max={1000}
            precision={0}
            value={meta.priority}
            onChange={(priority) => setMeta({ priority: priority ?? 0 })}
          />
        </Form.Item>
        <Form.Item label={t('flows.settings.active')}>
          <Switch checked={meta.active} onChange={(active) => setMeta({ active })} />
        </Form.Item>
        <Form.Item label={t('flows.settings.dedupe')}>
          <Radio.Group
            value={settings.dedupe}
            onChange={(event) => setSettings({ dedupe: event.target.value })}
            options={(['none', 'all', 'consecutive'] as const).map((value) => ({
              value,
              label: t(`flows.settings.dedupeKinds.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item label={t('flows.settings.withdraw')}>
          <Radio.Group
            value={settings.initiatorWithdraw}
            onChange={(event) => setSettings({ initiatorWithdraw: event.target.value })}
            options={(['never', 'beforeFirstAction', 'always'] as const).map((value) => ({
              value,
              label: t(`flows.settings.withdrawKinds.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('flows.settings.approverWithdraw')}
          extra={t('flows.settings.approverWithdrawHint')}
        >
          <Switch
            checked={settings.approverWithdraw ?? false}
            onChange={(approverWithdraw) => setSettings({ approverWithdraw })}
          />
        </Form.Item>
        <Form.Item label={t('flows.settings.allowRevoke')}>
          <Switch
            checked={settings.allowRevoke ?? false}
            onChange={(allowRevoke) => setSettings({ allowRevoke })}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
