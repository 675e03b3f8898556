import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { outsideAsar } from './asar-path';
import { MediaError } from './media-error';

/** Absolute paths (or bare PATH names) of the two tools the media pipeline runs. */
export interface MediaTools {
  ffmpeg: string;
  ffprobe: string;
}

/** The tools we look for, by their command name. */
export type MediaToolName = keyof MediaTools;

/**
 * Finds ffmpeg and ffprobe: the static builds shipped by the npm packages first (so every machine runs the
 * same, known version), then whatever `ffmpeg`/`ffprobe` is on PATH. Throws MediaError('tool-missing').
 */
export function findMediaTools(env: NodeJS.ProcessEnv = process.env): MediaTools {
  return {
    ffmpeg: resolveMediaTool('ffmpeg', packageBinary('ffmpeg'), env),
    ffprobe: resolveMediaTool('ffprobe', packageBinary('ffprobe'), env),
  };
}

/** Picks `packagePath` when it is an executable file, else `name` from PATH; exported for tests. */
export function resolveMediaTool(
  name: MediaToolName,
  packagePath: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (packagePath !== undefined) {
    const unpacked = outsideAsar(packagePath);
    if (isExecutableFile(unpacked)) return unpacked;
  }
  const onPath = findOnPath(name, env);
  if (onPath !== undefined) return onPath;
  throw new MediaError(
    'tool-missing',
    `${name} not found: the npm package's binary is missing or not executable` +
      `${packagePath === undefined ? '' : ` (${packagePath})`}, and there is no ${name} on PATH`,
  );
}

/** The npm package's binary path, or undefined when the package is absent or refuses to load. */
function packageBinary(name: MediaToolName): string | undefined {
  try {
    // Loaded lazily and synchronously: both packages throw at load time (even plain strings) when their
    // platform binary is missing, and that must become a fallback, not a crash at import.
    /* eslint-disable @typescript-eslint/no-require-imports */
    const loaded: unknown =
      name === 'ffmpeg' ? require('@ffmpeg-installer/ffmpeg') : require('@ffprobe-installer/ffprobe');
    /* eslint-enable @typescript-eslint/no-require-imports */
    if (
      typeof loaded === 'object' &&
      loaded !== null &&
      'path' in loaded &&
      typeof loaded.path === 'string'
    ) {
      return loaded.path;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * A small PATH search, hand-written because it is a dozen lines and `which` is not a direct dependency.
 * On Windows it tries each PATHEXT extension, as the shell would.
 */
function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((dir) => dir !== '');
  const extensions =
    process.platform === 'win32'
      ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e !== '')
      : [''];
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    // X_OK is meaningless on Windows (it only checks existence there), which is what we want.
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
