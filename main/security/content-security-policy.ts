import { contentSecurityPolicy } from '../../src/node/app/content-security-policy';
import { MEDIA_ORIGIN } from '../scheme/plenum-scheme';

/** The Content-Security-Policy sent as a header on every UI response (the shared policy, plus plenum://media). */
export const UI_CONTENT_SECURITY_POLICY = contentSecurityPolicy([MEDIA_ORIGIN]);
