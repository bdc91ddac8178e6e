import {
  type ContractDirection,
  type ContractPlanLine,
  type Currency,
  currencySchema,
  MAX_AMOUNT,
  PLAN_YEAR_MAX,
  PLAN_YEAR_MIN,
} from '@concord/contracts';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ParseKeys } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import { useIsPhone } from '../../../shared/useIsPhone';
import { DepartmentTreeSelect } from '../../system/components/DepartmentTreeSelect';
import { EntityPicker } from '../../system/components/EntityPicker';
import { CategoryTreeSelect } from '../pickers/CategoryTreeSelect';
import { directionLabel } from '../shared/labels';
import { fenToYuanText, yuanTextToFen } from '../shared/money';
import { useSavePlanLine } from './plansApi';
import { currentYear } from './usePlanFilters';

export type PlanLineTarget = { mode: 'create'; entityId?: string } | { mode: 'edit'; line: ContractPlanLine };

interface Values {
  year: number;
  entityId: string;
  departmentId?: string;
  categoryId?: string;
  direction?: ContractDirection;
  name: string;
  plannedAmount?: string;
  currency: Currency;
  projectRef?: string;
  note?: string;
}

const maxYuan = String(MAX_AMOUNT / 100);

/** Create or edit a plan line; the direction follows the category when one is chosen. */
export function PlanLineFormModal({
  target,
  onClose,
}: {
  target: PlanLineTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const save = useSavePlanLine();
  const editing = target?.mode === 'edit' ? target.line : undefined;
  const entityId = Form.useWatch('entityId', form);
  const categoryId = Form.useWatch('categoryId', form);

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { line } = target;
      form.setFieldsValue({
        year: line.year,
        entityId: line.entityId,
        departmentId: line.departmentId,
        categoryId: line.categoryId ?? undefined,
        direction: line.direction,
        name: line.name,
        plannedAmount: fenToYuanText(line.plannedAmount),
        currency: line.currency,
        projectRef: line.projectRef ?? '',
        note: line.note ?? '',
      });
    } else {
      form.setFieldsValue({
        year: currentYear(),
        entityId: target.entityId ?? session.actingEntity.id,
        currency: 'CNY',
        direction: 'EXPENSE',
      });
    }
  }, [target, form, save.reset, session.actingEntity.id]);

  const required = (labelKey: ParseKeys): Rule => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field: t(labelKey) }),
  });
  const amountRule: Rule = {
    validator: async (_rule, value) => {
      if (value === undefined || value === null || value === '') return;
      const fen = yuanTextToFen(value as string);
      if (fen === null || fen < 0 || fen > MAX_AMOUNT)
        throw new Error(t('contractSetup.plans.amountInvalid'));
    },
  };

  const onFinish = (values: Values) => {
    const fields = {
      year: values.year,
      departmentId: values.departmentId!,
      categoryId: values.categoryId ?? null,
      // With a category the server takes the category's direction.
      ...(values.categoryId ? {} : { direction: values.direction }),
      name: values.name.trim(),
      plannedAmount: yuanTextToFen(values.plannedAmount ?? null) ?? 0,
      currency: values.currency,
      projectRef: values.projectRef?.trim() || null,
      note: values.note?.trim() || null,
    };
    save.mutate(
      {
        id: editing?.id,
        body: editing
          ? { ...fields, lockVersion: editing.lockVersion }
          : { ...fields, entityId: values.entityId },
      },
      {
        onSuccess: () => {
          message.success(editing ? t('common.saved') : t('contractSetup.plans.created'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const col = { xs: 24, sm: 12 };
  return (
    <Modal
      open={Boolean(target)}
      title={editing ? t('contractSetup.plans.editTitle') : t('contractSetup.plans.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'plan-form-ok' }}
      width={isPhone ? '100%' : 720}
      forceRender
    >
      <FormError error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="plan-form">
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item
              name="name"
              label={t('contractSetup.plans.name')}
              rules={[required('contractSetup.plans.name')]}
            >
              <Input maxLength={200} data-testid="plan-form-name" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="year" label={t('contractSetup.plans.year')} rules={[{ required: true }]}>
              <InputNumber
                min={PLAN_YEAR_MIN}
                max={PLAN_YEAR_MAX}
                precision={0}
                style={{ width: '100%' }}
                data-testid="plan-form-year"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="entityId"
              label={t('contractSetup.plans.entity')}
              rules={[
                {
                  required: true,
                  message: t('validation.requiredSelect', { field: t('contractSetup.plans.entity') }),
                },
              ]}
            >
              <EntityPicker
                disabled={Boolean(editing)}
                onChange={(value) => form.setFieldsValue({ entityId: value, departmentId: undefined })}
                data-testid="plan-form-entity"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="departmentId"
              label={t('contractSetup.plans.department')}
              rules={[
                {
                  required: true,
                  message: t('validation.requiredSelect', { field: t('contractSetup.plans.department') }),
                },
              ]}
            >
              <DepartmentTreeSelect entityId={entityId} data-testid="plan-form-department" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="categoryId" label={t('contractSetup.plans.category')}>
              <CategoryTreeSelect
                allowClear
                onChange={(id, category) =>
                  form.setFieldsValue({
                    categoryId: id,
                    ...(category ? { direction: category.direction } : {}),
                  })
                }
                data-testid="plan-form-category"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="direction"
              label={t('contractSetup.plans.direction')}
              tooltip={categoryId ? t('contractSetup.plans.directionFromCategory') : undefined}
              rules={[{ required: !categoryId }]}
            >
              <Select
                disabled={Boolean(categoryId)}
                options={(['INCOME', 'EXPENSE'] as const).map((d) => ({
                  value: d,
                  label: directionLabel(t, d),
                }))}
                data-testid="plan-form-direction"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item
              name="plannedAmount"
              label={t('contractSetup.plans.plannedAmount')}
              rules={[required('contractSetup.plans.plannedAmount'), amountRule]}
            >
              <InputNumber<string>
                stringMode
                min="0"
                max={maxYuan}
                precision={2}
                style={{ width: '100%' }}
                data-testid="plan-form-amount"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="currency" label={t('contractSetup.plans.currency')}>
              <Select
                options={currencySchema.options.map((c) => ({ value: c, label: c }))}
                data-testid="plan-form-currency"
              />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="projectRef" label={t('contractSetup.plans.projectRef')}>
              <Input maxLength={64} data-testid="plan-form-project" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('contractSetup.plans.note')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
