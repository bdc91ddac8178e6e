import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { roleAssignmentSchema, type User } from '@concord/contracts';
import { Alert, App, Button, Flex, Form, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { FormModal } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { EntityPicker } from '../components/EntityPicker';
import { useRoles } from '../roles/rolesApi';
import { useSetUserRoles } from './usersApi';

interface Assignment {
  roleId?: string;
  entityId?: string;
}

interface AssignRolesForm {
  assignments: Assignment[];
}

/** Edits a user's (role, legal entity) pairs; the whole list is saved at once (PUT). */
export function AssignRolesModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const [form] = Form.useForm<AssignRolesForm>();
  const roles = useRoles({ enabled: Boolean(user) });
  const save = useSetUserRoles();
  const roleOptions = (roles.data ?? []).map((role) => ({ value: role.id, label: role.name }));

  useEffect(() => {
    if (!user) return;
    save.reset();
    form.resetFields();
    form.setFieldsValue({
      assignments: user.roles.map((role) => ({ roleId: role.roleId, entityId: role.entityId })),
    });
  }, [user, form, save.reset]);

  // One row is one assignment of the body (userSetRolesSchema's items).
  const rules = useZodRules(
    roleAssignmentSchema,
    { roleId: t('users.role'), entityId: t('users.roleEntity') },
    { picked: ['roleId', 'entityId'] },
  );

  const onFinish = ({ assignments }: AssignRolesForm) => {
    if (!user) return;
    const pairs = (assignments ?? []).map((row) => ({ roleId: row.roleId!, entityId: row.entityId! }));
    const unique = new Set(pairs.map((pair) => `${pair.roleId}/${pair.entityId}`));
    if (unique.size !== pairs.length) {
      message.error(t('users.duplicateAssignment'));
      return;
    }
    save.mutate(
      { id: user.id, assignments: pairs },
      {
        onSuccess: () => {
          message.success(t('users.rolesSaved'));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal<AssignRolesForm>
      open={Boolean(user)}
      title={user && t('users.assignRolesTitle', { name: user.displayName })}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error ?? roles.error}
      okTestId="user-roles-ok"
      formTestId="user-roles-form"
      width={640}
      intro={<Typography.Paragraph type="secondary">{t('users.assignRolesHint')}</Typography.Paragraph>}
    >
      <Form.List name="assignments">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.length === 0 && <Alert type="warning" showIcon title={t('users.noAssignments')} />}
            {rows.map((row, index) => (
              <Flex key={row.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[row.name, 'roleId']}
                  rules={rules.roleId}
                  style={{ flex: '1 1 200px', marginBottom: 0 }}
                >
                  <Select
                    placeholder={t('users.role')}
                    aria-label={t('users.role')}
                    options={roleOptions}
                    loading={roles.isLoading}
                    showSearch={{ optionFilterProp: 'label' }}
                    data-testid={`user-roles-role-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'entityId']}
                  rules={rules.entityId}
                  style={{ flex: '1 1 200px', marginBottom: 0 }}
                >
                  <EntityPicker
                    placeholder={t('users.roleEntity')}
                    aria-label={t('users.roleEntity')}
                    data-testid={`user-roles-entity-${index}`}
                  />
                </Form.Item>
                <Button
                  aria-label={t('users.removeAssignment')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(row.name)}
                  data-testid={`user-roles-remove-${index}`}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              // A new row starts in the user's own entity, the usual case.
              onClick={() => add({ entityId: user?.entityId ?? session.actingEntity.id })}
              data-testid="user-roles-add"
            >
              {t('users.addAssignment')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
