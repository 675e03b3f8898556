import { UI_CONTENT_SECURITY_POLICY } from '../../../../src/node/app/content-security-policy';

test('the UI policy is exactly this', () => {
  expect(UI_CONTENT_SECURITY_POLICY).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
      "media-src 'self' blob:; worker-src blob:; connect-src 'self'; " +
      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
});

test('no unsafe source anywhere, and no origin but the page’s own', () => {
  expect(UI_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|file:|plenum:/);
});
