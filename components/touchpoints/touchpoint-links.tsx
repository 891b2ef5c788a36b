import Link from 'next/link';

/** The touchpoints a change or a lever concerns, each linking to its page; `none` when there are none. */
export function TouchpointLinks({ touchpoints, none }: { touchpoints: { id: string; name: string }[]; none: string }) {
  if (touchpoints.length === 0) return none;
  return (
    <ul className="flex flex-wrap gap-x-3">
      {touchpoints.map((tp) => (
        <li key={tp.id}>
          <Link href={`/touchpoints/${tp.id}`} className="text-brand-700 underline underline-offset-2">
            {tp.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
