import type { FormDefinition } from '@concord/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { previewPath, type WfPreviewResult } from '../api/workflowApi';

export interface PreviewState {
  loading: boolean;
  result: WfPreviewResult | null;
  error: unknown;
}

const previewDelayMs = 600;

/**
 * The predicted approval path for a form being filled in. Conditions may read any field (amount,
 * department, type), so the preview follows the values, waiting for a pause in typing; an answer
 * to an older request is dropped so a slow response never overwrites a newer one.
 */
export function usePathPreview(definition: FormDefinition, watched: Record<string, unknown> | undefined) {
  // useWatch hands a new object per render; compare by content so the timer is not reset needlessly.
  const key = JSON.stringify(watched ?? {});
  const values = useMemo(() => JSON.parse(key) as Record<string, unknown>, [key]);
  const [state, setState] = useState<PreviewState>({ loading: true, result: null, error: null });
  const latest = useRef(0);

  const run = useCallback(
    async (formData: Record<string, unknown>) => {
      const request = ++latest.current;
      const amountValue = definition.amountField ? formData[definition.amountField] : undefined;
      const amount =
        typeof amountValue === 'number' && amountValue >= 0 ? Math.round(amountValue) : undefined;
      setState((previous) => ({ ...previous, loading: true }));
      try {
        const result = await previewPath({
          businessType: definition.businessType,
          amount,
          formData: cleaned(formData),
        });
        if (request === latest.current) setState({ loading: false, result, error: null });
      } catch (error) {
        if (request === latest.current) setState({ loading: false, result: null, error });
      }
    },
    [definition],
  );

  useEffect(() => {
    const timer = setTimeout(() => void run(values), previewDelayMs);
    return () => clearTimeout(timer);
  }, [run, values]);

  return { state, refresh: () => void run(values) };
}

/** Drops empty values: the preview body's keys are limited and unset fields mean nothing to conditions. */
function cleaned(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
}
