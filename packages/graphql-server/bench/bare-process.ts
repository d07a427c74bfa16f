// The ceiling: a bare node:http server in its own process, answering every
// request with the bytes the parent last gave it (the answer of the case
// being compared), with the same content type. It reads the request body
// first, as a real server must.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { usage, type FromBare, type ToBare } from './protocol.js';

let body = Buffer.from('{}');
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  const send = (message: FromBare) => process.send!(message);
  send({ type: 'listening', base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  process.on('message', (message: ToBare) => {
    if (message.type === 'usage') return send(usage(message.id));
    body = Buffer.from(message.body);
    send({ type: 'body', id: message.id });
  });
});
process.on('disconnect', () => process.exit(0));
