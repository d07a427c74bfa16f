import { httpStatusOf, inspectInput, isDomainError, submitReport, DomainErrorCode, type CoreContext } from '@paht/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changesTold, withChangeLog } from '../cache/public-answer-cache.js';
import type { GraphQLContext } from '../context.js';
import { INTERNAL_SERVER_ERROR } from '../errors/format-error.js';
import { describeUnexpected } from '../errors/redact.js';
import { publishSubmitted } from '../live/publish-change.js';
import { identityOf } from '../security/request-identity.js';
import { unsafeInputMessage } from '../security/unsafe-input.js';
import { discoveryDocument } from './discovery.js';
import { findPublicReport } from './find-request.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { listOpen311Requests, parseRequestQuery } from './list-requests.js';
import { badRequest, conflict, invalidSubmission, notFound, Open311Error, type Open311ErrorEntry } from './open311-error.js';
import { listServices, publicCategories, serviceNotice } from './public-services.js';
import { toOpen311Request } from './request-view.js';
import { ResponseFormat, sendOpen311, splitFormat } from './response-format.js';
import { OPEN311_CHANNEL, toSubmitInput } from './submit-request.js';

export interface Open311Options {
  core: CoreContext;
  /** Discovery says `production` rather than `test`. Default false. */
  production?: boolean;
}

const FORMATS = [ResponseFormat.JSON, ResponseFormat.XML] as const;
/** Form posts are small: the largest Open311 field we keep is a 5000-character description. */
const FORM_LIMIT = 64 * 1024;

const params = (request: FastifyRequest): Record<string, unknown> => (request.params ?? {}) as Record<string, unknown>;
const query = (request: FastifyRequest): Record<string, unknown> => (request.query ?? {}) as Record<string, unknown>;
const segment = (request: FastifyRequest) => {
  const file = params(request).file;
  return splitFormat(typeof file === 'string' ? file : '');
};

/**
 * The `Idempotency-Key` header of a POST (not a parameter of the standard):
 * a faithful retry answers the first request again; any other use of the
 * key is refused with 409.
 */
function idempotencyKeyOf(request: FastifyRequest): { idempotencyKey?: string } {
  const header = request.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  return key === undefined ? {} : { idempotencyKey: key };
}
const keyReused = () =>
  conflict('Idempotency-Key này đã dùng cho một yêu cầu khác; hãy gửi khóa mới / this Idempotency-Key was used for a different request; send a new key');

/** The format an error answer takes: that of the path, else JSON. */
const formatOfUrl = (url: string): ResponseFormat => (/\.xml$/i.test(url.split('?')[0] ?? '') ? ResponseFormat.XML : ResponseFormat.JSON);

/**
 * The Open311 GeoReport v2 façade, to register under a prefix
 * (`/open311/v2`): discovery, services, service definitions, requests
 * (list, one, create) and tokens, each as `.json` or `.xml`. Public data
 * only; see docs/open311.md.
 */
export async function open311Plugin(app: FastifyInstance, options: Open311Options): Promise<void> {
  const { core } = options;

  // The standard posts forms; JSON works too (Fastify's own parser).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.setErrorHandler((error: FastifyError | Open311Error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) => sendError(request, reply, notFound('Không có đường dẫn này / no such Open311 endpoint')));
  // Every parameter (query string, form or JSON body) is free of NUL characters and shallow, before any handler reads it.
  app.addHook('preValidation', async (request) => {
    const unsafe = inspectInput({ query: request.query, body: request.body });
    if (unsafe) throw badRequest(unsafeInputMessage(unsafe.problem));
  });

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, async (request, reply) => {
      const base = `${request.protocol}://${request.host}${request.url.replace(/\/discovery\.\w+(\?.*)?$/, '')}`;
      return sendOpen311(reply, format, 'discovery', discoveryDocument(base, options.production ?? false));
    });

    app.get(`/services.${format}`, async (request, reply) => {
      const tenant = await resolveJurisdiction(core, request);
      const services = await listServices(core, tenant, await publicCategories(core, tenant));
      return sendOpen311(reply, format, 'services', services);
    });

    app.get(`/requests.${format}`, async (request, reply) => {
      const tenant = await resolveJurisdiction(core, request);
      const q = parseRequestQuery(query(request), core.now());
      const requests = await listOpen311Requests(core, tenant, await publicCategories(core, tenant), q);
      return sendOpen311(reply, format, 'service_requests', requests);
    });

    app.post(`/requests.${format}`, async (request, reply) => {
      const tenant = await resolveJurisdiction(core, request);
      const categories = await publicCategories(core, tenant);
      const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
      const input = toSubmitInput({ ...query(request), ...body }, categories);
      let submitted;
      try {
        const apiKeyId = identityOf(request)?.apiKey?.keyId ?? null;
        submitted = await submitReport(core, tenant.id, { ...input, ...idempotencyKeyOf(request) }, null, { channel: OPEN311_CHANNEL, apiKeyId });
      } catch (error) {
        if (isDomainError(error) && error.code === DomainErrorCode.VALIDATION) throw invalidSubmission(error.details.fields ?? []);
        if (isDomainError(error) && error.code === DomainErrorCode.CONFLICT) throw keyReused();
        throw error;
      }
      const context = withChangeLog<GraphQLContext>({ core, tenant, staff: null, requestId: String(request.id), log: request.log });
      // Live subscribers hear of it, and the cached public answers it alters are dropped, here and (before
      // this answer leaves) in the other processes, as for `submitReport`.
      publishSubmitted(context, submitted);
      await changesTold(context);
      const category = input.categoryId ? categories.byId.get(input.categoryId) : undefined;
      // Our ids exist at once: no token, the tracking code is the id.
      return sendOpen311(reply, format, 'service_requests', [{ service_request_id: submitted.trackingCode, service_notice: serviceNotice(category) }]);
    });
  }

  app.get('/services/:file', async (request, reply) => {
    const { name, format } = segment(request);
    const tenant = await resolveJurisdiction(core, request);
    const categories = await publicCategories(core, tenant);
    if (!categories.byCode.has(name)) throw notFound('Không có dịch vụ với mã này / no service with this service_code');
    return sendOpen311(reply, format, 'service_definition', { service_code: name, attributes: [] });
  });

  // The wiki's path is requests/{id}; the standard's Swagger file says request/{id}: both answer.
  for (const path of ['/requests/:file', '/request/:file']) {
    app.get(path, async (request, reply) => {
      const { name, format } = segment(request);
      const tenant = await resolveJurisdiction(core, request);
      const report = await findPublicReport(core, tenant, name);
      const categories = await publicCategories(core, tenant);
      return sendOpen311(reply, format, 'service_requests', [toOpen311Request(report, tenant, categories)]);
    });
  }

  // A token is the tracking code itself: requests get their id at once.
  app.get('/tokens/:file', async (request, reply) => {
    const { name, format } = segment(request);
    const tenant = await resolveJurisdiction(core, request);
    const report = await findPublicReport(core, tenant, name);
    return sendOpen311(reply, format, 'service_requests', [{ service_request_id: report.trackingCode, token: name }]);
  });
}

/** Every failure as the standard's error list, with its HTTP status; unexpected ones masked and logged. */
function sendError(request: FastifyRequest, reply: FastifyReply, error: FastifyError | Open311Error): FastifyReply {
  const format = formatOfUrl(request.url);
  if (error instanceof Open311Error) return sendOpen311(reply, format, 'errors', error.errors, error.status);
  const status = error.statusCode;
  if (status && status >= 400 && status < 500) {
    // Fastify's own refusals: unreadable JSON, unsupported body type, body too large.
    const entry: Open311ErrorEntry = { code: status, description: `Yêu cầu không hợp lệ / bad request (${error.code ?? status})` };
    return sendOpen311(reply, format, 'errors', [entry], status);
  }
  request.log.error({ requestId: request.id, error: describeUnexpected(error) }, 'open311 request failed');
  const masked = httpStatusOf(INTERNAL_SERVER_ERROR);
  const entry: Open311ErrorEntry = { code: masked, description: `Lỗi máy chủ, mã yêu cầu ${String(request.id)} / internal server error, request id ${String(request.id)}` };
  return sendOpen311(reply, format, 'errors', [entry], masked);
}
