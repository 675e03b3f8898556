import { UI_CONTENT_SECURITY_POLICY } from '../../../main/security/content-security-policy';

test('the UI policy is exactly this', () => {
  expect(UI_CONTENT_SECURITY_POLICY).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: plenum://media; " +
      "media-src 'self' blob: plenum://media; worker-src blob:; connect-src 'self' plenum://media; " +
      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  );
});

test('no unsafe source anywhere', () => {
  expect(UI_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|file:/);
});
