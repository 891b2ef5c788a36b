'use client';

import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies a text to the clipboard and says how it went: the one copy helper of the app. The clipboard API exists
 * only on secure pages (https or localhost) and may be refused; then `onFailure` runs (select the text for a
 * manual copy, say) and the state is 'failed'. With `resetAfterMs`, 'copied' returns to 'idle' after that long.
 */
export function useCopy({ resetAfterMs }: { resetAfterMs?: number } = {}) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function write(text: string, onFailure?: () => void) {
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
      if (resetAfterMs !== undefined) timer.current = setTimeout(() => setState('idle'), resetAfterMs);
    } catch {
      onFailure?.();
      setState('failed');
    }
  }

  // Never rejects (a refusal becomes the 'failed' state), so it can be a click handler as it is.
  const copy = (text: string, onFailure?: () => void) => void write(text, onFailure);
  return { state, copy, reset: () => setState('idle') };
}

/** Focuses and selects a field's text, so that a manual copy takes one key press. */
export function selectField(id: string) {
  const input = document.getElementById(id);
  if (!(input instanceof HTMLInputElement)) return;
  input.focus();
  input.select();
}
