import {
  type ContractDirection,
  type ContractPlanLine,
  type Currency,
  contractPlanLineCreateSchema,
  currencySchema,
  PLAN_YEAR_MAX,
  PLAN_YEAR_MIN,
} from '@concord/contracts';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { MoneyInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useZodRules } from '../../../shared/zodRules';
import { DepartmentTreeSelect } from '../../system/components/DepartmentTreeSelect';
import { EntityPicker } from '../../system/components/EntityPicker';
import { CategoryTreeSelect } from '../pickers/CategoryTreeSelect';
import { directionLabel } from '../shared/labels';
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
  /** Minor units of `currency`. */
  plannedAmount?: number | null;
  currency: Currency;
  projectRef?: string;
  note?: string;
}

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
  const currency = Form.useWatch('currency', form) ?? 'CNY';

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
        plannedAmount: line.plannedAmount,
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

  // The entity is optional in the body (the acting one) but the form always shows one; the direction
  // is the server's question only without a category (it takes the category's otherwise).
  const rules = useZodRules(
    contractPlanLineCreateSchema,
    {
      name: t('contractSetup.plans.name'),
      year: t('contractSetup.plans.year'),
      entityId: t('contractSetup.plans.entity'),
      departmentId: t('contractSetup.plans.department'),
      direction: t('contractSetup.plans.direction'),
      plannedAmount: t('contractSetup.plans.plannedAmount'),
      currency: t('contractSetup.plans.currency'),
      projectRef: t('contractSetup.plans.projectRef'),
      note: t('contractSetup.plans.note'),
    },
    {
      money: ['plannedAmount'],
      currency,
      required: categoryId ? ['entityId'] : ['entityId', 'direction'],
      picked: ['entityId', 'departmentId'],
    },
  );

  const onFinish = (values: Values) => {
    const fields = {
      year: values.year,
      departmentId: values.departmentId!,
      categoryId: values.categoryId ?? null,
      // With a category the server takes the category's direction.
      ...(values.categoryId ? {} : { direction: values.direction }),
      name: values.name.trim(),
      plannedAmount: values.plannedAmount ?? 0,
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
        onError: fieldErrorsInto(form),
      },
    );
  };

  const col = { xs: 24, sm: 12 };
  return (
    <FormModal<Values>
      open={Boolean(target)}
      title={editing ? t('contractSetup.plans.editTitle') : t('contractSetup.plans.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="plan-form-ok"
      formTestId="plan-form"
      width={isPhone ? '100%' : 720}
    >
      <Row gutter={16}>
        <Col {...col}>
          <Form.Item name="name" label={t('contractSetup.plans.name')} rules={rules.name}>
            <Input maxLength={200} data-testid="plan-form-name" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="year" label={t('contractSetup.plans.year')} rules={rules.year}>
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
          <Form.Item name="entityId" label={t('contractSetup.plans.entity')} rules={rules.entityId}>
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
            rules={rules.departmentId}
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
            rules={rules.direction}
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
            rules={rules.plannedAmount}
            dependencies={['currency']}
          >
            <MoneyInput currency={currency} testId="plan-form-amount" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="currency" label={t('contractSetup.plans.currency')} rules={rules.currency}>
            <Select
              options={currencySchema.options.map((c) => ({ value: c, label: c }))}
              data-testid="plan-form-currency"
            />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="projectRef" label={t('contractSetup.plans.projectRef')} rules={rules.projectRef}>
            <Input maxLength={64} data-testid="plan-form-project" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="note" label={t('contractSetup.plans.note')} rules={rules.note}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
