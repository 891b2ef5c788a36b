import { touchpointOpenApi } from '@/lib/api/openapi';

const openApiDocument = touchpointOpenApi();

/** GET /api/v1/openapi.json: public, the same for everyone, so it is built once. */
export function GET() {
  return Response.json(openApiDocument);
}
