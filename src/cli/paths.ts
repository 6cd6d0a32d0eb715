/**
 * Where the index lives. `--index DIR` wins, then the FAHRAS_INDEX environment variable, then
 * `index-data/` in the current folder. npm scripts (`npm start`) run in the repository root, so
 * there the default is the repository's own `index-data/`, next to the bundled sample.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO_INDEX_DIR = path.join(REPO_ROOT, 'index-data');
export const SAMPLE_DIR = path.join(REPO_INDEX_DIR, 'sample');

export interface IndexChoice {
  dir: string;
  /** True when neither --index nor FAHRAS_INDEX chose it. */
  isDefault: boolean;
}

export function resolveIndexDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): IndexChoice {
  if (option) return { dir: path.resolve(cwd, option), isDefault: false };
  if (env.FAHRAS_INDEX) return { dir: path.resolve(cwd, env.FAHRAS_INDEX), isDefault: false };
  return { dir: path.resolve(cwd, 'index-data'), isDefault: true };
}

/** The repository's own default index folder, which may be seeded from the bundled sample. */
export function isRepoDefaultIndex(choice: IndexChoice): boolean {
  return choice.isDefault && path.resolve(choice.dir) === REPO_INDEX_DIR;
}
