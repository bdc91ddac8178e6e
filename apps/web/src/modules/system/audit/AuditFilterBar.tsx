import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import type { UrlFilterPatch, UrlFilterValues } from '../../../shared/useUrlFilters';
import { UserPicker } from '../components/UserPicker';
import type { AuditFilterKey } from './useAuditFilters';

interface AuditFilterBarProps {
  values: UrlFilterValues<AuditFilterKey>;
  update: (patch: UrlFilterPatch<AuditFilterKey>) => void;
  reset: () => void;
}

/** A text filter applied on Enter or when leaving the field, so typing does not reload the list. */
function TextFilter(props: {
  value?: string;
  placeholder: string;
  onApply: (value: string) => void;
  testId: string;
}) {
  const width = useFilterWidth();
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  const apply = () => {
    if (text.trim() !== (props.value ?? '')) props.onApply(text.trim());
  };
  return (
    <Input
      allowClear
      value={text}
      placeholder={props.placeholder}
      onChange={(event) => {
        setText(event.target.value);
        // The clear icon should apply at once, like the other filters.
        if (event.type === 'click') props.onApply('');
      }}
      onPressEnter={apply}
      onBlur={apply}
      maxLength={60}
      style={width(160)}
      data-testid={props.testId}
    />
  );
}

export function AuditFilterBar({ values, update, reset }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    values.from && values.to ? [dayjs(values.from), dayjs(values.to)] : null;

  return (
    <FilterBar
      onReset={reset}
      more={
        <TextFilter
          value={values.entityId}
          placeholder={t('audit.entityId')}
          onApply={(entityId) => update({ entityId })}
          testId="audit-filter-entity-id"
        />
      }
    >
      {/* Picking an actor searches users, which needs the users permission. */}
      {can('org.user.view') && (
        <UserPicker
          placeholder={t('audit.actor')}
          aria-label={t('audit.actor')}
          value={values.actorId}
          onChange={(actorId) => update({ actorId })}
          style={width(200)}
          data-testid="audit-filter-actor"
        />
      )}
      <TextFilter
        value={values.entityType}
        placeholder={t('audit.entityType')}
        onApply={(entityType) => update({ entityType })}
        testId="audit-filter-entity-type"
      />
      <TextFilter
        value={values.action}
        placeholder={t('audit.action')}
        onApply={(action) => update({ action })}
        testId="audit-filter-action"
      />
      <DatePicker.RangePicker
        value={range}
        onChange={(dates) =>
          update({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') })
        }
        aria-label={t('audit.dateRange')}
        style={width(260)}
        data-testid="audit-filter-dates"
      />
    </FilterBar>
  );
}
