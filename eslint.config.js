// Lint guards the architecture, not the style: no import cycles anywhere, and the import
// directions of README "Import rules". Type errors are tsc's job (`npm run typecheck`).
import fs from 'node:fs';
import path from 'node:path';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const here = import.meta.dirname;
const foldersIn = (folder) => fs.readdirSync(path.join(here, folder), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

/** SPA: every folder in features/ is a feature; they sit on modules/, lib/, components/ and config/, never on each other. */
const web = {
  features: foldersIn('web/src/features'),
  /** Used by features, so they import neither features nor the app. */
  lowerLayers: ['modules', 'lib', 'components', 'config'],
};

/**
 * BFF: every folder in bff/src that is not infrastructure is a business component (a feature), used
 * from outside only through its public surface. Infrastructure and the composition roots (the
 * top-level files, bench/, scripts/) may use any feature's surface; a feature's own files import
 * each other freely.
 */
const bffInfrastructure = ['audit', 'common', 'db', 'http', 'mail', 'secrets', 'storage', 'testing'];
const bff = {
  features: foldersIn('bff/src').filter((folder) => !bffInfrastructure.includes(folder)),
  outsideFeatures: [...bffInfrastructure.map((folder) => `src/${folder}`), 'src/*.ts', 'bench', 'scripts'],
  /** A feature's public surface, relative to its folder. */
  publicSurface: ['./index.ts'],
};

const webFeatureZones = web.features.map((feature) => ({
  target: `web/src/features/${feature}`,
  from: ['web/src/features', 'web/src/app'],
  except: [`./${feature}`],
  message: `A feature never imports another feature or the app: move what both need to web/src/modules/ (or lib/, components/), or put them together in web/src/app/.`,
}));

const webLowerLayerZone = {
  target: web.lowerLayers.map((folder) => `web/src/${folder}`),
  from: ['web/src/features', 'web/src/app'],
  message: 'modules/, lib/, components/ and config/ are used by features and the app, never the other way round: take what you need as a parameter.',
};

const bffSurfaceMessage = "Use the feature's public surface (its index.ts): export what you need there.";

const bffFeatureZones = bff.features.map((feature) => ({
  target: `bff/src/${feature}`,
  from: bff.features.filter((other) => other !== feature).map((other) => `bff/src/${other}`),
  except: bff.publicSurface,
  message: bffSurfaceMessage,
}));

const bffOutsideFeaturesZone = {
  target: bff.outsideFeatures.map((place) => `bff/${place}`),
  from: bff.features.map((feature) => `bff/src/${feature}`),
  except: bff.publicSurface,
  message: bffSurfaceMessage,
};

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bff/bench/held-out/*/**', 'test-results/**', 'playwright-report/**', 'e2e/.run/**', '**/*.tsbuildinfo'],
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 'latest',
      sourceType: 'module',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'import-x': importX },
    settings: {
      // As importX.flatConfigs.typescript, without its legacy resolver: without these the rules
      // follow only .js files, and no cycle through .ts files is ever seen.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          noWarnOnMultipleProjects: true,
          project: ['tsconfig.json', 'shared/tsconfig.json', 'bff/tsconfig.json', 'web/tsconfig.json', 'e2e/tsconfig.json'],
        }),
      ],
    },
    rules: {
      // Type-only imports are erased, so they cannot close a cycle; nor can import(): a lazy page
      // loads after the route table that names it has run (dashboard-page.tsx reads its routes.ts).
      'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: true, ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: here,
          zones: [...webFeatureZones, webLowerLayerZone, ...bffFeatureZones, bffOutsideFeaturesZone],
        },
      ],
    },
  },
);
