import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { attachmentTypeLabel, attachmentTypes } from '../shared/labels';
import { useContractFlowOptions, useNumberingRuleOptions } from './categoriesApi';

/**
 * 规则与流程: the attachments a contract of the category must carry, its numbering rule and approval
 * flow (picked from their lists, or typed by one who may not read them), the expiry reminder.
 */
export function CategoryRulesTab({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const canPickRules = can('numbering.rule.view');
  const canPickFlows = can('workflow.definition.view');
  const rules = useNumberingRuleOptions(open && canPickRules);
  const flows = useContractFlowOptions(open && canPickFlows);
  return (
    <>
      <Form.Item name="requiredAttachmentTypes" label={t('contractSetup.categories.requiredAttachments')}>
        <Select
          mode="multiple"
          allowClear
          options={attachmentTypes.map((type) => ({
            value: type,
            label: attachmentTypeLabel(t, type),
          }))}
          data-testid="category-attachments"
        />
      </Form.Item>
      <Form.Item
        name="numberRuleId"
        label={t('contractSetup.categories.numberRule')}
        rules={
          canPickRules
            ? []
            : [
                {
                  pattern: /^[0-9a-fA-F-]{36}$/,
                  message: t('contractSetup.categories.numberRuleIdInvalid'),
                },
              ]
        }
      >
        {canPickRules ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('contractSetup.categories.numberRuleDefault')}
            loading={rules.isLoading}
            options={(rules.data ?? []).map((rule) => ({
              value: rule.id,
              label: `${rule.name}（${rule.nextNumber}）`,
            }))}
            data-testid="category-number-rule"
          />
        ) : (
          <Input
            allowClear
            placeholder={t('contractSetup.categories.numberRuleId')}
            data-testid="category-number-rule"
          />
        )}
      </Form.Item>
      <Form.Item name="flowKey" label={t('contractSetup.categories.flowKey')}>
        {canPickFlows ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('contractSetup.categories.flowDefault')}
            loading={flows.isLoading}
            options={(flows.data ?? []).map((flow) => ({
              value: flow.key,
              label: `${flow.name}（${flow.key}）`,
            }))}
            data-testid="category-flow"
          />
        ) : (
          <Input
            allowClear
            maxLength={40}
            placeholder={t('contractSetup.categories.flowKeyInput')}
            data-testid="category-flow"
          />
        )}
      </Form.Item>
      <Form.Item
        name="expiryReminderDays"
        label={t('contractSetup.categories.expiryReminderDays')}
        tooltip={t('contractSetup.categories.expiryReminderHint')}
      >
        <InputNumber min={0} max={365} precision={0} style={{ width: 160 }} data-testid="category-reminder" />
      </Form.Item>
    </>
  );
}
