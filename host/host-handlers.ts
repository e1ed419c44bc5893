/**
 * The MainApi handlers over the host services. Electron's main process and the
 * web host both build their handlers here, passing in the ports that differ
 * between them (where resources live, which front door, dialogs, settings).
 */
import type { AppInfo } from '../shared/api';
import { listExamples, openExample } from './examples';
import type { HostHandlers } from './rpc/dispatcher';

export interface HostPorts {
  resourcesDir: string;
  appVersion: string;
  host: AppInfo['host'];
}

export function createHostHandlers(ports: HostPorts): HostHandlers {
  return {
    getAppInfo: async () => ({
      name: 'Dealwright',
      version: ports.appVersion,
      host: ports.host,
      platform: process.platform,
    }),
    listExamples: async () => listExamples(ports.resourcesDir),
    openExample: async (_ctx, id) => openExample(ports.resourcesDir, id),
  } satisfies HostHandlers;
}
