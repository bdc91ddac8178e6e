import {
  ApiOutlined,
  AuditOutlined,
  BranchesOutlined,
  ClockCircleOutlined,
  EditOutlined,
  ForkOutlined,
  PartitionOutlined,
  PlusOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Button, Popover } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from './designerContext';
import type { AddableType, Anchor } from './flowTree';

const addable: Array<{ type: AddableType; icon: ReactNode; color: string }> = [
  { type: 'approval', icon: <AuditOutlined />, color: '#ff943e' },
  { type: 'handle', icon: <EditOutlined />, color: '#8b5cf6' },
  { type: 'cc', icon: <SendOutlined />, color: '#3296fa' },
  { type: 'condition', icon: <BranchesOutlined />, color: '#15bc83' },
  { type: 'parallel', icon: <ForkOutlined />, color: '#718dff' },
  { type: 'delay', icon: <ClockCircleOutlined />, color: '#f25643' },
  { type: 'trigger', icon: <ApiOutlined />, color: '#4ca3fb' },
  { type: 'subprocess', icon: <PartitionOutlined />, color: '#0089ff' },
];

/** The "+" on the line between two nodes: opens the list of node types to insert there. */
export function AddNodeButton({ anchor }: { anchor: Anchor }) {
  const { t } = useTranslation();
  const { readOnly, add } = useDesigner();
  const [open, setOpen] = useState(false);
  return (
    <div className="flow-add">
      <div className="flow-line" style={{ height: 20 }} />
      {!readOnly && (
        <Popover
          open={open}
          onOpenChange={setOpen}
          trigger="click"
          // Only the open menu is in the DOM, so each test id matches one button.
          destroyOnHidden
          placement="right"
          content={
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, auto)', gap: 8 }}>
              {addable.map((item) => (
                <Button
                  key={item.type}
                  icon={<span style={{ color: item.color }}>{item.icon}</span>}
                  data-testid={`flow-add-${item.type}`}
                  onClick={() => {
                    setOpen(false);
                    add(anchor, item.type);
                  }}
                >
                  {t(`flows.nodeType.${item.type}`)}
                </Button>
              ))}
            </div>
          }
        >
          <Button
            shape="circle"
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            aria-label={t('flows.addNode')}
            data-testid="flow-add-node"
          />
        </Popover>
      )}
      <div className="flow-line" style={{ height: readOnly ? 12 : 20 }} />
    </div>
  );
}
