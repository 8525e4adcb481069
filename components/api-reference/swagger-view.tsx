"use client";

import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";

/**
 * Swagger UI itself. It touches `window` on import, so it is only ever loaded in the browser, through
 * next/dynamic with ssr:false (see api-reference.tsx). It sanitises the Markdown in descriptions.
 */
export default function SwaggerView({ spec }: { spec: object }) {
  return <SwaggerUI spec={spec} deepLinking docExpansion="list" defaultModelsExpandDepth={0} tryItOutEnabled={false} />;
}
