import { describe, expect, it } from 'vitest';
import { redactUrl, requestLogSerializer } from '../../src/errors/redact.js';

describe('request URLs in logs', () => {
  it('blanks the citizen secret and other credentials, keeping the rest', () => {
    expect(redactUrl('/attachments/4f1c?tenant=quang-tri&secret=s3cr3t-value')).toBe('/attachments/4f1c?tenant=quang-tri&secret=[redacted]');
    expect(redactUrl('/x?secret=a&b=1&api_key=k&token=t#frag')).toBe('/x?secret=[redacted]&b=1&api_key=[redacted]&token=[redacted]#frag');
    expect(redactUrl('/graphql?tenant=cao-lanh')).toBe('/graphql?tenant=cao-lanh');
    // A GraphQL GET carries the secret inline or in its variables.
    const get = `/graphql?tenant=quang-tri&query=${encodeURIComponent('{ trackReport(trackingCode: "QT-1", secret: "s3cr3t") { __typename } }')}&variables=${encodeURIComponent('{"secret":"s3cr3t"}')}`;
    expect(redactUrl(get)).toBe('/graphql?tenant=quang-tri&query=[redacted]&variables=[redacted]');
    expect(redactUrl('/uploads/eyJhbGciOiJIUzI1NiJ9.abc.def/preview?tenant=x')).toBe('/uploads/[redacted]/preview?tenant=x');
    expect(redactUrl('/uploads')).toBe('/uploads');
    // A signed attachment link opens one file for minutes: its signature is not logged either (the expiry, ten digits, reads as a number).
    expect(redactUrl('/attachments/4f1c?tenant=quang-tri&expires=1772420400&signature=AbC_d-e')).toBe('/attachments/4f1c?tenant=quang-tri&expires=[number]&signature=[redacted]');
  });

  it('redacts phone numbers and e-mail addresses written into a URL', () => {
    expect(redactUrl('/search?q=0912%20345%20678')).not.toContain('345');
    expect(redactUrl('/search?q=0912345678&who=dan@example.com')).toBe('/search?q=[number]&who=[email]');
  });

  it('is what the request log serializer writes', () => {
    expect(requestLogSerializer({ method: 'GET', url: '/attachments/1?secret=abc', id: 'r1' })).toEqual({ method: 'GET', url: '/attachments/1?secret=[redacted]', reqId: 'r1' });
  });
});
