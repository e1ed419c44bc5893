/**
 * The context menu of every chart and table: save the chart as PNG, save or
 * copy its data as CSV. Opens on right-click or from the "⋯" button (keyboard
 * users), closes on Escape, a click elsewhere or after a choice.
 */
import { useEffect, useRef } from 'react';

export interface ExportMenuItem {
  label: string;
  run: () => void;
}

export function ExportMenu({ x, y, items, onClose }: { x: number; y: number; items: ExportMenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  return (
    <div ref={ref} className="export-menu" role="menu" style={{ left: x, top: y }}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          onClick={() => {
            item.run();
            onClose();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
