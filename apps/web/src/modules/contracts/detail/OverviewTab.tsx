import type { Contract } from '@concord/contracts';
import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { FormView } from '../../forms';
import { useContractCategories } from '../contractsApi';
import { bankText } from '../shared/fieldValues';
import { ContractStatusTag, DirectionTag } from '../shared/labels';

/** 概览: every field of the contract, amounts with tax and signed/current side by side. */
export function OverviewTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const categories = useContractCategories();
  const fields = categories.data?.find((category) => category.id === contract.categoryId)?.fields ?? [];
  const money = (value: number | null) =>
    value === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      formatMoney(value, contract.currency)
    );
  const text = (value: string | null) => value || <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        size="small"
        column={isPhone ? 1 : 2}
        styles={{ label: { width: isPhone ? 104 : 150 } }}
        data-testid="contract-overview"
        items={[
          { key: 'number', label: t('contracts.field.number'), children: text(contract.number) },
          { key: 'name', label: t('contracts.field.name'), children: contract.name },
          { key: 'category', label: t('contracts.field.category'), children: contract.categoryName },
          {
            key: 'direction',
            label: t('contracts.field.direction'),
            children: <DirectionTag direction={contract.direction} />,
          },
          {
            key: 'status',
            label: t('contracts.field.status'),
            children: <ContractStatusTag status={contract.status} />,
          },
          { key: 'version', label: t('contracts.field.version'), children: contract.version || '—' },
          { key: 'partner', label: t('contracts.field.partner'), children: contract.partnerName },
          {
            key: 'creditCode',
            label: t('contracts.field.partnerCreditCode'),
            children: text(contract.partnerCreditCode),
          },
          {
            key: 'bank',
            label: t('contracts.field.partnerBank'),
            children: text(bankText(contract.partnerBank)),
            span: isPhone ? 1 : 2,
          },
          { key: 'entity', label: t('contracts.field.entity'), children: contract.entityName },
          { key: 'department', label: t('contracts.field.department'), children: contract.departmentName },
          { key: 'owner', label: t('contracts.field.owner'), children: contract.ownerName },
          {
            key: 'currency',
            label: t('contracts.field.currency'),
            children: t(`contracts.currency.${contract.currency}`),
          },
          {
            key: 'amount',
            label: t('contracts.field.amountInclTax'),
            children: <span data-testid="contract-overview-amount">{money(contract.amount)}</span>,
          },
          {
            key: 'taxRate',
            label: t('contracts.field.taxRate'),
            children: contract.taxExemption
              ? `${formatPercentFromBasisPoints(contract.taxRate)}（${t(`contracts.taxExemption.${contract.taxExemption}`)}）`
              : formatPercentFromBasisPoints(contract.taxRate),
          },
          { key: 'tax', label: t('contracts.field.taxAmount'), children: money(contract.taxAmount) },
          { key: 'excl', label: t('contracts.field.amountExclTax'), children: money(contract.amountExclTax) },
          { key: 'signed', label: t('contracts.field.signedAmount'), children: money(contract.signedAmount) },
          {
            key: 'current',
            label: t('contracts.field.currentAmount'),
            children: <span data-testid="contract-overview-current">{money(contract.currentAmount)}</span>,
          },
          { key: 'signDate', label: t('contracts.field.signDate'), children: text(contract.signDate) },
          { key: 'startDate', label: t('contracts.field.startDate'), children: text(contract.startDate) },
          { key: 'endDate', label: t('contracts.field.endDate'), children: text(contract.endDate) },
          { key: 'projectRef', label: t('contracts.field.projectRef'), children: text(contract.projectRef) },
          { key: 'budgetRef', label: t('contracts.field.budgetRef'), children: text(contract.budgetRef) },
          {
            key: 'createdAt',
            label: t('contracts.field.createdAt'),
            children: formatDateTime(contract.createdAt),
          },
          {
            key: 'updatedAt',
            label: t('contracts.field.updatedAt'),
            children: formatDateTime(contract.updatedAt),
          },
        ]}
      />
      {fields.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('contracts.detail.customFields')}</Typography.Title>
          <FormView fields={fields} data={contract.customData} />
        </div>
      )}
    </Flex>
  );
}
