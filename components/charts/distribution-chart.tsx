'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { distributionOf } from '@/lib/domain/metrics';

type Distribution = ReturnType<typeof distributionOf>;

const GROUP_COLORS = { positive: '#059669', neutral: '#94a3b8', negative: '#dc2626' } as const;

/** Share of answers per score, each bar coloured by its group (positive, neutral, negative). */
export default function DistributionChart({ distribution, label }: { distribution: Distribution; label: string }) {
  const t = useTranslations('metrics.distribution');
  const format = useFormatter();
  const share = (value: number) => format.number(value / 100, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={distribution} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="score" tick={{ fontSize: 12 }} interval={0} />
          <YAxis tickFormatter={share} tick={{ fontSize: 12 }} width={44} />
          <Tooltip
            cursor={{ fill: '#f1f5f9' }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as Distribution[number] | undefined;
              if (!active || !row) return null;
              return (
                <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
                  <p className="font-medium">{t('score', { score: row.score })}</p>
                  <p>
                    {t('share', { share: share(row.share), count: row.count })} · {t(row.group)}
                  </p>
                </div>
              );
            }}
          />
          <Bar dataKey="share" isAnimationActive={false}>
            {distribution.map((row) => (
              <Cell key={row.score} fill={GROUP_COLORS[row.group]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
