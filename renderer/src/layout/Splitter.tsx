/**
 * The handle between the editor and the results pane: drag it, or focus it
 * and use the arrow keys (Shift for bigger steps, Home/End for the limits),
 * to give the results more or less room. The width is remembered across
 * sessions on this machine, and kept within what the window allows.
 */
import { useCallback, useEffect, useState, type KeyboardEvent, type PointerEvent } from 'react';

const STORAGE_KEY = 'dealwright.resultsPaneWidth';
/** The editor keeps at least this much, the results pane at least its minimum. */
const MIN_EDITOR = 340;
const MIN_RESULTS = 340;
const NAVIGATOR = 176;

function limits(): { min: number; max: number } {
  const max = Math.max(MIN_RESULTS, window.innerWidth - NAVIGATOR - MIN_EDITOR);
  return { min: MIN_RESULTS, max };
}

function initialWidth(): number {
  const saved = Number(window.localStorage?.getItem(STORAGE_KEY));
  const { min, max } = limits();
  const wanted = Number.isFinite(saved) && saved > 0 ? saved : Math.round((window.innerWidth - NAVIGATOR) * 0.5);
  return Math.min(max, Math.max(min, wanted));
}

/** The results pane's width and the splitter that sets it. */
export function useResultsWidth(): [number, (w: number) => void] {
  const [width, setWidth] = useState(initialWidth);
  const set = useCallback((w: number) => {
    const { min, max } = limits();
    const next = Math.round(Math.min(max, Math.max(min, w)));
    setWidth(next);
    try {
      window.localStorage?.setItem(STORAGE_KEY, String(next));
    } catch {
      // Storage refused (private window): the width simply is not remembered.
    }
  }, []);
  useEffect(() => {
    const onResize = () => setWidth((w) => Math.min(limits().max, Math.max(limits().min, w)));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return [width, set];
}

export function Splitter({ width, onWidth }: { width: number; onWidth: (w: number) => void }) {
  const { min, max } = limits();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 16;
    // The handle sits left of the results: moving it left widens them.
    if (e.key === 'ArrowLeft') onWidth(width + step);
    else if (e.key === 'ArrowRight') onWidth(width - step);
    else if (e.key === 'Home') onWidth(max);
    else if (e.key === 'End') onWidth(min);
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => onWidth(startWidth + (startX - ev.clientX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the results pane"
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={width}
      aria-valuetext={`Results pane ${width} pixels wide`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
