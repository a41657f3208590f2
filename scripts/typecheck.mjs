// npm run typecheck: the three TypeScript programs (bff with shared, web, e2e with the root's files),
// two at a time (the machines have two cores), longest first. Each is incremental: tsc keeps what it
// learnt in node_modules/.cache/tsc/, so a second run only re-checks what changed (about 10 s
// instead of 30). Each one's output is printed whole when it ends; the exit code is non-zero if any
// of them failed. Lint (ESLint's import rules) is apart, in `npm run lint`, so it stays quick.
import { spawn } from 'node:child_process';
import os from 'node:os';

const incremental = (program) => ['--incremental', '--tsBuildInfoFile', `node_modules/.cache/tsc/${program}.tsbuildinfo`];
const checks = [
  ['bff + shared', 'npx', ['tsc', '-p', 'bff', ...incremental('bff')]],
  ['web', 'npx', ['tsc', '-p', 'web', ...incremental('web')]],
  ['e2e + vite.config.ts + scripts', 'npx', ['tsc', '-p', 'e2e', ...incremental('e2e')]],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      const shown = output.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n').trim();
      console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${shown ? `\n${shown}` : ''}`);
      resolve(code === 0);
    });
  });
}

const queue = [...checks];
const lanes = Array.from({ length: Math.max(1, Math.min(2, os.availableParallelism())) }, async () => {
  const results = [];
  while (queue.length > 0) results.push(await run(queue.shift()));
  return results;
});
const passed = (await Promise.all(lanes)).flat().every(Boolean);
process.exit(passed ? 0 : 1);
