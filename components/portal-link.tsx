"use client";

import Link from "next/link";
import { useSyncExternalStore, type ComponentProps } from "react";
import { prefetchGate } from "./prefetch-gate";

/**
 * next/link whose prefetching waits for the prefetch gate (prefetch-gate.ts): the portal's one link
 * (ESLint refuses next/link elsewhere). Before the gate opens a link navigates as any link does,
 * fetching its route when clicked.
 */
export default function PortalLink({ prefetch, ...props }: ComponentProps<typeof Link>) {
  const open = useSyncExternalStore(prefetchGate.subscribe, prefetchGate.isOpen, () => false);
  return <Link {...props} prefetch={open ? prefetch : false} />;
}
