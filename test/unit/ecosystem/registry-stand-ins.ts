/**
 * Local stand-ins for the three places IPT Plan is published to, so the real publishing clients
 * (`npm publish`, `vsce publish`, `ovsx publish`) can run to the end offline and the tests can see
 * what each one would upload. Each answers only the requests its client makes on a first publish,
 * as the real service documents them, and records the upload:
 * - the npm registry: GET of the packument (404: a new package), then PUT of the new packument with
 *   the version's manifest and the tarball as a base64 attachment;
 * - the Visual Studio Marketplace (vsce, through azure-devops-node-api): OPTIONS /_apis/gallery (the
 *   area's resource locations: route templates by location id), GET of the extension (404: new),
 *   POST of the .vsix to /_apis/gallery/extensions;
 * - Open VSX (ovsx): POST of the .vsix to /api/-/publish?token=….
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Upload {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface StandIn {
  url: string;
  uploads: Upload[];
  close(): Promise<void>;
}

type Handler = (request: Upload, response: ServerResponse) => void;

async function serve(handle: Handler): Promise<StandIn> {
  const uploads: Upload[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
      if (received.body.length > 0) uploads.push(received);
      handle(received, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the stand-in has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    uploads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(value));
}

/** The npm registry for a package it has never seen. */
export function npmRegistry(): Promise<StandIn> {
  return serve((request, response) => {
    if (request.method === 'GET') json(response, 404, { error: 'Not found' });
    else if (request.method === 'PUT') json(response, 201, { ok: true });
    else json(response, 405, { error: `${request.method} is not handled by this stand-in` });
  });
}

/** The ids azure-devops-node-api's GalleryApi asks for (getExtension, createExtension) and their routes. */
const galleryLocations = [
  { id: 'e11ea35a-16fe-4b80-ab11-c4cab88a0966', routeTemplate: '_apis/{area}/publishers/{publisherName}/extensions/{extensionName}' },
  { id: 'a41192c8-9525-4b58-bc86-179fa549d80d', routeTemplate: '_apis/{area}/{resource}/{extensionId}' },
].map((l) => ({ ...l, area: 'gallery', resourceName: 'extensions', minVersion: '1.0', maxVersion: '7.2', releasedVersion: '7.1', resourceVersion: 2 }));

/** The Visual Studio Marketplace, for an extension it has never seen. */
export function marketplace(): Promise<StandIn> {
  return serve((request, response) => {
    const path = request.url.split('?')[0];
    if (request.method === 'OPTIONS' && path === '/_apis/gallery') json(response, 200, { count: galleryLocations.length, value: galleryLocations });
    else if (request.method === 'GET' && /^\/_apis\/gallery\/publishers\/[^/]+\/extensions\/[^/]+$/.test(path)) json(response, 404, { message: 'Extension not found' });
    else if (request.method === 'POST' && path === '/_apis/gallery/extensions') {
      json(response, 200, { extensionName: 'stand-in', publisher: { publisherName: 'stand-in' }, versions: [{ version: '0.0.0' }] });
    } else json(response, 404, { message: `${request.method} ${path} is not handled by this stand-in` });
  });
}

/** Open VSX, accepting any token; it answers with the namespace, name and version it was sent (the test reads them from the upload). */
export function openVsx(answer: { namespace: string; name: string; version: string }): Promise<StandIn> {
  return serve((request, response) => {
    const path = request.url.split('?')[0];
    if (request.method === 'POST' && path === '/api/-/publish') json(response, 201, { ...answer, targetPlatform: 'universal' });
    else json(response, 404, { error: `${request.method} ${path} is not handled by this stand-in` });
  });
}
