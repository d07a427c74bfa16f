import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { hashPassword, withTenant } from '@paht/core';
import { buildApp } from '@paht/graphql-server';
import { createClient, type PahtClient } from '@paht/client-sdk';
import type { FastifyInstance } from 'fastify';
import { createFixtureTenant, type FixtureTenant } from '../../../core/test/support/fixture-tenant.js';
import { openTestDatabase, testContext, type TestDatabase } from '../../../core/test/support/test-database.js';
import { ACCEPT, ASSIGN, CLASSIFY, PUBLISH, RESOLVE } from './staff-documents.js';

// The Open311 GeoReport v2 façade over real HTTP: every answer validated
// against the standard's JSON Schemas (copies in test/fixtures/open311),
// XML parsed back to the same values, refusals typed and harmless.

const MONDAY_9AM = new Date('2026-03-02T02:00:00Z');
const PASSWORD = 'mat-khau-thu-nghiem-2026';
const CONTACT = /0912|84912345678|dan@example|Nguyễn|Văn Dân/;

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/open311/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

// The schemas use `format: uid` (Swagger's), which no validator knows.
const ajv = new Ajv({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
ajv.addFormat('uid', true);
for (const name of ['request.json', 'service.json', 'service-definition.json', 'requests.json', 'services.json']) ajv.addSchema(fixture(name), name);
const swagger = fixture('swagger.json') as { definitions: Record<string, object> };
const validators: Record<string, ValidateFunction> = {
  requests: ajv.getSchema('requests.json')!,
  services: ajv.getSchema('services.json')!,
  definition: ajv.getSchema('service-definition.json')!,
  created: ajv.compile({ type: 'array', minItems: 1, items: swagger.definitions.RequestResponse }),
  token: ajv.compile({ type: 'array', minItems: 1, items: swagger.definitions.TokenResponse }),
};
function valid(kind: keyof typeof validators, value: unknown): void {
  const validate = validators[kind]!;
  const ok = validate(value);
  expect(ok ? [] : validate.errors).toEqual([]);
}

const xml = new XMLParser({ parseTagValue: false });

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let t: FixtureTenant;
let app: FastifyInstance;
let base: string;

async function get(path: string) {
  const response = await fetch(`${base}/open311/v2${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

async function postForm(path: string, fields: Record<string, string>) {
  const response = await fetch(`${base}/open311/v2${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

const reportCount = () => tdb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports').then((rows) => rows[0]!.n);

const citizenPost = (extra: Record<string, string> = {}) => ({
  jurisdiction_id: 'o311',
  service_code: 'ROADS',
  lat: '16.8163',
  long: '107.1003',
  address_string: '120 Hùng Vương, Đông Hà',
  description: 'Ổ gà sâu khoảng 20cm trước số nhà 120, xe máy dễ té ngã vào ban đêm.',
  first_name: 'Văn Dân',
  last_name: 'Nguyễn',
  phone: '0912 345 678',
  email: 'dan@example.com',
  ...extra,
});

async function signedIn(email: string): Promise<PahtClient> {
  const client = createClient({ endpoint: `${base}/graphql`, tenant: 'o311' });
  const result = await client.signIn(email, PASSWORD);
  if (result.__typename !== 'SignInSuccess') throw new Error(result.message);
  return client.withToken(result.token);
}

beforeAll(async () => {
  tdb = await openTestDatabase();
  ctx = testContext(tdb.db, MONDAY_9AM);
  t = await createFixtureTenant(ctx, 'o311', 'OS');
  await createFixtureTenant(ctx, 'o311-other', 'OO');
  const passwordHash = await hashPassword(PASSWORD);
  await withTenant(ctx.db, t.tenantId, (tx) => tx.staffUser.updateMany({ data: { passwordHash } }));
  app = await buildApp({ core: ctx });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

describe('Open311 GeoReport v2', () => {
  it('validates with schemas that can fail', () => {
    expect(validators.requests!([{ service_request_id: 'OS-1', status: 'pending', service_code: 'ROADS', requested_datetime: 'x' }])).toBe(false);
    expect(validators.services!([{ service_code: 'ROADS' }])).toBe(false);
  });

  it('describes itself in discovery, in JSON and XML', async () => {
    const json = await get('/discovery.json');
    expect(json.status).toBe(200);
    const discovery = JSON.parse(json.text);
    expect(discovery.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${base}/open311/v2`, formats: ['text/xml', 'application/json'] });
    const asXml = await get('/discovery.xml');
    expect(asXml.type).toMatch(/^text\/xml/);
    expect(xml.parse(asXml.text).discovery.endpoints.endpoint.url).toBe(`${base}/open311/v2`);
  });

  it('lists the public categories as services, never the private one', async () => {
    const json = await get('/services.json?jurisdiction_id=o311');
    expect(json.status).toBe(200);
    const services = JSON.parse(json.text);
    valid('services', services);
    expect(services.map((s: { service_code: string }) => s.service_code)).toEqual(['ROADS']);
    expect(services[0]).toMatchObject({ service_name: 'Giao thông', metadata: false, type: 'realtime' });

    const asXml = xml.parse((await get('/services.xml?jurisdiction_id=o311')).text);
    expect(asXml.services.service).toMatchObject({ service_code: 'ROADS', service_name: 'Giao thông', metadata: 'false' });

    const definition = await get('/services/ROADS.json?jurisdiction_id=o311');
    valid('definition', JSON.parse(definition.text));
    const hidden = await get('/services/MISCONDUCT.json?jurisdiction_id=o311');
    expect(hidden.status).toBe(404);
    expect(JSON.parse(hidden.text)).toEqual([{ code: 404, description: expect.stringContaining('service_code') }]);
  });

  it('files a request from a form post, then serves it by id, in the list and by token, without contact data', async () => {
    const before = await reportCount();
    const created = await postForm('/requests.json', citizenPost());
    expect(created.status).toBe(200);
    const answer = JSON.parse(created.text);
    valid('created', answer);
    const id: string = answer[0].service_request_id;
    expect(id).toMatch(/^OS-\d{3}-\d{3}-\d{3}$/);
    expect(await reportCount()).toBe(before + 1);

    const one = await get(`/requests/${id}.json?jurisdiction_id=o311`);
    const requests = JSON.parse(one.text);
    valid('requests', requests);
    expect(requests).toEqual([
      expect.objectContaining({ service_request_id: id, status: 'open', service_code: 'ROADS', lat: 16.8163, long: 107.1003, address: '120 Hùng Vương, Đông Hà' }),
    ]);
    expect(requests[0].requested_datetime).toMatch(/\+07:00$/);
    // The Swagger file's singular path answers too.
    expect(JSON.parse((await get(`/request/${id}.json?jurisdiction_id=o311`)).text)).toEqual(requests);

    // Moderation first: listed once the IOC has classified it.
    const unlisted = JSON.parse((await get('/requests.json?jurisdiction_id=o311&status=open')).text);
    expect(unlisted.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    const reportId = (await tdb.db.query<{ id: string }>('SELECT id FROM reports WHERE tracking_code = $1', [id]))[0]!.id;
    const operator = await signedIn('ioc@example.gov.vn');
    expect((await operator.request(CLASSIFY, { id: reportId, categoryId: t.roadsCategoryId })).result).toMatchObject({ status: 'CLASSIFIED' });
    const list = await get('/requests.json?jurisdiction_id=o311&status=open');
    const listed = JSON.parse(list.text);
    valid('requests', listed);
    expect(listed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);

    const token = JSON.parse((await get(`/tokens/${id}.json?jurisdiction_id=o311`)).text);
    valid('token', token);
    expect(token).toEqual([{ service_request_id: id, token: id }]);

    const asXml = await get(`/requests/${id}.xml?jurisdiction_id=o311`);
    expect(asXml.type).toMatch(/^text\/xml/);
    expect(xml.parse(asXml.text).service_requests.request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'ROADS' });

    for (const body of [one.text, list.text, asXml.text]) expect(body).not.toMatch(CONTACT);
  });

  it('maps our states onto open and closed, with the answer as status notes', async () => {
    const created = JSON.parse((await postForm('/requests.json', citizenPost())).text);
    const code: string = created[0].service_request_id;
    const { id } = (await tdb.db.query<{ id: string }>('SELECT id FROM reports WHERE tracking_code = $1', [code]))[0]!;
    const operator = await signedIn('ioc@example.gov.vn');
    const officer = await signedIn('officer@example.gov.vn');
    expect((await operator.request(CLASSIFY, { id, categoryId: t.roadsCategoryId })).result).toMatchObject({ status: 'CLASSIFIED' });
    expect((await operator.request(ASSIGN, { id, unitId: t.roadsUnitId })).result).toMatchObject({ status: 'ASSIGNED' });
    const unit = officer;
    expect((await unit.request(ACCEPT, { id })).result).toMatchObject({ status: 'ACCEPTED' });
    expect(JSON.parse((await get(`/requests/${code}.json?jurisdiction_id=o311`)).text)[0]).toMatchObject({ status: 'open', agency_responsible: expect.any(String) });
    expect((await unit.request(RESOLVE, { id, answer: 'Đã vá ổ gà ngày 03/3.' })).result).toMatchObject({ status: 'RESOLVED' });
    expect((await operator.request(PUBLISH, { id })).result).toMatchObject({ status: 'PUBLISHED' });
    const done = JSON.parse((await get(`/requests/${code}.json?jurisdiction_id=o311`)).text);
    valid('requests', done);
    expect(done[0]).toMatchObject({ status: 'closed', status_notes: 'Đã vá ổ gà ngày 03/3.' });
    const closed = JSON.parse((await get('/requests.json?jurisdiction_id=o311&status=closed')).text);
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([code]);
  });

  it('refuses bad requests with the standard error list, creating nothing', async () => {
    const before = await reportCount();
    const noPhone = await postForm('/requests.json', citizenPost({ phone: '' }));
    expect(noPhone.status).toBe(400);
    expect(JSON.parse(noPhone.text)).toEqual([{ code: 400, description: expect.stringContaining('phone') }]);
    const privateService = await postForm('/requests.xml', citizenPost({ service_code: 'MISCONDUCT' }));
    expect(privateService.status).toBe(400);
    expect(xml.parse(privateService.text).errors.error.code).toBe('400');
    const badLat = await postForm('/requests.json', citizenPost({ lat: 'north' }));
    expect(badLat.status).toBe(400);
    const mismatch = await fetch(`${base}/open311/v2/services.json?jurisdiction_id=o311`, { headers: { 'x-tenant': 'o311-other' } });
    expect(mismatch.status).toBe(400);
    const unknown = await get('/services.json?jurisdiction_id=nowhere');
    expect(unknown.status).toBe(404);
    const noJurisdiction = await get('/requests.json');
    expect(noJurisdiction.status).toBe(400);
    const badDate = await get('/requests.json?jurisdiction_id=o311&start_date=yesterday');
    expect(JSON.parse(badDate.text)[0].description).toContain('start_date');
    const tooLong = await get('/requests.json?jurisdiction_id=o311&start_date=2025-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z');
    expect(tooLong.status).toBe(400);
    const badFormat = await get('/services.yaml?jurisdiction_id=o311');
    expect(badFormat.status).toBe(404);
    for (const r of [noPhone, privateService, badLat]) expect(r.text).not.toMatch(CONTACT);
    expect(await reportCount()).toBe(before);
  });

  it('keeps tenants apart: another jurisdiction does not see the request', async () => {
    const created = JSON.parse((await postForm('/requests.json', citizenPost())).text);
    const code: string = created[0].service_request_id;
    const elsewhere = await get(`/requests/${code}.json?jurisdiction_id=o311-other`);
    expect(elsewhere.status).toBe(404);
    const list = JSON.parse((await get('/requests.json?jurisdiction_id=o311-other')).text);
    expect(list).toEqual([]);
  });
});
