import { type DataScope, dataScopeLabels, dataScopes, type Role, roleCreateSchema } from '@concord/contracts';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { currentLocale } from '../../../app/i18n';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useZodRules } from '../../../shared/zodRules';
import { EntityPicker } from '../components/EntityPicker';
import { useEntityOptions } from '../entities/entitiesApi';
import { PermissionMatrix } from './PermissionMatrix';
import { useSaveRole } from './rolesApi';
import { ScopeDepartmentsSelect } from './ScopeDepartmentsSelect';

export type RoleEditorTarget = { mode: 'create' } | { mode: 'edit'; role: Role };

interface RoleForm {
  code: string;
  name: string;
  description?: string;
  dataScope: DataScope;
  scopeEntityIds: string[];
  scopeDepartmentIds: string[];
  permissions: string[];
}

export function RoleEditorDrawer({
  target,
  onClose,
}: {
  target: RoleEditorTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const isPhone = useIsPhone();
  const locale = currentLocale();
  const [form] = Form.useForm<RoleForm>();
  const save = useSaveRole();
  const editing = target?.mode === 'edit' ? target.role : undefined;
  const dataScope = Form.useWatch('dataScope', form) as DataScope | undefined;
  const scopeEntityIds = (Form.useWatch('scopeEntityIds', form) as string[] | undefined) ?? [];
  const { options: entityOptions } = useEntityOptions(session.entities);
  const scopeEntities = useMemo(
    () =>
      scopeEntityIds.map((id) => ({
        id,
        name: String(entityOptions.find((option) => option.value === id)?.label ?? id),
      })),
    [scopeEntityIds, entityOptions],
  );

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { role } = target;
      form.setFieldsValue({
        code: role.code,
        name: role.name,
        description: role.description ?? undefined,
        dataScope: role.dataScope,
        scopeEntityIds: role.scopeEntityIds,
        scopeDepartmentIds: role.scopeDepartmentIds,
        permissions: role.permissions,
      });
    } else {
      form.setFieldsValue({
        dataScope: 'department',
        scopeEntityIds: [],
        scopeDepartmentIds: [],
        permissions: [],
      });
    }
  }, [target, form, save.reset]);

  const onFinish = (values: RoleForm) => {
    const custom = values.dataScope === 'custom';
    const body = {
      code: values.code.trim(),
      name: values.name.trim(),
      description: values.description?.trim() || null,
      dataScope: values.dataScope,
      // Lists only mean something for a custom scope; send them empty otherwise.
      scopeEntityIds: custom ? (values.scopeEntityIds ?? []) : [],
      scopeDepartmentIds: custom ? (values.scopeDepartmentIds ?? []) : [],
      permissions: values.permissions ?? [],
    };
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: () => {
          message.success(editing ? t('common.saved') : t('roles.created'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const rules = useZodRules(
    roleCreateSchema,
    { code: t('roles.code'), name: t('roles.name'), description: t('roles.description') },
    { invalid: { code: t('validation.code') } },
  );

  return (
    <Drawer
      open={Boolean(target)}
      title={editing ? t('roles.editTitle', { name: editing.name }) : t('roles.createTitle')}
      onClose={onClose}
      size={isPhone ? '100%' : 760}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="role-form-ok"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <FormError error={save.error} />
      <Form<RoleForm> form={form} layout="vertical" onFinish={onFinish} data-testid="role-form">
        <Flex gap={16} wrap>
          <Form.Item name="code" label={t('roles.code')} style={{ flex: '1 1 200px' }} rules={rules.code}>
            <Input maxLength={40} disabled={editing?.builtIn} data-testid="role-form-code" />
          </Form.Item>
          <Form.Item name="name" label={t('roles.name')} style={{ flex: '1 1 200px' }} rules={rules.name}>
            <Input maxLength={100} data-testid="role-form-name" />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('roles.description')} rules={rules.description}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="dataScope" label={t('roles.dataScope')} extra={t('roles.dataScopeHint')}>
          <Select
            options={dataScopes.map((scope) => ({ value: scope, label: dataScopeLabels[scope][locale] }))}
            data-testid="role-form-data-scope"
          />
        </Form.Item>
        {dataScope === 'custom' && (
          <>
            <Form.Item name="scopeEntityIds" label={t('roles.scopeEntities')}>
              <EntityPicker mode="multiple" allowClear />
            </Form.Item>
            <Form.Item name="scopeDepartmentIds" label={t('roles.scopeDepartments')}>
              <ScopeDepartmentsSelect entities={scopeEntities} />
            </Form.Item>
          </>
        )}
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionMatrix />
        </Form.Item>
        <Alert type="info" showIcon title={t('roles.viewAutoAdded')} />
      </Form>
    </Drawer>
  );
}
