"use client";

import { usePathname } from "next/navigation";
import { useId, useRef, useState, type ReactNode } from "react";

interface DisclosureProps {
  /** The button's text, e.g. "Menu". */
  label: string;
  buttonClassName: string;
  /** How the open panel is displayed below the breakpoint. */
  panelDisplay: "flex" | "block";
  /** The panel's layout. It must show the panel from the breakpoint up (`md:flex`, `lg:block`), where the button is hidden. */
  panelClassName: string;
  children: ReactNode;
}

/**
 * Content that wide screens always show and narrow ones put behind a button (the header's menu, the
 * docs sidebar on a phone). It closes again on navigation and on Escape, returning focus to the button.
 */
export function Disclosure({ label, buttonClassName, panelDisplay, panelClassName, children }: DisclosureProps) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link inside closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {label}
      </button>
      <div
        id={panelId}
        className={`${open ? panelDisplay : "hidden"} ${panelClassName}`}
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !open) return;
          setOpenOn(null);
          button.current?.focus();
        }}
      >
        {children}
      </div>
    </>
  );
}
