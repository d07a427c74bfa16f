import type { FastifyReply } from 'fastify';
import { notFound } from './open311-error.js';
import { toOpen311Xml } from './open311-xml.js';

/** The two formats of the standard: XML (required) and JSON. */
export const ResponseFormat = { JSON: 'json', XML: 'xml' } as const;
export type ResponseFormat = (typeof ResponseFormat)[keyof typeof ResponseFormat];

const CONTENT_TYPE: Record<ResponseFormat, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** Splits a path segment such as `ROADS.json` into the name and the format; 404 for another extension. */
export function splitFormat(segment: string): { name: string; format: ResponseFormat } {
  const dot = segment.lastIndexOf('.');
  const extension = dot < 0 ? '' : segment.slice(dot + 1).toLowerCase();
  if (dot <= 0 || (extension !== 'json' && extension !== 'xml')) {
    throw notFound('Đường dẫn cần đuôi .json hoặc .xml / the path must end in .json or .xml');
  }
  return { name: segment.slice(0, dot), format: extension };
}

/**
 * Sends an answer: the JSON value as is, or its XML under `root` (see
 * `toOpen311Xml`).
 */
export function sendOpen311(reply: FastifyReply, format: ResponseFormat, root: string, value: unknown, status = 200): FastifyReply {
  reply.code(status).header('content-type', CONTENT_TYPE[format]);
  return reply.send(format === 'xml' ? toOpen311Xml(root, value) : JSON.stringify(value));
}
