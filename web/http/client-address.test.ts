import { describe, expect, it } from 'vitest';
import { rateLimitedNetwork } from './client-address.ts';

describe('the address a rate limit counts', () => {
  it('is an IPv4 address itself, written as IPv6 or not', () => {
    expect(rateLimitedNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitedNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it("is an IPv6 client's /64, however it writes its address", () => {
    expect(rateLimitedNetwork('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(rateLimitedNetwork('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitedNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitedNetwork('::1')).toBe('0:0:0:0::/64');
  });

  it('leaves what is not an address as it is', () => {
    expect(rateLimitedNetwork('unknown')).toBe('unknown');
  });
});
