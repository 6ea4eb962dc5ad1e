import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls sideways inside this box. antd's own scroll container cannot
 * take the keyboard focus (axe: scrollable-region-focusable), so a keyboard user could not scroll
 * it; this one can, and says what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-region" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
