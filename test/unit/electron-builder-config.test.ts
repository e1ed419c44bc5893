/**
 * The packaging configuration as electron-builder itself reads and validates
 * it (its own schema), with the fuses the shipped binary must have: no
 * running as Node, no NODE_OPTIONS, no --inspect, the app only from its
 * archive and the archive checked. A typo in a fuse name fails here, not on
 * a release machine.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';

const root = resolve(import.meta.dirname, '..', '..');

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and sets the fuses', async () => {
    const config = await getConfig(root, null, null);
    await validateConfiguration(config, { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });
});
