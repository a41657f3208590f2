// npm run lint: ESLint's import rules (eslint.config.js), with ESLint's cache in
// node_modules/.cache/eslint/ so that a second run reads only the files that changed (about 1 s
// instead of 12). The cache keeps each file's result, and import-x/no-cycle's answer for a file
// depends on other files: breaking a cycle in one file leaves the cached error of the file at the
// cycle's other end. A new cycle is never missed (the file that closes it changed, so it is read
// again), only an old error can outlive its cause; so a run that finds errors is repeated without the
// cache, and that run's answer is the one given.
//
// Import resolution (and so every import rule's answer) also depends on the TypeScript configs' paths
// and on the ESLint config itself, which ESLint's cache does not look at: a path changed in a
// tsconfig left unchanged files' cached answers standing. The cache lives in a folder named after a
// hash of those configs and the lockfile, so that a change to any of them starts from an empty cache.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const resolutionInputs = ['eslint.config.js', 'package-lock.json', ...['.', 'bff', 'web', 'shared', 'e2e'].map((folder) => `${folder}/tsconfig.json`)];
const configHash = createHash('sha256');
for (const file of resolutionInputs) configHash.update(`${file}\0${fs.existsSync(file) ? fs.readFileSync(file) : ''}\0`);
const cacheRoot = 'node_modules/.cache/eslint/';
const cacheLocation = `${cacheRoot}${configHash.digest('hex').slice(0, 16)}/`;
// Caches made under other configs are of no further use.
for (const entry of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) if (`${cacheRoot}${entry}/` !== cacheLocation) fs.rmSync(`${cacheRoot}${entry}`, { recursive: true, force: true });
const eslint = (args, stdio) => spawnSync('npx', ['eslint', ...args, '.'], { stdio, encoding: 'utf8' });

const cacheOptions = ['--cache', '--cache-strategy', 'content', '--cache-location', cacheLocation];
const cached = eslint(cacheOptions, 'pipe');
if (cached.status === 0) {
  process.stdout.write(cached.stdout);
  process.exit(0);
}
console.log('ESLint found problems using its cache; checking every file again without it.');
// The cache goes, and this run writes it again from scratch, without the stale entries.
fs.rmSync(cacheLocation, { recursive: true, force: true });
const full = eslint(cacheOptions, 'inherit');
process.exit(full.status ?? 1);
