import {
  type Contract,
  type ContractCategory,
  contractCreateSchema,
  currencySchema,
  MAX_AMOUNT,
} from '@concord/contracts';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ParseKeys } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api/ApiError';
import { usePermissions, useSession } from '../../../app/auth/session';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors, zodRule } from '../../../shared/formRules';
import { useIsPhone } from '../../../shared/useIsPhone';
import { DepartmentTreeSelect } from '../../system/components/DepartmentTreeSelect';
import { EntityPicker } from '../../system/components/EntityPicker';
import { formDataOf, FormRenderer } from '../../forms';
import { SubmitModal } from '../actions/SubmitModal';
import { useContractCategories, useSaveContract } from '../contractsApi';
import { CategoryTreeSelect } from '../pickers/CategoryTreeSelect';
import { ColleagueSelect } from '../pickers/ColleagueSelect';
import { PartnerSelect } from '../pickers/PartnerSelect';
import { PlanLineSelect } from '../pickers/PlanLineSelect';
import { AttachmentsEditor } from '../shared/AttachmentsEditor';
import { DirectionTag } from '../shared/labels';
import { yuanTextToFen } from '../shared/money';
import { AmountSummary } from './AmountSummary';
import { PartnerBankSelect } from './PartnerBankSelect';
import { bodyOf, type ContractFormValues, DEFAULT_TAX_PERCENT, valuesOf } from './formValues';

const fields = contractCreateSchema.shape;
const maxYuan = String(MAX_AMOUNT / 100);

/**
 * The contract form: register a new contract or edit a draft. "Save" keeps a draft; "save and
 * submit" saves, then opens the submit dialog (approval path, 发起人自选 approvers).
 */
export function ContractForm({ contract }: { contract?: Contract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const { can } = usePermissions();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<ContractFormValues>();
  const [customForm] = Form.useForm<Record<string, unknown>>();
  const save = useSaveContract();
  const categories = useContractCategories();
  const [submitting, setSubmitting] = useState<Contract | null>(null);
  const editing = Boolean(contract);

  const initialValues = useMemo<Partial<ContractFormValues>>(
    () =>
      contract
        ? valuesOf(contract)
        : {
            entityId: session.actingEntity.id,
            departmentId: session.user.departmentId ?? undefined,
            ownerId: session.user.id,
            taxRate: DEFAULT_TAX_PERCENT,
            currency: 'CNY',
            body: '',
            attachments: [],
          },
    [contract, session],
  );
  // Custom field values: set once per category (the renderer resets when this object changes).
  const customInitial = useMemo(() => contract?.customData ?? {}, [contract]);

  const categoryId = Form.useWatch('categoryId', form);
  const entityId = Form.useWatch('entityId', form) ?? initialValues.entityId;
  const partnerId = Form.useWatch('partnerId', form);
  const category: ContractCategory | undefined = categories.data?.find((c) => c.id === categoryId);

  const required = (label: string): Rule => ({
    required: true,
    message: t('validation.required', { field: label }),
  });
  const requiredSelect = (label: string): Rule => ({
    required: true,
    message: t('validation.requiredSelect', { field: label }),
  });
  const label = (key: ParseKeys) => t(key) as string;

  /** Validates both forms; the body, or null when something is wrong (messages are under the inputs). */
  const collect = async () => {
    try {
      const [values, custom] = await Promise.all([
        form.validateFields(),
        category?.fields.length ? customForm.validateFields() : Promise.resolve({}),
      ]);
      return bodyOf(values, category ? formDataOf(category.fields, custom) : {});
    } catch {
      message.error(t('contracts.form.fixFields'));
      return null;
    }
  };

  const showServerErrors = (error: unknown) => {
    if (!isApiError(error)) return;
    const custom = error.fieldErrors
      .map((fieldError) => ({ ...fieldError, parts: fieldError.path.split(/[./]/).filter(Boolean) }))
      .filter((fieldError) => fieldError.parts.includes('customData'));
    customForm.setFields(
      custom.map((fieldError) => ({
        name: fieldError.parts[fieldError.parts.indexOf('customData') + 1] ?? '',
        errors: [fieldError.message],
      })),
    );
    showFieldErrors(form, error);
  };

  const onSave = async (thenSubmit: boolean) => {
    const body = await collect();
    if (!body) return;
    const request = contract
      ? { id: contract.id, body: { ...body, categoryId: undefined, lockVersion: contract.lockVersion } }
      : { body };
    save.mutate(request, {
      onSuccess: (saved) => {
        if (thenSubmit) {
          setSubmitting(saved);
          return;
        }
        message.success(editing ? t('common.saved') : t('contracts.form.created'));
        navigate(`/contracts/${saved.id}`, { replace: !editing });
      },
      onError: showServerErrors,
    });
  };

  const col = (span: number) => ({ xs: 24, md: span });

  const endAfterStart: Rule = ({ getFieldValue }) => ({
    validator: async (_, end) => {
      const start = getFieldValue('startDate');
      if (end && start && end.isBefore(start, 'day')) throw new Error(t('contracts.form.endBeforeStart'));
    },
  });
  const amountRule: Rule = {
    validator: async (_, value) => {
      if (value === undefined || value === null || value === '') return;
      const fen = yuanTextToFen(value as string);
      if (fen === null || !fields.amount.safeParse(fen).success)
        throw new Error(t('contracts.form.amountInvalid'));
    },
  };

  return (
    <>
      <FormError error={save.error} />
      <Form<ContractFormValues>
        form={form}
        component={false}
        layout="vertical"
        initialValues={initialValues}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          <Card size="small" title={t('contracts.form.sectionBasic')}>
            <Row gutter={16}>
              <Col {...col(24)}>
                <Form.Item
                  name="name"
                  label={t('contracts.field.name')}
                  rules={[
                    required(label('contracts.field.name')),
                    zodRule(fields.name, t('validation.maxLength', { max: 200 })),
                  ]}
                >
                  <Input maxLength={200} data-testid="contract-name" />
                </Form.Item>
              </Col>
              <Col {...col(12)}>
                <Form.Item
                  name="categoryId"
                  label={t('contracts.field.category')}
                  rules={[requiredSelect(label('contracts.field.category'))]}
                  extra={
                    category && (
                      <Flex gap={6} align="center" style={{ marginTop: 4 }} data-testid="contract-direction">
                        {t('contracts.field.direction')}: <DirectionTag direction={category.direction} />
                      </Flex>
                    )
                  }
                >
                  <CategoryTreeSelect
                    disabled={editing}
                    placeholder={t('contracts.form.categoryPlaceholder')}
                    data-testid="contract-category"
                  />
                </Form.Item>
              </Col>
              <Col {...col(12)}>
                <Form.Item
                  name="entityId"
                  label={t('contracts.field.entity')}
                  rules={[requiredSelect(label('contracts.field.entity'))]}
                  extra={editing ? undefined : t('contracts.form.entityHint')}
                >
                  <EntityPicker
                    disabled={editing}
                    onChange={(next) => {
                      form.setFieldsValue({
                        planLineId: null,
                        // Departments belong to an entity: keep the user's own only when it fits.
                        departmentId:
                          next === session.actingEntity.id
                            ? (session.user.departmentId ?? undefined)
                            : undefined,
                      });
                    }}
                    data-testid="contract-entity"
                  />
                </Form.Item>
              </Col>
              <Col {...col(12)}>
                <Form.Item
                  name="partnerId"
                  label={t('contracts.field.partner')}
                  rules={[requiredSelect(label('contracts.field.partner'))]}
                >
                  <PartnerSelect
                    signingEntityId={entityId}
                    currentLabel={contract?.partnerId === partnerId ? contract?.partnerName : undefined}
                    placeholder={t('contracts.form.partnerPlaceholder')}
                    onChange={() => form.setFieldValue('partnerBank', undefined)}
                    data-testid="contract-partner"
                  />
                </Form.Item>
              </Col>
              <Col {...col(12)}>
                <Form.Item name="partnerBank" label={t('contracts.field.partnerBank')}>
                  <PartnerBankSelect
                    partnerId={partnerId}
                    saved={contract?.partnerId === partnerId ? contract?.partnerBank : null}
                    onDefault={(key) => {
                      if (!form.getFieldValue('partnerBank')) form.setFieldValue('partnerBank', key);
                    }}
                    data-testid="contract-partner-bank"
                  />
                </Form.Item>
              </Col>
              <Col {...col(12)}>
                <Form.Item
                  name="departmentId"
                  label={t('contracts.field.department')}
                  rules={[requiredSelect(label('contracts.field.department'))]}
                >
                  {can('org.department.view') ? (
                    <DepartmentTreeSelect entityId={entityId} data-testid="contract-department" />
                  ) : (
                    <Select
                      data-testid="contract-department"
                      options={[
                        ...(session.user.departmentId
                          ? [{ value: session.user.departmentId, label: session.user.departmentName ?? '' }]
                          : []),
                        ...(contract && contract.departmentId !== session.user.departmentId
                          ? [{ value: contract.departmentId, label: contract.departmentName }]
                          : []),
                      ]}
                    />
                  )}
                </Form.Item>
              </Col>
              <Col {...col(12)}>
                <Form.Item
                  name="ownerId"
                  label={t('contracts.field.owner')}
                  rules={[requiredSelect(label('contracts.field.owner'))]}
                >
                  <ColleagueSelect
                    allowClear={false}
                    currentLabel={contract ? contract.ownerName : session.user.displayName}
                    data-testid="contract-owner"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t('contracts.form.sectionAmount')}>
            <Row gutter={16}>
              <Col {...col(8)}>
                <Form.Item
                  name="amount"
                  label={t('contracts.field.amountInclTax')}
                  rules={[required(label('contracts.field.amount')), amountRule]}
                >
                  <InputNumber<string>
                    stringMode
                    min="0"
                    max={maxYuan}
                    precision={2}
                    prefix="¥"
                    style={{ width: '100%' }}
                    data-testid="contract-amount"
                  />
                </Form.Item>
              </Col>
              <Col {...col(8)}>
                <Form.Item
                  name="taxRate"
                  label={t('contracts.field.taxRate')}
                  rules={[required(label('contracts.field.taxRate'))]}
                >
                  <InputNumber<number>
                    min={0}
                    max={100}
                    precision={2}
                    suffix="%"
                    style={{ width: '100%' }}
                    data-testid="contract-tax-rate"
                  />
                </Form.Item>
              </Col>
              <Col {...col(8)}>
                <Form.Item
                  name="currency"
                  label={t('contracts.field.currency')}
                  rules={[requiredSelect(label('contracts.field.currency'))]}
                >
                  <Select
                    data-testid="contract-currency"
                    options={currencySchema.options.map((code) => ({
                      value: code,
                      label: t(`contracts.currency.${code}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  noStyle
                  shouldUpdate={(a, b) =>
                    a.amount !== b.amount || a.taxRate !== b.taxRate || a.currency !== b.currency
                  }
                >
                  {() => (
                    <AmountSummary
                      amount={form.getFieldValue('amount')}
                      taxRate={form.getFieldValue('taxRate')}
                      currency={form.getFieldValue('currency')}
                    />
                  )}
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Card size="small" title={t('contracts.form.sectionTerm')}>
            <Row gutter={16}>
              <Col {...col(8)}>
                <Form.Item name="signDate" label={t('contracts.field.signDate')}>
                  <DatePicker style={{ width: '100%' }} data-testid="contract-sign-date" />
                </Form.Item>
              </Col>
              <Col {...col(8)}>
                <Form.Item name="startDate" label={t('contracts.field.startDate')}>
                  <DatePicker style={{ width: '100%' }} data-testid="contract-start-date" />
                </Form.Item>
              </Col>
              <Col {...col(8)}>
                <Form.Item
                  name="endDate"
                  label={t('contracts.field.endDate')}
                  dependencies={['startDate']}
                  rules={[endAfterStart]}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="contract-end-date" />
                </Form.Item>
              </Col>
              {can('contract.plan.view') && (
                <Col {...col(8)}>
                  <Form.Item name="planLineId" label={t('contracts.field.planLine')}>
                    <PlanLineSelect
                      entityId={entityId}
                      enabled
                      placeholder={t('contracts.form.planLinePlaceholder')}
                      data-testid="contract-plan-line"
                    />
                  </Form.Item>
                </Col>
              )}
              <Col {...col(8)}>
                <Form.Item
                  name="projectRef"
                  label={t('contracts.field.projectRef')}
                  rules={[zodRule(fields.projectRef, t('validation.maxLength', { max: 64 }))]}
                >
                  <Input maxLength={64} data-testid="contract-project-ref" />
                </Form.Item>
              </Col>
              <Col {...col(8)}>
                <Form.Item
                  name="budgetRef"
                  label={t('contracts.field.budgetRef')}
                  rules={[zodRule(fields.budgetRef, t('validation.maxLength', { max: 64 }))]}
                >
                  <Input maxLength={64} data-testid="contract-budget-ref" />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          {category && category.fields.length > 0 && (
            <Card
              size="small"
              title={t('contracts.form.sectionCustom', { category: category.name })}
              data-testid="contract-custom-fields"
            >
              <FormRenderer fields={category.fields} form={customForm} initialValues={customInitial} />
            </Card>
          )}

          <Card size="small" title={t('contracts.form.sectionBody')}>
            <Form.Item
              name="body"
              label={t('contracts.field.body')}
              rules={[zodRule(fields.body, t('validation.maxLength', { max: 100000 }))]}
            >
              <Input.TextArea
                autoSize={{ minRows: 8, maxRows: 30 }}
                maxLength={100000}
                placeholder={t('contracts.form.bodyPlaceholder')}
                style={{ fontFamily: 'inherit' }}
                data-testid="contract-body"
              />
            </Form.Item>
            <Form.Item name="attachments" label={t('contracts.field.attachments')}>
              {/* The signed scan is asked for when signing, not before the approval. */}
              <AttachmentsEditor
                requiredTypes={category?.requiredAttachmentTypes.filter((type) => type !== 'SIGNED_SCAN')}
              />
            </Form.Item>
          </Card>

          <Flex
            gap={8}
            justify="flex-end"
            wrap
            style={
              isPhone
                ? undefined
                : {
                    position: 'sticky',
                    bottom: 0,
                    background: '#fff',
                    padding: '12px 0',
                    borderTop: '1px solid rgba(0,0,0,0.06)',
                    zIndex: 2,
                  }
            }
          >
            <Button
              onClick={() => navigate(contract ? `/contracts/${contract.id}` : '/contracts')}
              block={isPhone}
            >
              {t('common.cancel')}
            </Button>
            <Button
              loading={save.isPending && !submitting}
              onClick={() => void onSave(false)}
              block={isPhone}
              data-testid="contract-save"
            >
              {t('contracts.form.saveDraft')}
            </Button>
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => void onSave(true)}
              block={isPhone}
              data-testid="contract-save-submit"
            >
              {t('contracts.form.saveAndSubmit')}
            </Button>
          </Flex>
        </Flex>
      </Form>
      <SubmitModal
        contract={submitting}
        onClose={() => {
          // The draft is saved either way: show it rather than the form again.
          const saved = submitting;
          setSubmitting(null);
          if (saved) navigate(`/contracts/${saved.id}`, { replace: !editing });
        }}
        onSubmitted={(submitted) => navigate(`/contracts/${submitted.id}`, { replace: !editing })}
      />
    </>
  );
}
