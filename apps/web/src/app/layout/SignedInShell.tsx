import { App as AntApp } from 'antd';
import { AppLayout } from './AppLayout';

/** The signed-in layout with antd's App (message, modal and notification hooks for the pages). */
export function SignedInShell() {
  return (
    <AntApp>
      <AppLayout />
    </AntApp>
  );
}
