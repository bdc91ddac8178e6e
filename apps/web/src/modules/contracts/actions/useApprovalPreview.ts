import { useCallback, useEffect, useRef, useState } from 'react';
import { previewPath, type WfPreviewBody } from '../../approvals/api/workflowApi';
import type { PreviewState } from '../../approvals/centre/usePathPreview';

/**
 * The predicted approval path of a contract (business type `contract.sign`) or of a change order
 * (`contract.change`), fetched when a submit dialog opens so the user sees who will approve and
 * can pick approvers for 发起人自选 steps. An answer to an older request is dropped.
 */
export function useApprovalPreview(body: WfPreviewBody | null) {
  const [state, setState] = useState<PreviewState>({ loading: false, result: null, error: null });
  const latest = useRef(0);
  const key = body ? JSON.stringify(body) : '';

  const run = useCallback(async () => {
    if (!key) return;
    const request = ++latest.current;
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const result = await previewPath(JSON.parse(key) as WfPreviewBody);
      if (request === latest.current) setState({ loading: false, result, error: null });
    } catch (error) {
      if (request === latest.current) setState({ loading: false, result: null, error });
    }
  }, [key]);

  useEffect(() => {
    if (!key) {
      latest.current++;
      setState({ loading: false, result: null, error: null });
      return;
    }
    const timer = setTimeout(() => void run(), 300);
    return () => clearTimeout(timer);
  }, [key, run]);

  return { state, refresh: () => void run() };
}
