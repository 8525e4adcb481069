"use client";

import { useEffect, useSyncExternalStore } from "react";

type Theme = "light" | "dark";

const currentTheme = (): Theme => (document.documentElement.classList.contains("dark") ? "dark" : "light");

/** The theme is the `dark` class on <html>; watching it keeps every toggle in step. */
function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

const STORAGE_KEY = "wayfinder-theme";

/**
 * Sets the theme on <html>: `dark` for Tailwind's dark variant, `dark-mode` for Swagger UI's own
 * dark theme (its stylesheet keys it on `html.dark-mode`), so the API reference follows too.
 */
function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle("dark", theme === "dark");
  document.documentElement.classList.toggle("dark-mode", theme === "dark");
}

/** The stored choice, or the system's preference when there is none. */
function preferredTheme(): Theme {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === "dark" || stored === "light") return stored;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Switches between light and dark; the choice is kept in localStorage (see themeScript). */
export function ThemeToggle() {
  const theme: Theme = useSyncExternalStore(subscribeToTheme, currentTheme, () => "light");
  const next: Theme = theme === "dark" ? "light" : "dark";
  // The inline script sets the theme before first paint; this applies it again once React has
  // hydrated (recovering from a hydration error re-creates <html>'s attributes) and follows the
  // system's preference while no choice is stored.
  useEffect(() => {
    const apply = () => applyTheme(preferredTheme());
    apply();
    const media = matchMedia("(prefers-color-scheme: dark)");
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, []);
  return (
    <button
      type="button"
      className="rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      aria-label={`Switch to ${next} theme`}
      onClick={() => {
        applyTheme(next);
        localStorage.setItem(STORAGE_KEY, next);
      }}
    >
      {/* The word only where the header has room; the button's name says it everywhere. */}
      <span aria-hidden>{theme === "dark" ? "☀︎" : "☾"}</span>
      <span aria-hidden className="xl:hidden 2xl:inline">
        {" "}
        {theme === "dark" ? "Light" : "Dark"}
      </span>
    </button>
  );
}

/** Runs before first paint so the page never flashes the wrong theme. */
export const themeScript = `try{var t=localStorage.getItem("wayfinder-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark","dark-mode")}catch(e){}`;
