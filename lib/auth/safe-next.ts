const base = 'https://touchpoint.invalid';

/**
 * Where to go after signing in: only a path on this site. Anything a browser could read as another host is refused
 * (`//host`, `/\host`, a tab or newline that browsers drop, `https:`, `javascript:`), also when percent-encoded.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return '/';
  }
  // As sent: no whitespace, control character (browsers drop tabs and newlines) or backslash (read as a slash).
  if (!/^\/(?![/\\])[^\s\\]*$/.test(next)) return '/';
  // Decoded: the same, except that an encoded space is a harmless part of a path.
  if (!/^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/.test(decoded)) return '/';
  for (const candidate of [next, decoded]) {
    if (new URL(candidate, base).origin !== base) return '/';
  }
  return next;
}
