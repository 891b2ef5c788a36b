import Link from 'next/link';
import type { ChangeKind } from '@/lib/impact/card-schema';

/** The page of a change's impact card; levers have none yet. */
export function cardHref(change: { kind: ChangeKind; id: string }): string | null {
  return change.kind === 'lever' ? null : `/changes/${change.kind}/${change.id}`;
}

/** A change named by its title, linked to its impact card when it has one. */
export function ChangeLink({ change }: { change: { kind: ChangeKind; id: string; title: string } }) {
  const href = cardHref(change);
  return href ? (
    <Link href={href} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
      {change.title}
    </Link>
  ) : (
    <span>{change.title}</span>
  );
}
