import { useState } from 'react';
import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import type { FormDefinition } from '@concord/contracts';
import { App, Button, Card, Col, Flex, Form, Grid, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { FormError } from '../../../shared/FormError';
import { PageContainer } from '../../../shared/PageContainer';
import { useIsPhone } from '../../../shared/useIsPhone';
import { formDataOf, showFormDataErrors, useAvailableForms } from '../../forms';
import { useSubmitForm } from '../api/workflowApi';
import { FormEntry } from '../shared/formsBridge';
import { ApproverSelections, missingSelections, selectableSteps } from './ApproverSelections';
import { blockedSteps } from '../shared/PathSteps';
import { PathPreview } from './PathPreview';
import { usePathPreview } from './usePathPreview';
import { BRAND_PRIMARY } from '../../../app/theme';

/** 发起审批: pick a form, fill it in, see who will approve, submit (which starts the approval). */
export default function NewApprovalPage() {
  const { t } = useTranslation();
  const forms = useAvailableForms();
  const [params, setParams] = useSearchParams();
  const code = params.get('form');
  const picked = forms.data?.find((form) => form.code === code);

  return (
    <PageContainer
      title={picked ? picked.name : t('approvals.new.title')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => (picked ? setParams({}) : history.back())}>
          {t('approvals.new.back')}
        </Button>
      }
    >
      <AsyncContent
        isLoading={forms.isLoading}
        error={forms.error}
        onRetry={() => void forms.refetch()}
        isEmpty={(forms.data ?? []).length === 0}
        empty={<EmptyState description={t('approvals.new.noForms')} />}
      >
        {picked ? (
          <FillForm key={picked.id} form={picked} />
        ) : (
          <FormPicker forms={forms.data ?? []} onPick={(form) => setParams({ form: form.code })} />
        )}
      </AsyncContent>
    </PageContainer>
  );
}

function FormPicker({ forms, onPick }: { forms: FormDefinition[]; onPick: (form: FormDefinition) => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('approvals.new.pickHint')}</Typography.Text>
      <Row gutter={[12, 12]}>
        {forms.map((form) => (
          <Col key={form.id} xs={24} sm={12} lg={8} xl={6}>
            <Card
              size="small"
              hoverable
              onClick={() => onPick(form)}
              data-testid={`form-pick-${form.code}`}
              style={{ height: '100%' }}
            >
              <Card.Meta
                avatar={<FileTextOutlined style={{ fontSize: 24, color: BRAND_PRIMARY }} />}
                title={form.name}
                description={form.description ?? form.code}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}

function FillForm({ form: definition }: { form: FormDefinition }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const wide = Boolean(Grid.useBreakpoint().lg);
  const [form] = Form.useForm<Record<string, unknown>>();
  const submit = useSubmitForm();
  // Every change re-runs the path preview: conditions may read any field.
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const preview = usePathPreview(definition, values);
  // A mandatory step with nobody: the server would refuse, so the button says so first.
  const blocked = blockedSteps(preview.state.result?.path).length > 0;
  const [selections, setSelections] = useState<Record<string, string[]>>({});
  const [triedSubmit, setTriedSubmit] = useState(false);

  const onSubmit = async () => {
    setTriedSubmit(true);
    let data: Record<string, unknown>;
    try {
      data = formDataOf(definition.fields, await form.validateFields());
    } catch {
      return; // antd shows the messages under the inputs
    }
    if (missingSelections(preview.state.result, selections).length > 0) return;
    if (blocked) return;
    const chosen = Object.fromEntries(
      selectableSteps(preview.state.result).map((step) => [step.nodeId, selections[step.nodeId] ?? []]),
    );
    submit.mutate(
      { formId: definition.id, data, selections: Object.keys(chosen).length ? chosen : undefined },
      {
        onSuccess: ({ instanceId }) => {
          message.success(t('approvals.new.submitted'));
          navigate(`/approvals/${instanceId}`, { replace: true });
        },
        onError: (error) => {
          if (!showFormDataErrors(form, definition.fields, error)) message.error(errorMessage(error, t));
        },
      },
    );
  };

  const submitButton = (
    <Button
      type="primary"
      block={isPhone}
      loading={submit.isPending}
      disabled={blocked}
      onClick={onSubmit}
      data-testid="approval-submit"
    >
      {t('approvals.new.submit')}
    </Button>
  );
  const previewCard = (
    <>
      <PathPreview state={preview.state} onRefresh={preview.refresh} />
      <ApproverSelections
        result={preview.state.result}
        value={selections}
        onChange={setSelections}
        showErrors={triedSubmit}
      />
    </>
  );
  if (!wide) {
    // One column: who will approve comes between the form and the submit button, as in DingTalk.
    return (
      <Flex vertical gap={16}>
        <FormError error={submit.error} />
        <FormEntry form={form} fields={definition.fields} />
        {previewCard}
        {submitButton}
      </Flex>
    );
  }
  return (
    <Row gutter={24}>
      <Col span={14}>
        <FormError error={submit.error} />
        <FormEntry form={form} fields={definition.fields} />
        {submitButton}
      </Col>
      <Col span={10}>{previewCard}</Col>
    </Row>
  );
}
