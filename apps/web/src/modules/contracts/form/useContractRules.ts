import { contractCreateSchema } from '@concord/contracts';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useZodRules } from '../../../shared/zodRules';
import { percentToBasisPoints } from '../shared/money';

/**
 * The contract form's rules, from the schema the server validates the body with; plus the one rule
 * across two fields (the end not before the start).
 */
export function useContractRules() {
  const { t } = useTranslation();
  const rules = useZodRules(
    contractCreateSchema,
    {
      name: t('contracts.field.name'),
      categoryId: t('contracts.field.category'),
      entityId: t('contracts.field.entity'),
      partnerId: t('contracts.field.partner'),
      departmentId: t('contracts.field.department'),
      ownerId: t('contracts.field.owner'),
      amount: t('contracts.field.amount'),
      taxRate: t('contracts.field.taxRate'),
      currency: t('contracts.field.currency'),
      projectRef: t('contracts.field.projectRef'),
      budgetRef: t('contracts.field.budgetRef'),
      body: t('contracts.field.body'),
    },
    {
      money: ['amount'],
      // The body may leave the entity out (the acting one); the form always shows one.
      required: ['entityId'],
      picked: ['categoryId', 'entityId', 'partnerId', 'departmentId', 'ownerId'],
      toBody: { taxRate: (percent) => percentToBasisPoints(percent as number) },
      // The schema's bounds are basis points (0-10000); the reader types percent.
      invalid: { taxRate: t('contracts.form.taxRateRange') },
    },
  );
  const endAfterStart: Rule = ({ getFieldValue }) => ({
    validator: async (_, end: string | null | undefined) => {
      const start = getFieldValue('startDate') as string | null | undefined;
      // Calendar dates compare as text (YYYY-MM-DD).
      if (end && start && end < start) throw new Error(t('contracts.form.endBeforeStart'));
    },
  });
  return { ...rules, endDate: [...rules.endDate, endAfterStart] };
}

export type ContractRules = ReturnType<typeof useContractRules>;
