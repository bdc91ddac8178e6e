import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useIsPhone } from './useIsPhone';

interface PageContainerProps {
  title: ReactNode;
  /** Toolbar on the right of the title: create, export, ... */
  extra?: ReactNode;
  children: ReactNode;
}

export function PageContainer({ title, extra, children }: PageContainerProps) {
  const isPhone = useIsPhone();
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {/* The page's one h1 (screen readers and axe look for it), at the size of antd's h4. */}
        <Typography.Title level={1} style={{ margin: 0, fontSize: 20, lineHeight: 1.4 }}>
          {title}
        </Typography.Title>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      <Card variant="borderless" styles={{ body: { padding: isPhone ? 12 : 24 } }}>
        {children}
      </Card>
    </Flex>
  );
}
