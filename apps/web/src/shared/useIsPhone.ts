import { Grid } from 'antd';

/**
 * True below antd's `md` breakpoint (768 px): the layout swaps the side menu for a drawer and lists
 * switch to cards. Before the first measurement antd reports no breakpoints; treat that as desktop.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return Object.keys(screens).length > 0 && !screens.md;
}
