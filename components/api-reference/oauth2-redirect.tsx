"use client";

import { useEffect, useRef } from "react";

interface OAuthCallback {
  auth: { state?: string; schema: { get(key: string): string }; code?: string; token?: unknown };
  redirectUrl?: string;
  callback(input: { auth: unknown; token?: unknown; isValid: boolean; redirectUrl?: string }): void;
  errCb(error: { authId: string; source: string; level: string; message: string }): void;
}

/**
 * The popup's end of Swagger UI's OAuth 2 flow (what swagger-ui-dist's oauth2-redirect.html does): hand
 * the authorization code, or the error, back to the docs that opened the popup, then close. The state
 * must match the one Swagger UI sent, or nothing is handed over.
 */
export function OAuth2Redirect() {
  const message = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const opener = window.opener as { swaggerUIRedirectOauth2?: OAuthCallback } | null;
    const pending = opener?.swaggerUIRedirectOauth2;
    if (!pending) {
      if (message.current) message.current.textContent = "This page finishes an API sign-in started from the docs; there is none to finish.";
      return;
    }
    const params = new URLSearchParams(window.location.search || window.location.hash.slice(1));
    const flow = pending.auth.schema.get("flow");
    if (params.get("state") !== pending.auth.state) {
      pending.errCb({
        authId: "",
        source: "auth",
        level: "warning",
        message: "The state returned by the authorization server does not match: sign-in was not completed.",
      });
    } else if (params.get("code") && (flow === "accessCode" || flow === "authorizationCode" || flow === "authorization_code")) {
      pending.auth.code = params.get("code")!;
      pending.callback({ auth: pending.auth, redirectUrl: pending.redirectUrl, isValid: true });
    } else if (params.get("error")) {
      pending.errCb({
        authId: "",
        source: "auth",
        level: "error",
        message: `The authorization server refused: ${params.get("error")}${params.get("error_description") ? ` (${params.get("error_description")})` : ""}.`,
      });
    } else {
      pending.errCb({ authId: "", source: "auth", level: "warning", message: "The authorization server sent no code back." });
    }
    window.close();
  }, []);
  return (
    <p ref={message} className="p-6 text-sm">
      Finishing sign-in…
    </p>
  );
}
