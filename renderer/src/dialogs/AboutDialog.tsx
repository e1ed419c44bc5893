/** Help > About: the app's name and version, and which front door serves this window (desktop or web host). */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api';
import { mainApi } from '../api/main-api';
import { useAppStore } from '../store/app-store';
import { Modal } from './Modal';

/** Node's platform ids as people name the systems ("linux" reads as internal); an unknown id shows as it is. */
const PLATFORM_NAMES: Record<string, string> = { linux: 'Linux', win32: 'Windows', darwin: 'macOS', freebsd: 'FreeBSD', openbsd: 'OpenBSD' };
export const platformName = (platform: string): string => PLATFORM_NAMES[platform] ?? platform;

export function AboutDialog() {
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    mainApi()
      .getAppInfo()
      .then((i) => live && setInfo(i))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <Modal title="About Dealwright" onCancel={closeDialog} className="about-dialog">
      <p>A workbench for negotiating strategic partnerships: value a deal under uncertainty for every party, and draft its term sheet.</p>
      {info && (
        <dl>
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.host === 'electron' ? 'desktop app' : 'web host'} on {platformName(info.platform)}</dd>
        </dl>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={closeDialog} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
