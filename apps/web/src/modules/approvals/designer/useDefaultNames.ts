import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefaultNames } from './flowTree';

/** Names given to new nodes, in the admin's language (they can be renamed in the drawer). */
export function useDefaultNames(): DefaultNames & { start: string } {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      start: t('flows.nodeType.start'),
      approval: t('flows.nodeType.approval'),
      handle: t('flows.nodeType.handle'),
      cc: t('flows.nodeType.cc'),
      condition: t('flows.nodeType.condition'),
      parallel: t('flows.nodeType.parallel'),
      delay: t('flows.nodeType.delay'),
      trigger: t('flows.nodeType.trigger'),
      subprocess: t('flows.nodeType.subprocess'),
      branch: (n: number) => t('flows.branchN', { n }),
      defaultBranch: t('flows.summary.defaultBranch'),
    }),
    [t],
  );
}
