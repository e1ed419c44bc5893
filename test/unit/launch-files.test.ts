import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchFiles } from '../../host/launch-files';
import { createHostHandlers } from '../../host/host-handlers';
import type { MainEvents } from '../../shared/api';

describe('files the app is asked to open from outside', () => {
  it('picks .deal and .dealbook paths out of a command line, resolved from where it ran', () => {
    expect(LaunchFiles.fromArgv(['.', 'deals/a.deal', '--inspect', '/abs/B.DEAL', 'notes.txt', 'all.dealbook', 'x.dealbookx'], '/home/n')).toEqual([
      resolve('/home/n/deals/a.deal'),
      '/abs/B.DEAL',
      resolve('/home/n/all.dealbook'),
    ]);
  });

  it('hands each queued path to the window once, then pushes later ones as events', async () => {
    const launchFiles = new LaunchFiles();
    launchFiles.add('/deals/first.deal');
    const handlers = createHostHandlers({ resourcesDir: '/nowhere', appVersion: '1', host: 'electron', launchFiles });
    const events: MainEvents['app:open-file'][] = [];
    const ctx = {
      emit: <E extends keyof MainEvents>(name: E, payload: MainEvents[E]) => {
        if (name === 'app:open-file') events.push(payload as MainEvents['app:open-file']);
      },
    };
    expect(await handlers.takeLaunchFiles(ctx)).toEqual(['/deals/first.deal']);
    expect(await handlers.takeLaunchFiles(ctx)).toEqual([]);
    launchFiles.add('/deals/second.deal');
    expect(events).toEqual([{ path: '/deals/second.deal' }]);
  });
});
