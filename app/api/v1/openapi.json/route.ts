import { ingestionOpenApi } from '@/lib/api/openapi';

const openApiDocument = ingestionOpenApi();

/** GET /api/v1/openapi.json: public, the same for everyone, so it is built once. */
export function GET() {
  return Response.json(openApiDocument);
}
