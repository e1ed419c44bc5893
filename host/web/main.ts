/**
 * `npm run serve`: start the web host on 127.0.0.1 and print the address to open.
 *   node out/web/main.js [--port N] [FILE.deal]
 * A .deal file named on the command line opens in the first window that connects.
 * The page's file dialogs browse, read and write inside the documents folder
 * (DEALWRIGHT_DOCUMENTS_DIR, else the user's Documents folder) and nowhere else.
 */
import { join } from 'node:path';
import { documentsRoot } from '../documents/dialog-port';
import { createHostHandlers } from '../host-handlers';
import { LaunchFiles } from '../launch-files';
import { appVersion, projectRoot } from '../paths';
import { warmUpValuation } from '../valuation/valuation-handlers';
import { startWebHost } from './server';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const portArg = argv.indexOf('--port');
  const port = portArg >= 0 ? Number(argv[portArg + 1]) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port: must be a port number, got ${argv[portArg + 1]}\n`);
    process.exit(2);
  }
  const root = projectRoot(import.meta.url);
  const launchFiles = new LaunchFiles();
  for (const path of LaunchFiles.fromArgv(argv, process.cwd())) launchFiles.add(path);
  const documents = documentsRoot();
  const ports = { resourcesDir: join(root, 'resources'), appVersion: appVersion(root), host: 'web' as const, launchFiles, documentsRoot: documents };
  const host = await startWebHost({
    port,
    rendererDir: join(root, 'out', 'renderer'),
    bridgeFile: join(root, 'out', 'web', 'bridge.js'),
    // One handler set per connection: a tab's runs are its own, and end when the tab closes.
    handlers: (client) => createHostHandlers({ ...ports, closed: client.closed }),
  });
  process.stdout.write(`Dealwright web host: ${host.url}\n`);
  process.stdout.write(`Documents folder (set DEALWRIGHT_DOCUMENTS_DIR to change it): ${documents}\n`);
  void warmUpValuation(join(ports.resourcesDir, 'examples', 'pharma-licence.deal'));
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
