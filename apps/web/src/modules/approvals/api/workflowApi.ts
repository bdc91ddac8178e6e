import type {
  DirectoryEntry,
  Page,
  WfActionBody,
  WfDefinition,
  WfDefinitionSummary,
  WfFlow,
  WfInstanceDetail,
  WfListItem,
  WfPendingTask,
  WfProxyRule,
  WfProxyRuleCreate,
  WfStaffingGap,
  wfDefinitionCreateSchema,
  wfDefinitionUpdateSchema,
  wfPreviewBodySchema,
  wfPreviewResultSchema,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBase, type QueryParams } from '../../../app/api/client';
import type { BodyOf } from '../../../shared/contractTypes';

/*
 * Every call of the approval UI to /api/v1/workflow and /api/v1/forms. Types come from the
 * contracts so the web breaks at compile time when the API changes shape.
 */

export type WfTab = 'todo' | 'done' | 'initiated' | 'cc';
export type WfCounts = Record<WfTab, number>;
export type WfCompileError = { code: string; nodeId: string | null; message: string };
export type WfPreviewBody = BodyOf<typeof wfPreviewBodySchema>;
export type WfPreviewResult = (typeof wfPreviewResultSchema)['_zod']['output'];
export type WfDefinitionCreateBody = BodyOf<typeof wfDefinitionCreateSchema>;
export type WfDefinitionUpdateBody = BodyOf<typeof wfDefinitionUpdateSchema>;

export const workflowKeys = {
  all: ['workflow'] as const,
  definitions: ['workflow', 'definitions'] as const,
  definition: (id: string) => ['workflow', 'definitions', id] as const,
  tasks: ['workflow', 'tasks'] as const,
  taskList: (query: QueryParams) => ['workflow', 'tasks', 'list', query] as const,
  counts: ['workflow', 'tasks', 'counts'] as const,
  instance: (id: string) => ['workflow', 'instances', id] as const,
  proxies: ['workflow', 'proxies'] as const,
};

/** Comment attachments: uploaded through the files API (with the CSRF header), downloaded by id. */
export const fileUploadUrl = `${apiBase}/files`;
export const fileContentUrl = (id: string) => `${apiBase}/files/${id}/content`;

// ---------------------------------------------------------------- definitions (designer)
export function useDefinitions() {
  return useQuery({
    queryKey: workflowKeys.definitions,
    queryFn: ({ signal }) =>
      api.get<{ items: WfDefinitionSummary[] }>('/workflow/definitions', undefined, signal),
    select: (data) => data.items,
  });
}

export function useDefinition(id: string) {
  return useQuery({
    queryKey: workflowKeys.definition(id),
    queryFn: ({ signal }) => api.get<WfDefinition>(`/workflow/definitions/${id}`, undefined, signal),
  });
}

export function useCreateDefinition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WfDefinitionCreateBody) => api.post<WfDefinition>('/workflow/definitions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.definitions }),
  });
}

export function useUpdateDefinition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WfDefinitionUpdateBody) =>
      api.patch<WfDefinition>(`/workflow/definitions/${id}`, body),
    onSuccess: (definition) => {
      queryClient.setQueryData(workflowKeys.definition(id), definition);
      return queryClient.invalidateQueries({ queryKey: workflowKeys.definitions, exact: true });
    },
  });
}

export function usePublishDefinition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<WfDefinition>(`/workflow/definitions/${id}/publish`, {}),
    onSuccess: (definition) => {
      queryClient.setQueryData(workflowKeys.definition(id), definition);
      return queryClient.invalidateQueries({ queryKey: workflowKeys.definitions, exact: true });
    },
  });
}

/** Live validation while designing: the server's compiler is the one source of truth for errors. */
/** Compile errors, and staffing warnings for the entity the flow is bound to (null: every entity). */
export function validateFlow(flow: WfFlow, entityId: string | null) {
  return api.post<{ errors: WfCompileError[]; warnings: WfStaffingGap[] }>('/workflow/validate', {
    flow,
    entityId,
  });
}

// ---------------------------------------------------------------- approval centre
export function useTaskList(query: QueryParams) {
  return useQuery({
    queryKey: workflowKeys.taskList(query),
    queryFn: ({ signal }) => api.get<Page<WfListItem>>('/workflow/tasks', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Polled like the notification bell: new tasks arrive from other people's actions. */
export function useTaskCounts() {
  return useQuery({
    queryKey: workflowKeys.counts,
    queryFn: ({ signal }) => api.get<WfCounts>('/workflow/tasks/counts', undefined, signal),
    refetchInterval: 60_000,
  });
}

/** The approval monitor: tasks waiting on someone, in the administrator's scope. */
export function usePendingTasks(query: QueryParams) {
  return useQuery({
    queryKey: [...workflowKeys.tasks, 'monitor', query],
    queryFn: ({ signal }) => api.get<Page<WfPendingTask>>('/workflow/admin/tasks', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** An administrator moves someone's task to another person (a forced transfer, logged as such). */
export function useTransferTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { instanceId: string; taskId: string; toUserId: string; comment?: string }) =>
      api.post<WfInstanceDetail>(`/workflow/instances/${input.instanceId}/actions`, {
        action: 'transfer',
        taskId: input.taskId,
        toUserId: input.toUserId,
        comment: input.comment,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.tasks }),
  });
}

// ---------------------------------------------------------------- instance detail and actions
export function useInstance(id: string) {
  return useQuery({
    queryKey: workflowKeys.instance(id),
    queryFn: ({ signal }) => api.get<WfInstanceDetail>(`/workflow/instances/${id}`, undefined, signal),
  });
}

export function useInstanceAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WfActionBody) => api.post<WfInstanceDetail>(`/workflow/instances/${id}/actions`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(workflowKeys.instance(id), detail);
      // The task moved between tabs (todo → done) and the badge count changed.
      return queryClient.invalidateQueries({ queryKey: workflowKeys.tasks });
    },
  });
}

export function previewPath(body: WfPreviewBody) {
  return api.post<WfPreviewResult>('/workflow/preview', body);
}

// ---------------------------------------------------------------- forms (submitting starts an approval)
export function useSubmitForm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      formId: string;
      data: Record<string, unknown>;
      selections?: Record<string, string[]>;
    }) =>
      api.post<{ instanceId: string }>(`/forms/${input.formId}/submissions`, {
        data: input.data,
        selections: input.selections,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.tasks }),
  });
}

/** Colleagues to pick as approvers, CCs or signers: open to every signed-in user (GET /org/directory). */
export function useDirectorySearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['org', 'directory', q],
    queryFn: ({ signal }) =>
      api.get<{ items: DirectoryEntry[] }>('/org/directory', { q: q || undefined }, signal),
    select: (data) => data.items,
    enabled,
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------- proxy rules (审批代理)
export function useMyProxyRules() {
  return useQuery({
    queryKey: workflowKeys.proxies,
    queryFn: ({ signal }) => api.get<{ items: WfProxyRule[] }>('/workflow/proxies', undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateProxyRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WfProxyRuleCreate) => api.post<WfProxyRule>('/workflow/proxies', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.proxies }),
  });
}

export function useDeleteProxyRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/workflow/proxies/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.proxies }),
  });
}
