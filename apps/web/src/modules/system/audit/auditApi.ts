import type { AuditEntry, AuditVerifyResult, Page } from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../../app/api/client';
import { systemKeys } from '../queryKeys';

export function useAuditList(query: QueryParams) {
  return useQuery({
    queryKey: systemKeys.auditList(query),
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/audit', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Verifying walks the whole hash chain on the server, so it runs on demand, never on page load. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/audit/verify') });
}
