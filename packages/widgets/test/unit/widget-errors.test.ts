import { NetworkError, ServerError } from '@paht/client-sdk';
import { describe, expect, it } from 'vitest';
import { langOf, WidgetErrorCode, widgetErrorCodeOf } from '@paht/widgets';

describe('widgetErrorCodeOf: what a request threw, as a paht-error code', () => {
  it.each([
    [new ServerError('…', { code: 'INVALID_API_KEY', statusCode: 401 }), WidgetErrorCode.INVALID_API_KEY],
    [new ServerError('…', { code: 'ORIGIN_NOT_ALLOWED', statusCode: 403 }), WidgetErrorCode.ORIGIN_NOT_ALLOWED],
    [new ServerError('…', { code: 'SECRET_KEY_IN_BROWSER', statusCode: 403 }), WidgetErrorCode.SECRET_KEY_IN_BROWSER],
    [new ServerError('…', { code: 'TENANT_MISMATCH', statusCode: 403 }), WidgetErrorCode.TENANT_MISMATCH],
    [new ServerError('…', { code: 'TENANT_NOT_FOUND', statusCode: 404 }), WidgetErrorCode.TENANT_NOT_FOUND],
    [new ServerError('…', { code: 'RATE_LIMITED', statusCode: 429 }), WidgetErrorCode.RATE_LIMITED],
    [new NetworkError('No answer', { code: 'NETWORK_ERROR' }), WidgetErrorCode.NETWORK],
    [new ServerError('…', { code: 'INTERNAL_SERVER_ERROR', statusCode: 500 }), WidgetErrorCode.SERVER],
    [new ServerError('…', { code: 'BAD_RESPONSE', statusCode: 502 }), WidgetErrorCode.SERVER],
    // A server code that only the page can cause is never taken from an answer.
    [new ServerError('…', { code: 'NO_ENDPOINT' }), WidgetErrorCode.SERVER],
    [new TypeError('boom'), WidgetErrorCode.SERVER],
  ])('%s → %s', (error, code) => {
    expect(widgetErrorCodeOf(error)).toBe(code);
  });
});

describe('langOf: a widget follows the page language', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['', 'vi'],
    ['english', 'vi'],
    [undefined, 'vi'],
  ])('%s → %s', (lang, expected) => {
    expect(langOf(lang)).toBe(expected);
  });
});
