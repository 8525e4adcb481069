"use client";

import { Fragment, useLayoutEffect, useRef, type ComponentType } from "react";

type AnyProps = Record<string, unknown>;

/**
 * Renders Swagger UI's component, then adjusts its DOM after every render: for the few places where
 * Swagger UI leaves out an accessible name and has no prop to give one. The element stays the same
 * React element, so React never undoes what is set here.
 */
function withDomFix(fix: (root: HTMLElement) => void) {
  return (Original: ComponentType<AnyProps>) =>
    function Fixed(props: AnyProps) {
      const root = useRef<HTMLDivElement>(null);
      useLayoutEffect(() => {
        if (root.current) fix(root.current);
      });
      return (
        <div ref={root} className="contents">
          <Original {...props} />
        </div>
      );
    };
}

const nameSelects = (name: string) => (root: HTMLElement) => {
  for (const select of root.querySelectorAll("select")) if (!select.hasAttribute("aria-label")) select.setAttribute("aria-label", name);
};

/** Each operation's path, as Swagger UI shows it, but without the deep link inside the row's button. */
function OperationSummaryPath({ operationProps }: { operationProps: { toObject(): { deprecated?: boolean; path: string } } }) {
  const { deprecated, path } = operationProps.toObject();
  // Breaks long paths at their slashes, as Swagger UI does.
  const segments = path.split(/(?=\/)/g);
  return (
    <span className={deprecated ? "opblock-summary-path__deprecated" : "opblock-summary-path"} data-path={path}>
      {segments.map((segment, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {segment}
        </Fragment>
      ))}
    </span>
  );
}

/**
 * Fixes what axe-core finds in Swagger UI 5 itself, without hiding anything:
 * - an operation's row is a button, and with deep linking its path is a link inside that button (two
 *   nested controls for a screen reader and for Tab); the path is plain text here, the address still
 *   follows the expanded operation (deep linking updates it on expand);
 * - the server and example selects have no accessible name;
 * - highlighted code scrolls sideways but cannot take focus, so a keyboard could not scroll it;
 * - its layout puts the operations in a second `main` landmark inside the page's own: a region here.
 */
export function accessibilityPlugin() {
  return {
    components: { OperationSummaryPath },
    wrapComponents: {
      BaseLayout: withDomFix((root) => {
        const operations = root.querySelector("main#operations");
        if (operations && !operations.hasAttribute("role")) {
          operations.setAttribute("role", "region");
          operations.setAttribute("aria-label", "Operations");
        }
      }),
      Servers: withDomFix(nameSelects("Server")),
      ExamplesSelect: withDomFix(nameSelects("Example")),
      HighlightCode: withDomFix((root) => {
        for (const code of root.querySelectorAll<HTMLElement>(".microlight")) {
          code.tabIndex = 0;
          if (!code.hasAttribute("aria-label")) code.setAttribute("aria-label", "Code");
        }
      }),
    },
  };
}
