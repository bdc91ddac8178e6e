import type { WfBusinessType } from '@concord/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api } from '../../../app/api/client';
import { useAvailableForms } from '../../forms';

/**
 * Business types by their names: what modules approve (合同审批 for contract.sign, from the server)
 * and the ad-hoc forms (each form's name). `labelOf` falls back to the code for a type nobody names.
 */
export function useBusinessTypes() {
  const modules = useQuery({
    queryKey: ['workflow', 'business-types'],
    queryFn: ({ signal }) => api.get<WfBusinessType[]>('/workflow/business-types', undefined, signal),
    staleTime: 10 * 60_000,
  });
  const forms = useAvailableForms();
  const types = useMemo<WfBusinessType[]>(
    () => [
      ...(modules.data ?? []),
      ...(forms.data ?? []).map((form) => ({ type: form.businessType, label: form.name })),
    ],
    [modules.data, forms.data],
  );
  const labelOf = useCallback(
    (type: string) => types.find((known) => known.type === type)?.label ?? type,
    [types],
  );
  return { types, labelOf };
}
