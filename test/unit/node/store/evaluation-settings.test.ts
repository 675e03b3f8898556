import Database from 'better-sqlite3';
import type { Store } from '../../../../src/node/store';
import { useTempDir } from '../../../support/temp-dir';
import { freshStore } from './store-fixture';

// The evaluation address and the closing message in the store: kept as JSON per key like every setting,
// refused unless valid, and a bad value found in the file (typed in by hand) falls back to none.

const tempDir = useTempDir('plenum-store-');
let store: Store;

beforeEach(() => {
  store = freshStore(tempDir());
});
afterEach(() => {
  store.close();
});

describe('the evaluation settings', () => {
  it('start empty, and keep an https address and a message across reopening', () => {
    expect(store.getSettings()).toMatchObject({ evaluationUrl: null, closingMessage: null });
    store.updateSettings({ evaluationUrl: 'https://nettskjema.no/a/123456', closingMessage: '  Takk!  ' });
    const path = store.path;
    store.close();
    store = freshStore(tempDir(), path.split(/[\\/]/).pop());
    // The message is kept trimmed: what the room's screen shows.
    expect(store.getSettings()).toMatchObject({
      evaluationUrl: 'https://nettskjema.no/a/123456',
      closingMessage: 'Takk!',
    });
  });

  it.each([
    'http://nettskjema.no/a/1',
    'ftp://nettskjema.no/',
    'nettskjema.no',
    'https://',
    'data:text/html,x',
  ])('refuses %s and stores nothing', (url) => {
    expect(() => store.updateSettings({ evaluationUrl: url })).toThrow();
    expect(store.getSettings().evaluationUrl).toBeNull();
  });

  it('ignores an address that is not https in the file, falling back to none', () => {
    store.updateSettings({ closingMessage: 'Takk!' });
    const db = new Database(store.path);
    try {
      db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(
        'evaluationUrl',
        JSON.stringify('http://nettskjema.no/a/1'),
      );
    } finally {
      db.close();
    }
    expect(store.getSettings()).toMatchObject({ evaluationUrl: null, closingMessage: 'Takk!' });
  });
});
