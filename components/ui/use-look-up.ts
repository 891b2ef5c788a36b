'use client';

import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 250;

/**
 * Looks up what matches the words being typed, 250 ms after the last key, dropping an answer that a newer key press
 * made stale. `body` is null before a look-up and after words too short to look up (under 3 characters). A look-up
 * is a help, not a must: a failed one changes nothing.
 */
export function useLookUp<Body>(urlOf: (words: string) => string) {
  const [body, setBody] = useState<Body | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const request = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );
  const lookUp = (typed: string) => {
    clearTimeout(timer.current);
    request.current?.abort();
    const words = typed.trim().slice(0, 120);
    if (words.length < 3) {
      setBody(null);
      return;
    }
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      request.current = controller;
      fetch(urlOf(words), { signal: controller.signal, headers: { accept: 'application/json' } })
        .then((response) => (response.ok ? (response.json() as Promise<Body>) : null))
        .then((answer) => {
          if (answer) setBody(answer);
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
  };
  return { body, lookUp };
}
