import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

// ajv is not a dependency of ours: it is the copy electron-builder (app-builder-lib) itself validates with,
// hoisted to node_modules/ajv. If a future electron-builder stops bringing it, add ajv as a devDependency.
const root = join(__dirname, '../../..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(
  readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;

test('electron-builder.yml is valid under electron-builder’s own schema', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const valid = validate(config);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
});

test('the schema check catches a misspelt key', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  expect(validate({ ...config, npmRebuilt: true })).toBe(false);
});

test('targets, native rebuild and unpacked binaries', () => {
  expect(config).toMatchObject({
    linux: { target: ['AppImage', 'deb'] },
    win: { target: ['nsis'] },
    mac: { target: ['dmg'] },
    npmRebuild: true,
  });
  expect(config['asarUnpack']).toEqual([
    'node_modules/@ffmpeg-installer/**',
    'node_modules/@ffprobe-installer/**',
    'node_modules/dejavu-fonts-ttf/ttf/**',
    'node_modules/better-sqlite3/**',
  ]);
});

test('the fuses close Node, the inspector and loose app files', () => {
  expect(config['electronFuses']).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  });
});
