import { type Contract, type ContractScheduleItemInput, HOME_CURRENCY } from '@concord/contracts';
import { Alert, Flex, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScheduleEditor } from './ScheduleEditor';
import { useContractSchedule } from './scheduleApi';
import { type DraftItem, draftOf, inputsOf, sumFen } from './scheduleMath';

/**
 * The plan part of a change order (ChangeOrderModal): when the amount changes and the contract has
 * a plan, the proposal must carry the whole new plan summing to the new amount. Returns the editor
 * to show and `proposalPart()`: the items to send, undefined when no plan is needed, or false
 * while the plan is incomplete (the modal then refuses to submit).
 */
export function useChangeSchedule(
  contract: Contract | null,
  newAmount: number | undefined,
  showErrors: boolean,
): { element: ReactNode; proposalPart: () => ContractScheduleItemInput[] | undefined | false } {
  const { t } = useTranslation();
  const { data } = useContractSchedule(contract?.id ?? '', Boolean(contract));
  // Edits belong to the contract they were made on: another contract starts from its current plan.
  const [edited, setEdited] = useState<{ contractId: string; rows: DraftItem[] } | null>(null);
  const contractId = contract?.id;
  const currency = contract?.currency ?? HOME_CURRENCY;
  // The modal closed: the next opening starts from the current plan (state adjusted while rendering).
  if (!contract && edited) setEdited(null);
  const needed = Boolean(
    contractId &&
      data &&
      data.contractId === contractId &&
      data.items.length > 0 &&
      data.settledAmount === null &&
      newAmount !== undefined,
  );
  const rows =
    edited && edited.contractId === contractId
      ? edited.rows
      : needed && data
        ? draftOf(data.items, currency)
        : null;
  const setRows = (next: DraftItem[]) => contractId && setEdited({ contractId, rows: next });

  const target = newAmount ?? 0;
  const element =
    needed && rows ? (
      <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="change-schedule">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('contractSchedule.change.title')}
        </Typography.Title>
        <Alert type="info" showIcon message={t('contractSchedule.change.required')} />
        <ScheduleEditor
          value={rows}
          onChange={setRows}
          target={target}
          currency={currency}
          showErrors={showErrors}
          testId="change-schedule-editor"
        />
      </Flex>
    ) : null;

  const proposalPart = (): ContractScheduleItemInput[] | undefined | false => {
    if (!needed) return undefined;
    const items = rows ? inputsOf(rows, currency) : null;
    if (!rows || !items || sumFen(rows, currency) !== target) return false;
    return items;
  };
  return { element, proposalPart };
}
