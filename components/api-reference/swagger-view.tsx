"use client";

import { useMemo, useState } from "react";
import SwaggerUI from "swagger-ui-react";
import "swagger-ui-react/swagger-ui.css";
import "./swagger-theme.css";
import { codeThemePlugin } from "./code-theme";
import { jsonHighlightPlugin } from "./json-highlight";
import { accessibilityPlugin } from "./swagger-accessibility";
import { restoreCredentials, wayfinderPlugins } from "./swagger-plugins";
import type { TryConfig } from "@/lib/try-it/proxy/try-config";
import { realisticBodyExamples } from "@/lib/try-it/samples/body-examples";
import { withBodyExamples, type BodyExamples } from "@/lib/try-it/samples/with-body-examples";
import { tryRequestInterceptor } from "./try-request-interceptor";
import { withMockServer } from "./with-mock-server";

/**
 * Swagger UI itself. It touches `window` on import, so it is only ever loaded in the browser, through
 * next/dynamic with ssr:false (see api-reference.tsx). It sanitises the Markdown in descriptions.
 * Try it out goes to the built-in mock or through the portal's proxy (try-request-interceptor.ts).
 */
export default function SwaggerView({
  spec,
  examples,
  tryConfig,
  expand = "list",
  onReady,
}: {
  spec: Record<string, unknown>;
  /**
   * The request bodies Try it out pre-fills: a small document's from the server, with the page; a large
   * document's slice gets them here (the sampler is in this chunk anyway, for the code samples).
   */
  examples?: BodyExamples;
  tryConfig: TryConfig;
  expand?: "list" | "full";
  /** Called when Swagger UI has drawn the document. */
  onReady?: () => void;
}) {
  // Given as text: swagger-ui-react hands an object to Swagger UI at construction (which deep-copies it
  // and loads it) and then again from its effect, which compares the object with the text Swagger UI
  // keeps and so always finds it changed: every document was parsed and resolved twice. Text is loaded once.
  const document = useMemo(
    () => JSON.stringify(withMockServer(withBodyExamples(spec, examples ?? realisticBodyExamples(spec)), tryConfig, window.location.origin)),
    [spec, examples, tryConfig],
  );
  const plugins = useMemo(() => [wayfinderPlugins(tryConfig.slug), accessibilityPlugin, codeThemePlugin, jsonHighlightPlugin], [tryConfig.slug]);
  const requestInterceptor = useMemo(() => tryRequestInterceptor(tryConfig), [tryConfig]);
  // Swagger UI reads any hash when it starts, takes it for one of its deep links (`#/tag/operation`) and
  // writes its own form back: a page opened at another part's anchor (the event API's
  // `#operation-sendOrderPlaced`) would lose it. It follows deep links only when the hash is one of its own.
  const [deepLinking] = useState(() => !/^#[^/]/.test(window.location.hash));
  return (
    <SwaggerUI
      spec={document}
      deepLinking={deepLinking}
      docExpansion={expand}
      defaultModelsExpandDepth={0}
      tryItOutEnabled={false}
      plugins={plugins as never}
      requestInterceptor={requestInterceptor as never}
      // The curl Swagger UI shows after Execute is the request as written, not as sent through the proxy.
      showMutatedRequest={false}
      persistAuthorization={false}
      oauth2RedirectUrl={`${window.location.origin}/oauth2-redirect`}
      onComplete={(system) => {
        // swagger-ui-react has no initOAuth prop: configureAuth is what initOAuth calls.
        (system as { authActions: { configureAuth(options: object): void } }).authActions.configureAuth({ usePkceWithAuthorizationCodeGrant: true });
        restoreCredentials(system as never, tryConfig.slug, tryConfig.preferMock);
        onReady?.();
      }}
    />
  );
}
