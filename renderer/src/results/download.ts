/**
 * Saving exports from the page: a CSV or PNG goes out as a browser download
 * (Electron turns it into a save dialog); CSV can also go to the clipboard for
 * pasting straight into a spreadsheet.
 */

export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, fileName: string, mime = 'text/csv;charset=utf-8', bom = true): void {
  // A BOM so Excel opens UTF-8 names (Société Générale, €) correctly (not for SVG, which is XML).
  const blob = new Blob(bom ? ['\ufeff', text] : [text], { type: mime });
  const url = URL.createObjectURL(blob);
  downloadDataUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
