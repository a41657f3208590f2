// npm run lint: ESLint's import rules (eslint.config.js), with ESLint's cache in
// node_modules/.cache/eslint/ so that a second run reads only the files that changed (about 2 s
// instead of 19). The cache keeps each file's result, and import-x/no-cycle's answer for a file
// depends on other files: breaking a cycle in one file leaves the cached error of the file at the
// cycle's other end. A cycle closed by editing a file is never missed (that file changed, so it is
// read again); so a run that finds errors with a warm cache is repeated without it, and that run's
// answer is the one given.
//
// ESLint's cache hashes its own resolved config, but not the import resolver's options nor the files
// the resolver reads: the TypeScript configs' paths and the workspaces' package.json (`exports` maps
// `@ecoo/shared/*` to shared/src). A change there left unchanged files' cached answers standing. So
// the cache lives in a folder named after a hash of those files (every package.json and tsconfig*.json
// of the root and the workspaces, eslint.config.js, the lockfile), and a change to any of them starts
// from an empty cache. Still not seen: adding or deleting a file can change what an import without an
// extension resolves to (`./m` from m.ts to m/index.ts); CI lints a clean clone, without a cache.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Paths below are the repository's, wherever the script is started from.
process.chdir(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
const { workspaces = [] } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const isResolutionConfig = (name) => name === 'package.json' || /^tsconfig.*\.json$/.test(name);
const resolutionInputs = [
  'eslint.config.js',
  'package-lock.json',
  ...['.', ...workspaces].flatMap((folder) => fs.readdirSync(folder).filter(isResolutionConfig).sort().map((name) => path.join(folder, name))),
];
const configHash = createHash('sha256');
for (const file of resolutionInputs) configHash.update(`${file}\0${fs.existsSync(file) ? fs.readFileSync(file) : ''}\0`);
const cacheRoot = 'node_modules/.cache/eslint/';
const cacheLocation = `${cacheRoot}${configHash.digest('hex').slice(0, 16)}/`;
// Caches made under other configs are of no further use.
for (const entry of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) if (`${cacheRoot}${entry}/` !== cacheLocation) fs.rmSync(`${cacheRoot}${entry}`, { recursive: true, force: true });
const eslint = (args, stdio) => spawnSync('npx', ['eslint', ...args, '.'], { stdio, encoding: 'utf8' });

const isWarm = fs.existsSync(cacheLocation);
const cacheOptions = ['--cache', '--cache-strategy', 'content', '--cache-location', cacheLocation];
const cached = eslint(cacheOptions, 'pipe');
if (cached.status === 0 || !isWarm) {
  // A run without a cache to start from already read every file: its answer stands.
  process.stdout.write(cached.stdout);
  if (cached.status !== 0) process.stderr.write(cached.stderr);
  process.exit(cached.status ?? 1);
}
console.log('ESLint found problems using its cache; checking every file again without it.');
// The cache goes, and this run writes it again from scratch, without the stale entries.
fs.rmSync(cacheLocation, { recursive: true, force: true });
const full = eslint(cacheOptions, 'inherit');
process.exit(full.status ?? 1);
