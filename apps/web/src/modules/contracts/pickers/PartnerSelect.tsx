import type { Page, Partner } from '@concord/contracts';
import { type SelectProps, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api/client';
import { RemoteSelect } from '../../../shared/FormInputs';
import { keys } from '../../../shared/queryKeys';
import { HiddenPartnerHint } from './HiddenPartnerHint';

interface PartnerSelectProps
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'onChange' | 'loading' | 'mode'> {
  onChange?: (id: string | undefined, partner?: Partner) => void;
  /**
   * When set (the contract form), partners a new contract of this signing entity cannot use are
   * shown disabled with the reason: blacklisted ones, and other entities' partners not shared.
   */
  signingEntityId?: string;
  /** The label of the current value when it may not be among the search results. */
  currentLabel?: string;
}

const pageSize = 30;
const searchPartners = (q: string, signal: AbortSignal, page: number) =>
  api.get<Page<Partner>>('/partners', { q: q || undefined, page, pageSize, sort: 'name' }, signal);
// A value from the URL or a saved contract: its name is read once, under the partner's own key.
const lookup = {
  queryKey: keys.partners.detail,
  fetch: (id: string, signal: AbortSignal) => api.get<Partner>(`/partners/${id}`, undefined, signal),
};

/** Counterparty search over the partner library (`GET /partners?q=`): partners are too many to load up front. */
export function PartnerSelect({ onChange, signingEntityId, currentLabel, ...props }: PartnerSelectProps) {
  const { t } = useTranslation();
  const toOption = useCallback(
    (partner: Partner) => {
      const reason = !signingEntityId
        ? null
        : partner.blacklisted
          ? t('contracts.partner.blacklisted')
          : partner.entityId !== signingEntityId && !partner.sharedWithGroup
            ? t('contracts.partner.notShared')
            : null;
      const whatToDo = (p: Partner) =>
        p.blacklisted ? t('contracts.partner.blacklistedHelp') : t('contracts.partner.notSharedHelp');
      return {
        value: partner.id,
        label: partner.name,
        disabled: Boolean(reason),
        // The tag says why it cannot be used; the title says what to do about it.
        title: reason ? `${reason}：${whatToDo(partner)}` : partner.name,
        item: partner,
        display: (
          <span>
            {partner.name}
            {reason && (
              <Tag color={partner.blacklisted ? 'error' : 'default'} style={{ marginInlineStart: 6 }}>
                {reason}
              </Tag>
            )}
            {partner.creditCode && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                {partner.creditCode}
              </Typography.Text>
            )}
          </span>
        ),
      };
    },
    [signingEntityId, t],
  );
  return (
    <RemoteSelect<Partner>
      {...props}
      queryKey={keys.partners.picker}
      search={searchPartners}
      toOption={toOption}
      currentLabel={currentLabel}
      lookup={lookup}
      notFoundFor={(q) => <HiddenPartnerHint q={q} />}
      onChange={(id, option) => onChange?.(id ?? undefined, Array.isArray(option) ? undefined : option?.item)}
    />
  );
}
