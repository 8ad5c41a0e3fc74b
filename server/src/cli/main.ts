/** The `aks-netlens` executable: wires the process to runCli and sets the exit code. */
import { readOwnVersion } from './readInputs';
import { runCli } from './runCli';

async function main(): Promise<void> {
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    version: await readOwnVersion(__dirname),
  });
  process.exitCode = code;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

void main();
