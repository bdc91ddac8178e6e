import { Flex, Spin } from 'antd';

/** While the signed-in layout's code loads (once per visit; cached after). */
export function PageSkeleton() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
