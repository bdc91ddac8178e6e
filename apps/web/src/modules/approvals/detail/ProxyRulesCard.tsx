import { DeleteOutlined } from '@ant-design/icons';
import { wfProxyRuleCreateSchema } from '@concord/contracts';
import { App, Button, Card, DatePicker, Flex, Form, Popconfirm, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { FormError } from '../../../shared/FormError';
import { useZodRules } from '../../../shared/zodRules';
import { useCreateProxyRule, useDeleteProxyRule, useMyProxyRules } from '../api/workflowApi';
import { DirectoryPicker } from '../shared/DirectoryPicker';

interface ProxyForm {
  proxyId?: string;
  period?: [Dayjs, Dayjs];
}

/** My proxy rules (审批代理): who takes my approvals while I am away, and when. */
export function ProxyRulesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProxyForm>();
  const rules = useMyProxyRules();
  const create = useCreateProxyRule();
  const remove = useDeleteProxyRule();
  const now = new Date().toISOString();
  // One range picker gives the body's start and end: the period is checked as the start it sends.
  const fieldRules = useZodRules(
    wfProxyRuleCreateSchema,
    { proxyId: t('approvals.proxy.proxy'), startAt: t('approvals.proxy.period') },
    {
      picked: ['proxyId', 'startAt'],
      toBody: { startAt: (period) => (period as [Dayjs, Dayjs])[0].toISOString() },
    },
  );

  const onFinish = (values: ProxyForm) => {
    if (!values.proxyId || !values.period) return;
    create.mutate(
      {
        proxyId: values.proxyId,
        startAt: values.period[0].toISOString(),
        endAt: values.period[1].toISOString(),
      },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t('approvals.proxy.created'));
        },
      },
    );
  };

  return (
    <Card
      title={t('approvals.proxy.title')}
      style={{ marginTop: 24, maxWidth: 720 }}
      data-testid="proxy-rules"
    >
      <Typography.Paragraph type="secondary">{t('approvals.proxy.hint')}</Typography.Paragraph>
      <Form<ProxyForm>
        form={form}
        layout="inline"
        onFinish={onFinish}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="proxyId" rules={fieldRules.proxyId}>
          <DirectoryPicker
            placeholder={t('approvals.proxy.proxy')}
            aria-label={t('approvals.proxy.proxy')}
            style={{ minWidth: 200 }}
            data-testid="proxy-user"
          />
        </Form.Item>
        <Form.Item name="period" rules={fieldRules.startAt}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            data-testid="proxy-period"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="proxy-add">
          {t('approvals.proxy.add')}
        </Button>
      </Form>
      <FormError error={create.error ?? remove.error} />
      <Table
        size="small"
        rowKey="id"
        loading={rules.isLoading}
        dataSource={rules.data ?? []}
        pagination={false}
        locale={{ emptyText: t('approvals.proxy.empty') }}
        columns={[
          { key: 'proxy', title: t('approvals.proxy.proxy'), dataIndex: 'proxyName' },
          {
            key: 'period',
            title: t('approvals.proxy.period'),
            render: (_, rule) => (
              <Flex gap={8} wrap align="center">
                <span>
                  {formatDateTime(rule.startAt)} – {formatDateTime(rule.endAt)}
                </span>
                {rule.endAt <= now ? (
                  <Tag>{t('approvals.proxy.ended')}</Tag>
                ) : rule.startAt <= now ? (
                  <Tag color="green">{t('approvals.proxy.active')}</Tag>
                ) : (
                  <Tag color="blue">{t('approvals.proxy.upcoming')}</Tag>
                )}
              </Flex>
            ),
          },
          {
            key: 'actions',
            width: 56,
            render: (_, rule) => (
              <Popconfirm
                title={t('approvals.proxy.confirmDelete')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(rule.id, { onSuccess: () => message.success(t('approvals.proxy.deleted')) })
                }
              >
                <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
