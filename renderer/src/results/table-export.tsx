/**
 * Wraps a visible table with the same context menu as charts: save or copy
 * its data as CSV.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { exportFileName, tableToCsv, type ChartTable } from '../../../shared/charts/chart-table';
import { copyText, downloadText } from './download';
import { ExportMenu } from './export-menu';

export function TableExport({ table, children }: { table: ChartTable; children: ReactNode }) {
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const close = useCallback(() => setMenu(null), []);
  return (
    <div
      className="table-wrap"
      onContextMenu={(e) => {
        e.preventDefault();
        setMenu({ x: e.clientX, y: e.clientY });
      }}
    >
      {children}
      {menu && (
        <ExportMenu
          x={menu.x}
          y={menu.y}
          onClose={close}
          items={[
            { label: 'Save table as CSV', run: () => downloadText(tableToCsv(table), exportFileName(table.caption, 'csv')) },
            { label: 'Copy table as CSV', run: () => void copyText(tableToCsv(table)) },
          ]}
        />
      )}
    </div>
  );
}
