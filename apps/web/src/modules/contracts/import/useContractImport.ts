import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LedgerImport } from '../../../shared/import/importTypes';
import { keys } from '../../../shared/queryKeys';
import { downloadImportTemplate } from '../contractsApi';
import { inspectContractImport, runContractImport } from './transferApi';

/** 导入合同台账 through the kit's import dialog: the contract template, upload and what to refresh. */
export function useContractImport(): LedgerImport {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return {
    label: t('contracts.ledger.import'),
    title: t('contracts.import.title'),
    templateHint: t('contracts.import.templateHint'),
    downloadTemplate: downloadImportTemplate,
    inspect: inspectContractImport,
    run: runContractImport,
    options: [
      {
        key: 'createPartners',
        label: t('contracts.import.createPartners'),
        hint: t('contracts.import.createPartnersHint'),
      },
    ],
    onImported: () => queryClient.invalidateQueries({ queryKey: keys.contracts.all }),
  };
}
