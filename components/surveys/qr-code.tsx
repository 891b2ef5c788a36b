/** A QR code drawn from server-made SVG markup (from lib/survey/qr.ts, never from user input), named for screen readers. */
export function QrCode({ svg, label, className = '' }: { svg: string; label: string; className?: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      className={`[&>svg]:block [&>svg]:h-full [&>svg]:w-full ${className}`}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
