import { OAuth2Redirect } from "@/components/api-reference/oauth2-redirect";

export const metadata = { title: "Signing in to the API" };

/** Where an OAuth 2 provider sends the browser back to after Authorize (authorization code with PKCE). */
export default function OAuth2RedirectPage() {
  return <OAuth2Redirect />;
}
