import Link from 'next/link';
import type { ChangeKind } from '@/lib/impact/card-schema';

/** A change named by its title, linked to its impact card. */
export function ChangeLink({ change }: { change: { kind: ChangeKind; id: string; title: string } }) {
  return (
    <Link
      href={`/changes/${change.kind}/${change.id}`}
      className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
    >
      {change.title}
    </Link>
  );
}
