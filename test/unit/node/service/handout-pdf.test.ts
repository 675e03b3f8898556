import { join } from 'node:path';
import {
  createPlenumService,
  type PlenumService,
  type ServiceDeps,
} from '../../../../src/node/service/plenum-service';
import { openStore } from '../../../../src/node/store';
import { useTempDir } from '../../../support/temp-dir';

const tempDir = useTempDir();
const services: PlenumService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close().catch(() => undefined);
});

function start(extra: Partial<ServiceDeps> = {}): PlenumService {
  const service = createPlenumService({
    store: openStore(join(tempDir(), 'plenum.sqlite')),
    version: '0.1.0',
    demo: null,
    mediaBase: (handle) => `/media/${handle}/`,
    ...extra,
  });
  services.push(service);
  return service;
}

describe('handout.savePdf', () => {
  it('without a native dialog (the loopback host) tells the window to print itself', async () => {
    expect(await start().dispatch('handout.savePdf', { name: 'demo-students' })).toEqual({
      ok: true,
      value: { kind: 'print' },
    });
  });

  it('with one, saves under the suggested name with .pdf, or reports a cancel', async () => {
    const asked: string[] = [];
    let answer = true;
    const service = start({
      savePdf: async (name) => {
        asked.push(name);
        return answer;
      },
    });
    expect(await service.dispatch('handout.savePdf', { name: 'demo-run-sheet' })).toEqual({
      ok: true,
      value: { kind: 'saved' },
    });
    answer = false;
    expect(await service.dispatch('handout.savePdf', { name: 'demo-run-sheet' })).toEqual({
      ok: true,
      value: { kind: 'cancelled' },
    });
    expect(asked).toEqual(['demo-run-sheet.pdf', 'demo-run-sheet.pdf']);
  });

  it('refuses a name that could climb out of the folder or hide an extension', async () => {
    const service = start({ savePdf: async () => true });
    for (const name of ['../etc/passwd', 'a/b', 'x.exe', '', 'A-capital', 'x'.repeat(121)]) {
      const result = await service.dispatch('handout.savePdf', { name });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments', channel: 'handout.savePdf' },
      });
    }
  });

  it('a failed write is an error the window words, not a crash', async () => {
    const service = start({
      savePdf: async () => {
        throw new Error('EACCES');
      },
    });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await service.dispatch('handout.savePdf', { name: 'demo-students' })).toEqual({
      ok: false,
      error: { code: 'internal' },
    });
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });
});
