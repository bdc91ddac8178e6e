import { ArrowLeftOutlined, FileTextOutlined } from '@ant-design/icons';
import type { WfActionBody, WfInstanceDetail } from '@concord/contracts';
import { App, Button, Card, Col, Descriptions, Flex, Form, Grid, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../app/api/ApiError';
import { AsyncContent } from '../../../shared/AsyncContent';
import { errorMessage } from '../../../shared/errorMessage';
import { formatDateTime } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useInstance, useInstanceAction } from '../api/workflowApi';
import { FormEntry, FormValues } from '../shared/formsBridge';
import { InstanceStatusTag } from '../shared/InstanceStatusTag';
import { PathSteps } from '../shared/PathSteps';
import { ActionModal } from './ActionModal';
import { ApprovalActionBar } from './ApprovalActionBar';
import { ApprovalTimeline } from './ApprovalTimeline';
import { type AvailableAction, actionKinds, availableActions } from './actionKinds';
import { guessField, useFormFieldsFor } from './useFormFieldsFor';

/** One approval: header, form values (some editable), the path, the timeline and the actions allowed now. */
export default function ApprovalDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, isLoading, error, refetch } = useInstance(id);
  return (
    <Flex vertical gap={16}>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => navigate('/approvals')}
        >
          {t('approvals.detail.back')}
        </Button>
      </div>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        {data && <DetailBody detail={data} reload={() => void refetch()} />}
      </AsyncContent>
    </Flex>
  );
}

function DetailBody({ detail, reload }: { detail: WfInstanceDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const wide = Boolean(Grid.useBreakpoint().lg);
  const fields = useFormFieldsFor(detail);
  const act = useInstanceAction(detail.id);
  const [editForm] = Form.useForm<Record<string, unknown>>();
  const [picked, setPicked] = useState<AvailableAction | null>(null);
  const actions = availableActions(detail);

  // Fields the viewer may change now: the server marks them `edit` only for the open task's node
  // (or the initiator of a returned instance), so no extra check is needed here.
  const canEditNow = Boolean(detail.myTask) || detail.actions.includes('resubmit');
  const editableKeys = useMemo(
    () =>
      canEditNow
        ? new Set(
            Object.entries(detail.fieldPerms)
              .filter(([, perm]) => perm === 'edit')
              .map(([key]) => key),
          )
        : new Set<string>(),
    [canEditNow, detail.fieldPerms],
  );
  const editableFields = useMemo(
    () =>
      [...editableKeys].map(
        (key) => fields?.find((field) => field.key === key) ?? guessField(key, detail.formData[key]),
      ),
    [editableKeys, fields, detail.formData],
  );

  /** Only the values the user actually changed go out, so the log's form diff stays meaningful. */
  const formPatch = async (): Promise<Record<string, unknown> | undefined> => {
    if (editableKeys.size === 0) return undefined;
    const values = await editForm.validateFields();
    const changed = Object.entries(values).filter(
      ([key, value]) => JSON.stringify(value ?? null) !== JSON.stringify(detail.formData[key] ?? null),
    );
    return changed.length ? Object.fromEntries(changed) : undefined;
  };

  const submit = async (body: Omit<WfActionBody, 'lockVersion' | 'requestId'>) => {
    let patch: Record<string, unknown> | undefined;
    try {
      patch = actionKinds[body.action].carriesEdits ? await formPatch() : undefined;
    } catch {
      setPicked(null);
      message.error(t('approvals.detail.fixFields'));
      return;
    }
    act.mutate(
      // A fresh request id per attempt: a retried network call is then applied once by the server.
      { ...body, formPatch: patch, lockVersion: detail.lockVersion, requestId: crypto.randomUUID() },
      {
        onSuccess: () => {
          setPicked(null);
          message.success(t('approvals.detail.done', { action: t(`approvals.action.${body.action}`) }));
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            // Someone acted first: show what changed instead of retrying blindly.
            setPicked(null);
            reload();
            message.warning(error.detail);
            return;
          }
          message.error(errorMessage(error, t));
        },
      },
    );
  };

  const formCard = (
    <Card title={t('approvals.detail.form')} size="small">
      <FormValues
        fields={fields}
        data={detail.formData}
        fieldPerms={detail.fieldPerms}
        omit={editableKeys}
        currency={detail.currency}
      />
      {editableFields.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('approvals.detail.editableHint')}</Typography.Text>
          <FormEntry form={editForm} fields={editableFields} initialValues={detail.formData} />
        </div>
      )}
    </Card>
  );
  const timelineCard = (
    <Card title={t('approvals.detail.timeline')} size="small">
      <ApprovalTimeline entries={detail.timeline} />
    </Card>
  );
  const pathCard = (
    <Card title={t('approvals.detail.path')} size="small">
      <PathSteps path={detail.path} />
    </Card>
  );

  const header = (
    <Card variant="borderless" styles={{ body: { padding: isPhone ? 12 : 24 } }}>
      <Flex vertical gap={12}>
        <Flex vertical gap={8} style={{ minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Typography.Title
              level={1}
              style={{ margin: 0, fontSize: 20, lineHeight: 1.4 }}
              data-testid="approval-title"
            >
              {detail.title}
            </Typography.Title>
            <InstanceStatusTag status={detail.status} />
            {detail.documentLink && (
              <Link to={detail.documentLink} data-testid="approval-document-link">
                <FileTextOutlined /> {t('approvals.detail.openDocument')}
              </Link>
            )}
          </Flex>
          <Descriptions
            size="small"
            column={isPhone ? 1 : 3}
            items={[
              {
                key: 'initiator',
                label: t('approvals.detail.initiator'),
                children: [detail.initiator.name, detail.initiator.departmentName]
                  .filter(Boolean)
                  .join(' · '),
              },
              {
                key: 'submittedAt',
                label: t('approvals.list.submittedAt'),
                children: formatDateTime(detail.submittedAt) || '—',
              },
              ...(detail.finishedAt
                ? [
                    {
                      key: 'finishedAt',
                      label: t('approvals.detail.finishedAt'),
                      children: formatDateTime(detail.finishedAt),
                    },
                  ]
                : []),
              ...(detail.myTask
                ? [{ key: 'myTask', label: t('approvals.detail.myTask'), children: detail.myTask.nodeName }]
                : []),
            ]}
          />
        </Flex>
        {/* Below the facts rather than beside them: eight buttons would squeeze the title otherwise. */}
        {!isPhone && <ApprovalActionBar actions={actions} onPick={setPicked} />}
      </Flex>
    </Card>
  );

  return (
    <>
      {header}
      {wide ? (
        <Row gutter={[16, 16]}>
          <Col span={14}>
            <Flex vertical gap={16}>
              {formCard}
              {timelineCard}
            </Flex>
          </Col>
          <Col span={10}>{pathCard}</Col>
        </Row>
      ) : (
        // One column: the path right after the content, so "who is next" is seen before the history.
        <Flex vertical gap={16} style={{ paddingBottom: isPhone && actions.length ? 64 : 0 }}>
          {formCard}
          {pathCard}
          {timelineCard}
        </Flex>
      )}
      {isPhone && <ApprovalActionBar actions={actions} onPick={setPicked} />}
      <ActionModal
        detail={detail}
        action={picked}
        pending={act.isPending}
        onCancel={() => setPicked(null)}
        onSubmit={(body) => void submit(body)}
      />
    </>
  );
}
