import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../app/auth/session';
import { AsyncContent } from '../../shared/AsyncContent';
import { errorMessage } from '../../shared/errorMessage';
import { formatDate, formatDateTime, formatMoney } from '../../shared/format';
import { useIsPhone } from '../../shared/useIsPhone';
import { InvoiceStatusTag } from './InvoiceStatusTag';
import { useInvoice, useInvoiceUsages, useVoidInvoice } from './invoicesApi';

/** Where a usage's document lives in the app, when it has a page. */
const documentLink = (documentType: string, documentId: string) =>
  documentType === 'contract' ? `/contracts/${documentId}?tab=invoices` : null;

/** The invoice's details and every document that uses (or used) it; void it when nothing uses it. */
export function InvoiceDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invoice = useInvoice(id);
  const usages = useInvoiceUsages(id);
  const voiding = useVoidInvoice();
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const data = invoice.data;
  const active = (usages.data ?? []).filter((u) => u.status === 'ACTIVE');

  const onVoid = () =>
    voiding.mutate(
      { id: id!, reason: reason.trim() },
      {
        onSuccess: () => {
          message.success(t('invoices.voided'));
          setAskReason(false);
          setReason('');
        },
        onError: (error) => message.error(errorMessage(error, t)),
      },
    );

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={data ? t('invoices.detailTitle', { number: data.number }) : t('invoices.detail')}
      extra={
        data?.status === 'VALID' &&
        can('invoice.manage') && (
          <Button
            danger
            disabled={active.length > 0}
            onClick={() => setAskReason(true)}
            data-testid="invoice-void"
          >
            {t('invoices.void')}
          </Button>
        )
      }
      data-testid="invoice-drawer"
    >
      <AsyncContent
        isLoading={invoice.isLoading}
        error={data ? null : invoice.error}
        onRetry={() => void invoice.refetch()}
      >
        {data && (
          <Flex vertical gap={16}>
            <Descriptions column={isPhone ? 1 : 2} size="small" bordered>
              <Descriptions.Item label={t('invoices.field.direction')}>
                {t(`invoices.direction.${data.direction}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.status')}>
                <InvoiceStatusTag status={data.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.type')} span={2}>
                {t(`invoices.type.${data.type}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.code')}>{data.code ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.number')}>{data.number}</Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.sellerName')} span={2}>
                {data.sellerName}（{data.sellerTaxId}）
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.buyerName')} span={2}>
                {data.buyerName}（{data.buyerTaxId}）
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.issueDate')}>
                {formatDate(data.issueDate)}
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.entity')}>{data.entityName}</Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.amountExclTax')}>
                {formatMoney(data.amountExclTax)}
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.taxAmount')}>
                {formatMoney(data.taxAmount)}
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.totalAmount')}>
                <Typography.Text strong>{formatMoney(data.totalAmount)}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('invoices.field.available')}>
                {formatMoney(data.status === 'VALID' ? data.totalAmount - data.usedAmount : 0)}
              </Descriptions.Item>
              {data.voidReason && (
                <Descriptions.Item label={t('invoices.field.voidReason')} span={2}>
                  {data.voidReason}
                </Descriptions.Item>
              )}
              {data.remarks && (
                <Descriptions.Item label={t('invoices.field.remarks')} span={2}>
                  {data.remarks}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('invoices.usages')}
            </Typography.Title>
            <List
              data-testid="invoice-usages"
              loading={usages.isLoading}
              dataSource={usages.data ?? []}
              locale={{ emptyText: <Empty description={t('invoices.noUsages')} /> }}
              renderItem={(usage) => {
                const href = documentLink(usage.documentType, usage.documentId);
                const label = `${t(`invoices.documentType.${usage.documentType}`, { defaultValue: usage.documentType })} ${usage.documentLabel}`;
                return (
                  <List.Item
                    extra={
                      <Typography.Text strong delete={usage.status !== 'ACTIVE'}>
                        {formatMoney(usage.amount)}
                      </Typography.Text>
                    }
                  >
                    <List.Item.Meta
                      title={href ? <Link to={href}>{label}</Link> : label}
                      description={
                        <Flex gap={8} wrap>
                          <Tag color={usage.status === 'ACTIVE' ? 'processing' : 'default'}>
                            {t(`invoices.usageStatus.${usage.status}`)}
                          </Tag>
                          <span>{formatDateTime(usage.createdAt)}</span>
                        </Flex>
                      }
                    />
                  </List.Item>
                );
              }}
            />
          </Flex>
        )}
      </AsyncContent>
      <Modal
        open={askReason}
        title={t('invoices.voidConfirm', { number: data?.number ?? '' })}
        okText={t('invoices.void')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, 'data-testid': 'confirm-ok' }}
        confirmLoading={voiding.isPending}
        onOk={onVoid}
        onCancel={() => setAskReason(false)}
      >
        <Typography.Paragraph type="secondary">{t('invoices.voidHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('invoices.field.voidReason')} required>
            <Input.TextArea
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="invoice-void-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
