import type {
  Page,
  PartnerBankAccount,
  PartnerContact,
  PartnerDetail,
  PartnerExpiringQualification,
  PartnerListItem,
  PartnerQualification,
  partnerBankAccountInputSchema,
  partnerBankAccountUpdateSchema,
  partnerContactInputSchema,
  partnerContactUpdateSchema,
  partnerCreateSchema,
  partnerQualificationInputSchema,
  partnerQualificationUpdateSchema,
  partnerUpdateSchema,
} from '@concord/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBase, type QueryParams } from '../../app/api/client';
import type { BodyOf } from '../../shared/contractTypes';
import { keys } from '../../shared/queryKeys';

export type PartnerCreateBody = BodyOf<typeof partnerCreateSchema>;
export type PartnerUpdateBody = BodyOf<typeof partnerUpdateSchema>;
export type BankAccountBody = BodyOf<typeof partnerBankAccountInputSchema>;
export type BankAccountUpdateBody = BodyOf<typeof partnerBankAccountUpdateSchema>;
export type ContactBody = BodyOf<typeof partnerContactInputSchema>;
export type ContactUpdateBody = BodyOf<typeof partnerContactUpdateSchema>;
export type QualificationBody = BodyOf<typeof partnerQualificationInputSchema>;
export type QualificationUpdateBody = BodyOf<typeof partnerQualificationUpdateSchema>;

export const fileUploadUrl = `${apiBase}/files`;
export const fileContentUrl = (id: string) => `${apiBase}/files/${id}/content`;

export function usePartnerList(query: QueryParams) {
  return useQuery({
    queryKey: keys.partners.list(query),
    queryFn: ({ signal }) => api.get<Page<PartnerListItem>>('/partners', query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Qualifications of the partners I see that end within `days` (the workbench and its full list). */
export function useExpiringQualifications(
  query: { days: number; page: number; pageSize: number },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: keys.partners.expiring(query),
    queryFn: ({ signal }) =>
      api.get<Page<PartnerExpiringQualification>>('/partners/qualifications/expiring', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: string | undefined) {
  return useQuery({
    queryKey: keys.partners.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PartnerDetail>(`/partners/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });
}

function useInvalidatePartners() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.partners.all }),
      queryClient.invalidateQueries({ queryKey: keys.partners.audits }),
    ]);
}

export function useSavePartner() {
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: (input: { id?: string; body: PartnerCreateBody | PartnerUpdateBody }) =>
      input.id
        ? api.patch<PartnerDetail>(`/partners/${input.id}`, input.body)
        : api.post<PartnerDetail>('/partners', input.body),
    onSuccess: invalidate,
  });
}

export function useSetBlacklisted() {
  const invalidate = useInvalidatePartners();
  return useMutation({
    mutationFn: (input: { id: string; blacklisted: boolean; reason: string }) =>
      api.post<PartnerDetail>(`/partners/${input.id}/${input.blacklisted ? 'blacklist' : 'restore'}`, {
        reason: input.reason,
      }),
    onSuccess: invalidate,
  });
}

/** Create, update and delete of one kind of a partner's child records. */
function useChildMutations<T, CreateBody, UpdateBody>(collection: string) {
  const invalidate = useInvalidatePartners();
  const save = useMutation({
    mutationFn: (input: { partnerId: string; id?: string; body: CreateBody | UpdateBody }) =>
      input.id
        ? api.patch<T>(`/partners/${collection}/${input.id}`, input.body)
        : api.post<T>(`/partners/${input.partnerId}/${collection}`, input.body),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete<void>(`/partners/${collection}/${id}`),
    onSuccess: invalidate,
  });
  return { save, remove };
}

export const useBankAccountMutations = () =>
  useChildMutations<PartnerBankAccount, BankAccountBody, BankAccountUpdateBody>('bank-accounts');
export const useContactMutations = () =>
  useChildMutations<PartnerContact, ContactBody, ContactUpdateBody>('contacts');
export const useQualificationMutations = () =>
  useChildMutations<PartnerQualification, QualificationBody, QualificationUpdateBody>('qualifications');
