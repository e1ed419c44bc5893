/**
 * Child process for the kill test: saves two contents alternately to one
 * target, forever, through the real atomic writer, and says "saved" after the
 * first save so the parent knows the loop is running. The parent kills it
 * with SIGKILL at random moments.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../host/documents/atomic-write';

const [target, fileA, fileB] = process.argv.slice(2) as [string, string, string];
const contents = [readFileSync(fileA), readFileSync(fileB)];

async function loop(): Promise<void> {
  for (let i = 0; ; i++) {
    await writeFileAtomic(target, contents[i % 2]!);
    if (i === 0) process.stdout.write('saved\n');
  }
}
void loop();
