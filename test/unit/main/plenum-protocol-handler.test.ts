import { createPlenumProtocolHandler } from '../../../main/scheme/plenum-protocol-handler';

function setUp() {
  const ui = jest.fn(async (_request: Request) => new Response('ui'));
  const media = jest.fn(async (_request: Request) => new Response('media'));
  return { ui, media, handler: createPlenumProtocolHandler({ ui, media }) };
}

test('plenum://app goes to the UI', async () => {
  const { handler, ui, media } = setUp();
  expect(await (await handler(new Request('plenum://app/index.html'))).text()).toBe('ui');
  expect(ui).toHaveBeenCalledTimes(1);
  expect(media).not.toHaveBeenCalled();
});

test('plenum://media goes to the media handler untouched', async () => {
  const { handler, media } = setUp();
  const request = new Request('plenum://media/h/seg-1.m4s', { headers: { Range: 'bytes=0-99' } });
  expect(await (await handler(request)).text()).toBe('media');
  expect(media.mock.calls[0]?.[0]).toBe(request);
});

test('plenum://app/media/... (same origin as the UI) reaches the media handler as plenum://media/..., Range kept', async () => {
  const { handler, media, ui } = setUp();
  const response = await handler(
    new Request('plenum://app/media/h/film.m3u8?x=1', { method: 'HEAD', headers: { Range: 'bytes=5-' } }),
  );
  expect(await response.text()).toBe('media');
  const forwarded = media.mock.calls[0]?.[0];
  expect(forwarded?.url).toBe('plenum://media/h/film.m3u8?x=1');
  expect(forwarded?.method).toBe('HEAD');
  expect(forwarded?.headers.get('range')).toBe('bytes=5-');
  expect(ui).not.toHaveBeenCalled();
});

test('any other host is a 404 that reaches neither handler', async () => {
  const { handler, ui, media } = setUp();
  for (const url of ['plenum://evil/index.html', 'plenum://localhost/', 'plenum://app.media/x']) {
    expect((await handler(new Request(url))).status).toBe(404);
  }
  expect(ui).not.toHaveBeenCalled();
  expect(media).not.toHaveBeenCalled();
});
