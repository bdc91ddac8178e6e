import type { Partner } from '@concord/contracts';
import { Select, type SelectProps, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartnerDetail, usePartnerSearch } from '../contractsApi';

interface PartnerSelectProps
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'onChange'> {
  onChange?: (id: string | undefined, partner?: Partner) => void;
  /**
   * When set (the contract form), partners a new contract of this signing entity cannot use are
   * shown disabled with the reason: blacklisted ones, and other entities' partners not shared.
   */
  signingEntityId?: string;
  /** The label of the current value when it may not be among the search results. */
  currentLabel?: string;
}

const searchDelayMs = 300;

/** Counterparty search over the partner library (`GET /partners?q=`): partners are too many to load up front. */
export function PartnerSelect({
  value,
  onChange,
  signingEntityId,
  currentLabel,
  ...props
}: PartnerSelectProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  const { data, isFetching } = usePartnerSearch(q, opened);
  // A value from the URL or a saved contract: fetch its name once if the caller does not know it.
  const known = usePartnerDetail(
    value && !currentLabel && !data?.some((p) => p.id === value) ? value : undefined,
  );

  const options = useMemo(() => {
    const blockedReason = (partner: Partner): string | null => {
      if (!signingEntityId) return null;
      if (partner.blacklisted) return t('contracts.partner.blacklisted');
      if (partner.entityId !== signingEntityId && !partner.sharedWithGroup)
        return t('contracts.partner.notShared');
      return null;
    };
    const found = (data ?? []).map((partner) => {
      const reason = blockedReason(partner);
      return {
        value: partner.id,
        label: partner.name,
        disabled: Boolean(reason),
        partner,
        title: reason ?? partner.name,
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
    });
    const label = currentLabel ?? known.data?.name;
    if (value && !found.some((option) => option.value === value)) {
      found.unshift({
        value,
        label: label ?? value.slice(0, 8),
        disabled: false,
        partner: undefined as unknown as Partner,
        title: label ?? value,
        display: <span>{label ?? value.slice(0, 8)}</span>,
      });
    }
    return found;
  }, [data, value, currentLabel, known.data, signingEntityId, t]);

  return (
    <Select<string>
      allowClear
      {...props}
      value={value}
      showSearch={{ filterOption: false, onSearch: setInput }}
      onOpenChange={(open) => open && setOpened(true)}
      options={options}
      optionRender={(option) => option.data.display}
      loading={isFetching}
      popupMatchSelectWidth={false}
      onChange={(id) => {
        const option = options.find((o) => o.value === id);
        onChange?.(id ?? undefined, option?.partner);
      }}
    />
  );
}
