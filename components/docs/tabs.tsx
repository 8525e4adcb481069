"use client";

import { Children, isValidElement, useId, useRef, useState, type KeyboardEvent, type ReactElement, type ReactNode } from "react";

/** One panel of <Tabs>: its label names the tab. */
export function Tab({ children }: { label: string; children: ReactNode }) {
  return <>{children}</>;
}

/**
 * Tabs for the docs (a reference implementation in several languages), per the WAI-ARIA tabs pattern:
 * arrow keys, Home and End move between tabs; every panel stays in the page (hidden), so search and
 * printing still find the code.
 */
export function Tabs({ children }: { children: ReactNode }) {
  const tabs = Children.toArray(children).filter((child): child is ReactElement<{ label: string; children: ReactNode }> => isValidElement(child));
  const [selected, setSelected] = useState(0);
  const id = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const wrapped = (next + tabs.length) % tabs.length;
    setSelected(wrapped);
    buttons.current[wrapped]?.focus();
  };
  return (
    <div className="my-4">
      <div role="tablist" className="flex gap-1 border-b border-slate-200 dark:border-slate-700">
        {tabs.map((tab, index) => (
          <button
            key={tab.props.label}
            ref={(button) => {
              buttons.current[index] = button;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            aria-selected={index === selected}
            aria-controls={`${id}-panel-${index}`}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => setSelected(index)}
            onKeyDown={(event) => move(event, index)}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${
              index === selected
                ? "border-teal-700 text-teal-800 dark:border-teal-400 dark:text-teal-300"
                : "border-transparent text-slate-600 dark:text-slate-400"
            }`}
          >
            {tab.props.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, index) => (
        <div key={tab.props.label} role="tabpanel" id={`${id}-panel-${index}`} aria-labelledby={`${id}-tab-${index}`} hidden={index !== selected}>
          {tab.props.children}
        </div>
      ))}
    </div>
  );
}
