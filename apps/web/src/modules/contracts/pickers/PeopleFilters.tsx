import { usePermissions, useSession } from '../../../app/auth/session';
import { useFilterWidth } from '../../../shared/FilterBar';
import { DepartmentTreeSelect } from '../../system/components/DepartmentTreeSelect';
import { ColleagueSelect } from './ColleagueSelect';
import { PartnerSelect } from './PartnerSelect';
import { useTranslation } from 'react-i18next';

/** The filter values the department, owner and counterparty pickers read and write (URL keys). */
export interface PeopleFilterValues {
  entityId?: string;
  departmentId?: string;
  ownerId?: string;
  /** The owner's name, kept beside the id so the picker shows it before any search. */
  ownerName?: string;
  partnerId?: string;
}

/**
 * Department (within the filtered entity, else the acting one; only for those who may see the
 * organisation), owner and counterparty: the filters the contract ledger and the overdue list share.
 * Test ids are `${testIdPrefix}-department`, `-owner`, `-partner`.
 */
export function PeopleFilters({
  values,
  update,
  testIdPrefix,
}: {
  values: PeopleFilterValues;
  update: (changes: Partial<PeopleFilterValues>) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = usePermissions();
  const width = useFilterWidth();
  return (
    <>
      {can('org.department.view') && (
        <DepartmentTreeSelect
          allowClear
          entityId={values.entityId ?? session.actingEntity.id}
          placeholder={t('contracts.field.department')}
          aria-label={t('contracts.field.department')}
          value={values.departmentId}
          onChange={(departmentId: string | undefined) => update({ departmentId })}
          style={width(180)}
          data-testid={`${testIdPrefix}-department`}
        />
      )}
      <ColleagueSelect
        placeholder={t('contracts.field.owner')}
        aria-label={t('contracts.field.owner')}
        value={values.ownerId}
        currentLabel={values.ownerName}
        onChange={(ownerId, option) => {
          const label = Array.isArray(option) ? undefined : (option?.label as string | undefined);
          update({ ownerId, ownerName: ownerId ? label : undefined });
        }}
        style={width(180)}
        data-testid={`${testIdPrefix}-owner`}
      />
      <PartnerSelect
        placeholder={t('contracts.field.partner')}
        aria-label={t('contracts.field.partner')}
        value={values.partnerId}
        onChange={(partnerId) => update({ partnerId })}
        style={width(220)}
        data-testid={`${testIdPrefix}-partner`}
      />
    </>
  );
}
