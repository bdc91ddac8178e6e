import { AutoComplete } from 'antd';
import { usePermissions } from '../../../app/auth/session';
import { useRoles } from '../../system/roles/rolesApi';

/**
 * A role code: picked from the roles list when the admin may read it, typed otherwise (flows store
 * the code, not the id, so a flow moves between environments unchanged).
 */
export function RoleCodeSelect({ value, onChange }: { value?: string; onChange: (code: string) => void }) {
  const { can } = usePermissions();
  const roles = useRoles({ enabled: can('iam.role.view') });
  return (
    <AutoComplete
      value={value}
      onChange={(next: string) => onChange(next.trim())}
      options={(roles.data ?? []).map((role) => ({ value: role.code, label: `${role.name} (${role.code})` }))}
      showSearch={{
        filterOption: (input, option) =>
          String(option?.label ?? '')
            .toLowerCase()
            .includes(input.toLowerCase()),
      }}
      style={{ width: '100%' }}
      data-testid="flow-role-code"
    />
  );
}
