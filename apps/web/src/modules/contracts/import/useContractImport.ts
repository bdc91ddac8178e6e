import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LedgerImport } from '../../../shared/ImportDialog';
import { keys } from '../../../shared/queryKeys';
import { downloadImportTemplate } from '../contractsApi';
import { importContracts } from './transferApi';

/** 导入合同台账 through the kit's import dialog: the contract template, upload and what to refresh. */
export function useContractImport(): LedgerImport {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return {
    label: t('contracts.ledger.import'),
    title: t('contracts.import.title'),
    templateHint: t('contracts.import.templateHint'),
    downloadTemplate: downloadImportTemplate,
    upload: importContracts,
    onImported: () => queryClient.invalidateQueries({ queryKey: keys.contracts.all }),
  };
}
