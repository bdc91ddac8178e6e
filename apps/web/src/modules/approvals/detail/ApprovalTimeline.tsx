import type { wfTimelineEntrySchema } from '@concord/contracts';
import { Flex, Switch, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format';
import { logActionLabel, personActions, reasonLabel } from '../shared/labels';
import { AttachmentLinks } from './CommentAttachments';

type TimelineEntry = (typeof wfTimelineEntrySchema)['_zod']['output'];

const actionColors: Record<string, string> = {
  APPROVE: 'green',
  INSTANCE_APPROVED: 'green',
  REJECT: 'red',
  INSTANCE_REJECTED: 'red',
  NODE_REJECT: 'red',
  RETURN: 'orange',
  WITHDRAW: 'gray',
  INSTANCE_CANCELED: 'gray',
  INSTANCE_ERROR: 'red',
};

/** System decisions people ask about ("why was this skipped?"), kept in the short view. */
const systemDecisions: ReadonlySet<string> = new Set([
  'TASK_AUTO_APPROVE',
  'NODE_SKIP',
  'NODE_REJECT',
  'TIMEOUT',
  'ESCALATE',
  'TRIGGER_RESULT',
  'SUBPROCESS_RESULT',
]);

function isNotable(entry: TimelineEntry): boolean {
  return (
    personActions.has(entry.action) ||
    Boolean(entry.comment) ||
    entry.attachments.length > 0 ||
    entry.action.startsWith('INSTANCE_') ||
    systemDecisions.has(entry.action)
  );
}

/**
 * Every action and comment, oldest first. The engine's bookkeeping (task created, node entered) is
 * folded away by default: people want the decisions; the switch shows the full record for audits.
 */
export function ApprovalTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? entries : entries.filter(isNotable);

  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end" align="center" gap={6}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('approvals.timeline.showAll')}
        </Typography.Text>
        <Switch
          size="small"
          checked={showAll}
          onChange={setShowAll}
          aria-label={t('approvals.timeline.showAll')}
          data-testid="approval-timeline-all"
        />
      </Flex>
      <Timeline
        data-testid="approval-timeline"
        items={shown.map((entry) => {
          const reason = reasonLabel(t, entry.reasonCode);
          const actor =
            entry.actorName ?? (entry.actorId === 'system' ? t('approvals.timeline.system') : entry.actorId);
          return {
            key: entry.seq,
            color: actionColors[entry.action] ?? (personActions.has(entry.action) ? 'blue' : 'gray'),
            content: (
              <Flex vertical gap={2}>
                <Flex gap={8} wrap align="baseline">
                  <Typography.Text strong>{actor}</Typography.Text>
                  {entry.onBehalfOfName && (
                    <Typography.Text type="secondary">
                      {t('approvals.timeline.onBehalfOf', { name: entry.onBehalfOfName })}
                    </Typography.Text>
                  )}
                  <Typography.Text>{logActionLabel(t, entry.action)}</Typography.Text>
                  {entry.nodeName && <Typography.Text type="secondary">· {entry.nodeName}</Typography.Text>}
                </Flex>
                {reason && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid="approval-timeline-reason"
                  >
                    {reason}
                  </Typography.Text>
                )}
                {entry.comment && (
                  <Typography.Paragraph
                    style={{
                      margin: 0,
                      padding: '4px 8px',
                      background: 'rgba(0,0,0,0.03)',
                      borderRadius: 4,
                      whiteSpace: 'pre-wrap',
                    }}
                  >
                    {entry.comment}
                  </Typography.Paragraph>
                )}
                <AttachmentLinks attachments={entry.attachments} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                </Typography.Text>
              </Flex>
            ),
          };
        })}
      />
    </Flex>
  );
}
