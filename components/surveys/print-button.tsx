'use client';

import { Button } from '@/components/ui/button';

export function PrintButton({ children }: { children: string }) {
  return (
    <Button onClick={() => window.print()} className="print:hidden">
      {children}
    </Button>
  );
}
