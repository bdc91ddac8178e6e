import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format';
import { usePlanLines } from '../contractsApi';

interface PlanLineSelectProps extends Omit<SelectProps<string>, 'options' | 'loading'> {
  entityId: string | undefined;
  /** Without the permission to read plans the select stays empty rather than failing. */
  enabled: boolean;
}

/** The yearly plan lines (合同规划) of the signing entity a contract can be signed against. */
export function PlanLineSelect({ entityId, enabled, ...props }: PlanLineSelectProps) {
  const { t } = useTranslation();
  const { data, isLoading } = usePlanLines(entityId, undefined, enabled);
  const options = (data ?? []).map((line) => ({
    value: line.id,
    label: `${line.year} · ${line.name}`,
    title: `${line.departmentName} · ${formatMoney(line.plannedAmount, line.currency)}`,
  }));
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      notFoundContent={enabled ? undefined : t('contracts.form.noPlanAccess')}
      {...props}
      options={options}
      loading={isLoading && enabled}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{option.data.title}</div>
        </div>
      )}
    />
  );
}
