import { createHash } from 'node:crypto';

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Mobile first: one column, big tap targets; NPS and NEV scales wrap into two rows on a phone.
// Colours keep at least 4.5:1 contrast; every control shows a thick dark focus ring.
const css = [
  '*{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%}',
  'body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f1f5f9}',
  'main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 2rem}',
  '.org{margin:0 0 .75rem;font-size:.875rem;font-weight:600;color:#334155}',
  '.card{background:#fff;border:1px solid #cbd5e1;border-radius:.75rem;padding:1.25rem 1rem}',
  '@media(min-width:36rem){main{padding-top:3rem}.card{padding:2rem}}',
  'fieldset{border:0;margin:0;padding:0;min-width:0}',
  'legend{padding:0;margin-bottom:1rem}',
  'h1{font-size:1.375rem;line-height:1.3;margin:0}',
  'p{margin:.5rem 0 0}',
  '.scale{display:grid;gap:.5rem;list-style:none;margin:0;padding:0}',
  '.c5{grid-template-columns:repeat(5,1fr)}.c7{grid-template-columns:repeat(7,1fr)}',
  '.c10{grid-template-columns:repeat(5,1fr)}.c11{grid-template-columns:repeat(6,1fr)}',
  '@media(min-width:36rem){.c10{grid-template-columns:repeat(10,1fr)}.c11{grid-template-columns:repeat(11,1fr)}}',
  '.opt{position:relative}',
  '.opt input{position:absolute;opacity:0;width:1px;height:1px;margin:0}',
  '.opt label{display:flex;align-items:center;justify-content:center;min-height:3rem;border:2px solid #64748b;border-radius:.5rem;',
  'background:#fff;font-weight:700;font-size:1.125rem;cursor:pointer;user-select:none}',
  '.opt label:hover{border-color:#1d4ed8;background:#eff6ff}',
  '.opt input:checked+label{background:#1d4ed8;border-color:#1d4ed8;color:#fff}',
  '.opt input:focus-visible+label,textarea:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #0f172a;outline-offset:2px}',
  '.ends{display:flex;justify-content:space-between;gap:1rem;margin:.5rem 0 0;font-size:.875rem;color:#334155}',
  '.err{display:block;margin:.5rem 0 0;color:#b91c1c;font-weight:600}',
  '.lbl{display:block;margin-top:1.5rem;font-weight:600}',
  '.hint{margin:.125rem 0 .25rem;font-size:.875rem;color:#475569}',
  'textarea{display:block;width:100%;min-height:6rem;padding:.5rem .75rem;border:2px solid #64748b;border-radius:.5rem;font:inherit;color:inherit}',
  'textarea[aria-invalid=true]{border-color:#b91c1c}',
  'button{display:block;width:100%;min-height:3rem;margin-top:1.5rem;border:0;border-radius:.5rem;background:#1d4ed8;color:#fff;font:inherit;font-weight:700;cursor:pointer}',
  'button:hover{background:#1e40af}',
  '.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}',
].join('');

/** The stylesheet's hash lets the Content-Security-Policy allow exactly this inline style and nothing else. */
const styleHash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

export const pageHeaders: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': `default-src 'none'; style-src ${styleHash}; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  // Same-origin keeps the token out of any other site's logs while our own form still sends its Origin.
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
};

/** A whole page: no script, one inline stylesheet, an empty icon so the browser asks for nothing else. */
export function htmlDocument({ lang, title, body }: { lang: string; title: string; body: string }): string {
  return (
    '<!doctype html>' +
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${css}</style></head>` +
    `<body><main>${body}</main></body></html>`
  );
}
