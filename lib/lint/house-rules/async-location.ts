import { sameHeader, type HouseRule } from "./house-rule";

/** Long work answers `202 Accepted` with a `Location` header pointing at its status resource. */
export const asyncLocation: HouseRule = {
  name: "async-location",
  pattern: "/docs/patterns/async-work",
  rule: () => ({
    Response: {
      enter(response: { headers?: Record<string, unknown> }, { key, report, location }) {
        if (String(key) !== "202") return;
        if (!Object.keys(response.headers ?? {}).some((name) => sameHeader(name, "Location")))
          report({ message: "`202 Accepted` without a `Location` header for the work's status.", location: location.key() });
      },
    },
  }),
};
