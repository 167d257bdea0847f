import { describe, expect, it } from 'vitest';
import { withTrailingSlash } from '../../../server/billing/upstream.js';

describe("a billing's web root, as the ISP writes it", () => {
  it('ends in a slash, so that each call is a path under it and no PHP host redirects', () => {
    expect(withTrailingSlash('https://billing.isp.example/carbon').href).toBe('https://billing.isp.example/carbon/');
    expect(withTrailingSlash('https://billing.isp.example/carbon/').href).toBe('https://billing.isp.example/carbon/');
    expect(new URL('api.php', withTrailingSlash('https://billing.isp.example:8443/ubilling')).href).toBe('https://billing.isp.example:8443/ubilling/api.php');
  });

  it('keeps no query or fragment that would travel with every call', () => {
    expect(withTrailingSlash('http://10.0.0.5/billing?debug=1#top').href).toBe('http://10.0.0.5/billing/');
  });
});
