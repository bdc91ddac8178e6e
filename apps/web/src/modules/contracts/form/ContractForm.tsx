import type { Contract, ContractCategory } from '@concord/contracts';
import { App, Button, Card, Flex, Form, Input } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../app/api/ApiError';
import { useSession } from '../../../app/auth/session';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import { useIsPhone } from '../../../shared/useIsPhone';
import { formDataOf, FormRenderer } from '../../forms';
import { SubmitModal } from '../actions/SubmitModal';
import { useContractCategories, useSaveContract } from '../contractsApi';
import { AttachmentsEditor } from '../shared/AttachmentsEditor';
import { ContractAmountSection } from './ContractAmountSection';
import { ContractBasicSection } from './ContractBasicSection';
import { ContractTermSection } from './ContractTermSection';
import { bodyOf, type ContractFormValues, DEFAULT_TAX_PERCENT, valuesOf } from './formValues';
import { useContractRules } from './useContractRules';

/**
 * The contract form: register a new contract or edit a draft. "Save" keeps a draft; "save and
 * submit" saves, then opens the submit dialog (approval path, 发起人自选 approvers).
 */
export function ContractForm({ contract }: { contract?: Contract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
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

  const rules = useContractRules();

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
          <ContractBasicSection
            form={form}
            contract={contract}
            category={category}
            entityId={entityId}
            partnerId={partnerId}
            rules={rules}
          />
          <ContractAmountSection form={form} rules={rules} />
          <ContractTermSection entityId={entityId} rules={rules} />

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
            <Form.Item name="body" label={t('contracts.field.body')} rules={rules.body}>
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
          if (saved) {
            // Said, not hidden: the contract was kept as a draft, not submitted.
            message.info(t('contracts.form.savedAsDraft', { name: saved.name }));
            navigate(`/contracts/${saved.id}`, { replace: !editing });
          }
        }}
        onSubmitted={(submitted) => navigate(`/contracts/${submitted.id}`, { replace: !editing })}
      />
    </>
  );
}
