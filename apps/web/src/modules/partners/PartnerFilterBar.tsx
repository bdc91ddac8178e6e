import { partnerKinds, partnerRatings, partnerTypes } from '@concord/contracts';
import { Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, useFilterWidth } from '../../shared/FilterBar';
import type { UrlFilterPatch, UrlFilterValues } from '../../shared/useUrlFilters';
import { EntityPicker } from '../system/components/EntityPicker';
import { industryOptions, localeOf, regionOptions } from './labels';
import type { PartnerFilterKey } from './usePartnerFilters';

interface PartnerFilterBarProps {
  values: UrlFilterValues<PartnerFilterKey>;
  update: (patch: UrlFilterPatch<PartnerFilterKey>) => void;
  reset: () => void;
}

export function PartnerFilterBar({ values, update, reset }: PartnerFilterBarProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const width = useFilterWidth();
  // Applied on Enter, so typing does not reload the list at each key.
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);

  return (
    <FilterBar
      onReset={() => {
        setSearch('');
        reset();
      }}
      more={
        <>
          <Select
            allowClear
            placeholder={t('partners.filters.type')}
            aria-label={t('partners.filters.type')}
            value={values.type}
            onChange={(type) => update({ type })}
            options={partnerTypes.map((type) => ({ value: type, label: t(`partners.type.${type}`) }))}
            style={width(160)}
            data-testid="partners-filter-type"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('partners.filters.industry')}
            aria-label={t('partners.filters.industry')}
            value={values.industry}
            onChange={(industry) => update({ industry })}
            options={industryOptions(locale)}
            popupMatchSelectWidth={false}
            style={width(200)}
            data-testid="partners-filter-industry"
          />
          <Select
            allowClear
            placeholder={t('partners.filters.rating')}
            aria-label={t('partners.filters.rating')}
            value={values.rating}
            onChange={(rating) => update({ rating })}
            options={partnerRatings.map((rating) => ({ value: rating, label: rating }))}
            style={width(110)}
            data-testid="partners-filter-rating"
          />
          <EntityPicker
            allowClear
            placeholder={t('partners.filters.entity')}
            aria-label={t('partners.filters.entity')}
            value={values.entityId}
            onChange={(entityId) => update({ entityId })}
            style={width(200)}
            data-testid="partners-filter-entity"
          />
        </>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('partners.searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(q) => update({ q: q.trim() })}
        style={width(260)}
        data-testid="partners-filter-q"
      />
      <Select
        allowClear
        placeholder={t('partners.filters.kind')}
        aria-label={t('partners.filters.kind')}
        value={values.kind}
        onChange={(kind) => update({ kind })}
        options={partnerKinds.map((kind) => ({ value: kind, label: t(`partners.kind.${kind}`) }))}
        style={width(120)}
        data-testid="partners-filter-kind"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('partners.filters.region')}
        aria-label={t('partners.filters.region')}
        value={values.region}
        onChange={(region) => update({ region })}
        options={regionOptions(locale)}
        style={width(150)}
        data-testid="partners-filter-region"
      />
      <Select
        allowClear
        placeholder={t('partners.filters.blacklisted')}
        aria-label={t('partners.filters.blacklisted')}
        value={values.blacklisted}
        onChange={(blacklisted) => update({ blacklisted })}
        options={[
          { value: 'true', label: t('partners.filters.blacklistedOnly') },
          { value: 'false', label: t('partners.filters.blacklistedExcluded') },
        ]}
        style={width(130)}
        data-testid="partners-filter-blacklisted"
      />
    </FilterBar>
  );
}
