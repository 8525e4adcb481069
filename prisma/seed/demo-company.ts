import type { ServiceInput } from "@/lib/services/service-input";
import type { TeamInput } from "@/lib/teams/team-input";
import type { ConsumesFile } from "@/lib/consumers/consumption-input";

/**
 * Tidewater Outfitters, a fictional outdoor-gear retailer written for Wayfinder's demo: its teams,
 * its services, and for each service the API descriptions (files in ./specs) in the order they were
 * published. Every document here was written by this project.
 */
export const demoTeams: TeamInput[] = [
  {
    slug: "payments",
    name: "Payments",
    description: "Takes the money: card and wallet payments, refunds and chargebacks.",
    chatChannel: "#team-payments",
    email: "payments@tidewater.example",
    onCallUrl: "https://tidewater.pagerduty.example/schedules/payments",
  },
  {
    slug: "identity",
    name: "Identity",
    description: "Accounts, sign-in and the tokens every service trusts.",
    chatChannel: "#team-identity",
    email: "identity@tidewater.example",
    onCallUrl: "https://tidewater.pagerduty.example/schedules/identity",
  },
  {
    slug: "commerce",
    name: "Commerce",
    description: "Baskets and orders, from checkout to delivery.",
    chatChannel: "#team-commerce",
    email: "commerce@tidewater.example",
    onCallUrl: "https://tidewater.pagerduty.example/schedules/commerce",
  },
  {
    slug: "catalogue",
    name: "Catalogue",
    description: "Products, their copy in every language, and prices.",
    chatChannel: "#team-catalogue",
    email: "catalogue@tidewater.example",
    onCallUrl: "https://tidewater.pagerduty.example/schedules/catalogue",
  },
  {
    slug: "fulfilment",
    name: "Fulfilment",
    description: "Warehouses, stock and getting parcels out of the door.",
    chatChannel: "#team-fulfilment",
    email: "fulfilment@tidewater.example",
    onCallUrl: "https://tidewater.pagerduty.example/schedules/fulfilment",
  },
  {
    slug: "platform",
    name: "Platform",
    description: "Shared infrastructure, notifications, feature flags and the developer portal.",
    chatChannel: "#team-platform",
    email: "platform@tidewater.example",
    onCallUrl: "https://tidewater.pagerduty.example/schedules/platform",
  },
  {
    slug: "data",
    name: "Data",
    description: "Event collection, the warehouse and reporting.",
    chatChannel: "#team-data",
    email: "data@tidewater.example",
    onCallUrl: "https://tidewater.pagerduty.example/schedules/data",
  },
];

/** Each team's maintainers: the people a service page names under "who to ask". */
export const demoMaintainers: Record<string, { name: string; email: string }[]> = {
  payments: [
    { name: "Amara Okafor", email: "amara.okafor@tidewater.example" },
    { name: "Jonas Lindqvist", email: "jonas.lindqvist@tidewater.example" },
  ],
  identity: [{ name: "Priya Raman", email: "priya.raman@tidewater.example" }],
  commerce: [
    { name: "Diego Alvarez", email: "diego.alvarez@tidewater.example" },
    { name: "Mei Tanaka", email: "mei.tanaka@tidewater.example" },
  ],
  catalogue: [{ name: "Sophie Martin", email: "sophie.martin@tidewater.example" }],
  fulfilment: [{ name: "Kwame Mensah", email: "kwame.mensah@tidewater.example" }],
  platform: [
    { name: "Ingrid Bauer", email: "ingrid.bauer@tidewater.example" },
    { name: "Tomás Ferreira", email: "tomas.ferreira@tidewater.example" },
  ],
  data: [{ name: "Hana Kim", email: "hana.kim@tidewater.example" }],
};

export interface DemoService extends ServiceInput {
  /** Files under prisma/seed/specs, oldest first; the literal "wayfinder" means Wayfinder's own document. */
  specs: string[];
  /** Its event API's documents (AsyncAPI), files under prisma/seed/events, oldest first. */
  events?: string[];
  /** The APIs it consumes (declared before the providers' later versions are published, so their changes name it). */
  consumes?: ConsumesFile["consumes"];
}

const repo = (name: string) => `https://git.tidewater.example/${name}`;
const links = (slug: string) => [
  { kind: "runbook" as const, label: "Runbook", url: `https://runbooks.tidewater.example/${slug}` },
  { kind: "dashboard" as const, label: "Dashboard", url: `https://grafana.tidewater.example/d/${slug}` },
];

export const demoServices: DemoService[] = [
  {
    slug: "payments-api",
    name: "Payments API",
    lifecycle: "production",
    tier: 1,
    tags: ["payments", "pci", "public"],
    description: "Authorises and captures card and wallet payments for orders, and refunds them. Idempotent writes throughout.",
    repositoryUrl: repo("payments/payments-api"),
    links: links("payments-api"),
    primaryOwner: "payments",
    specs: ["payments-api.v1.0.0.yaml", "payments-api.v1.1.0.yaml"],
  },
  {
    slug: "chargeback-desk",
    name: "Chargeback Desk",
    lifecycle: "experimental",
    tier: 3,
    tags: ["payments", "internal"],
    description: "Internal tool for the payments operations desk to review chargebacks and submit evidence.",
    repositoryUrl: repo("payments/chargeback-desk"),
    primaryOwner: "payments",
    specs: ["refunds-worker.yaml"],
    consumes: [{ api: "payments-api" }],
  },
  {
    slug: "identity-api",
    name: "Identity API",
    lifecycle: "production",
    tier: 1,
    tags: ["auth", "public"],
    description: "Customer and staff accounts, OAuth 2 tokens and the JWKS that every service verifies tokens with.",
    repositoryUrl: repo("identity/identity-api"),
    links: links("identity-api"),
    primaryOwner: "identity",
    specs: ["identity-api.yaml"],
  },
  {
    slug: "legacy-accounts",
    name: "Legacy Accounts",
    lifecycle: "deprecated",
    tier: 2,
    tags: ["auth", "legacy"],
    description: "The pre-2024 account store, kept for the returns desk until it moves to the Identity API.",
    repositoryUrl: repo("identity/legacy-accounts"),
    primaryOwner: "identity",
    specs: ["legacy-accounts.yaml"],
    // Pinned to the 0.x payments contract it was built against: 1.x changes pass it by.
    consumes: [{ api: "payments-api", versions: "<1" }],
  },
  {
    slug: "storefront-web",
    name: "Storefront",
    lifecycle: "production",
    tier: 1,
    tags: ["web", "public"],
    description:
      "The shop customers see: browsing, basket and checkout. A web front end with no API of its own; it consumes the catalogue, orders and payments.",
    repositoryUrl: repo("commerce/storefront-web"),
    links: links("storefront-web"),
    primaryOwner: "commerce",
    specs: [],
    consumes: [
      { api: "catalog-api", versions: "^1" },
      { api: "orders-api", operations: ["createOrder", "getOrder"] },
      { api: "payments-api", versions: "^1", operations: ["createPayment", "getPayment"], fields: ["amount", "currency", "status"] },
    ],
  },
  {
    slug: "orders-api",
    name: "Orders API",
    lifecycle: "production",
    tier: 1,
    tags: ["orders", "public"],
    description: "Places and tracks customer orders from basket to delivery; the Payments team co-owns the payment states.",
    repositoryUrl: repo("commerce/orders-api"),
    links: links("orders-api"),
    primaryOwner: "commerce",
    otherOwners: ["payments"],
    specs: ["orders-api.json"],
    events: ["orders-events.yaml"],
    consumes: [
      { api: "payments-api", versions: "^1", operations: ["createPayment", "capturePayment", "getPayment"] },
      { api: "inventory-service", operations: ["createReservation", "releaseReservation"] },
      { api: "shipping-rates", operations: ["getRates"] },
    ],
  },
  {
    slug: "catalog-api",
    name: "Product Catalog API",
    lifecycle: "production",
    tier: 2,
    tags: ["catalogue", "public"],
    description: "Products, variants and their descriptions in every storefront language, with change webhooks.",
    repositoryUrl: repo("catalogue/catalog-api"),
    links: links("catalog-api"),
    primaryOwner: "catalogue",
    specs: ["catalog-api.yaml"],
  },
  {
    slug: "pricing-engine",
    name: "Pricing Engine",
    lifecycle: "experimental",
    tier: 2,
    tags: ["catalogue", "pricing"],
    description: "Prices baskets with promotions, bundles and regional VAT. Pre-1.0: expect breaking changes.",
    repositoryUrl: repo("catalogue/pricing-engine"),
    primaryOwner: "catalogue",
    otherOwners: ["commerce"],
    specs: ["pricing-engine.yaml"],
    consumes: [{ api: "catalog-api", operations: ["getProduct", "listCategories"] }],
  },
  {
    slug: "inventory-service",
    name: "Inventory Service",
    lifecycle: "production",
    tier: 1,
    tags: ["fulfilment", "stock"],
    description: "Stock levels per warehouse and the reservations held for open orders.",
    repositoryUrl: repo("fulfilment/inventory"),
    links: links("inventory-service"),
    primaryOwner: "fulfilment",
    specs: ["inventory-service.yaml"],
    events: ["inventory-events.yaml"],
  },
  {
    slug: "shipping-rates",
    name: "Shipping Rates",
    lifecycle: "deprecated",
    tier: 3,
    tags: ["fulfilment", "legacy"],
    description: "Carrier rates for a parcel. Replaced by the delivery options of the Orders API; switched off at the end of 2026.",
    repositoryUrl: repo("fulfilment/shipping-rates"),
    primaryOwner: "fulfilment",
    specs: ["shipping-rates.yaml"],
  },
  {
    slug: "warehouse-scanner-gateway",
    name: "Warehouse Scanner Gateway",
    lifecycle: "retired",
    tier: 4,
    tags: ["fulfilment", "legacy"],
    description: "Received barcode scans from the Rotterdam warehouse's handhelds; retired in favour of the scan event stream.",
    primaryOwner: "fulfilment",
    specs: ["warehouse-gateway.yaml"],
    consumes: [{ api: "inventory-service", operations: ["getStock"] }],
  },
  {
    slug: "notifications-api",
    name: "Notifications API",
    lifecycle: "production",
    tier: 2,
    tags: ["messaging", "internal"],
    description: "Sends email, SMS and push messages from templates, honouring each customer's preferences.",
    repositoryUrl: repo("platform/notifications"),
    links: links("notifications-api"),
    primaryOwner: "platform",
    specs: ["notifications-api.yaml"],
    consumes: [{ api: "orders-api", operations: ["listOrderEvents"] }],
  },
  {
    slug: "feature-flags",
    name: "Feature Flags",
    lifecycle: "experimental",
    tier: 3,
    tags: ["platform", "internal"],
    description: "Manages feature flags for gradual roll-outs; SDKs evaluate them locally.",
    repositoryUrl: repo("platform/feature-flags"),
    primaryOwner: "platform",
    specs: ["feature-flags.yaml"],
  },
  {
    slug: "analytics-events",
    name: "Analytics Events Collector",
    lifecycle: "production",
    tier: 3,
    tags: ["data", "events"],
    description: "Collects storefront and app events in batches for the data warehouse.",
    repositoryUrl: repo("data/events-collector"),
    links: links("analytics-events"),
    primaryOwner: "data",
    specs: ["analytics-events.yaml"],
    consumes: [{ api: "orders-api" }],
  },
  {
    slug: "wayfinder",
    name: "Wayfinder",
    lifecycle: "production",
    tier: 3,
    tags: ["platform", "developer-experience"],
    description: "This developer portal: the catalogue of services, teams and API descriptions. Try its API right here.",
    links: [{ kind: "docs", label: "OpenAPI document", url: "http://localhost:3000/api/v1/openapi.json" }],
    primaryOwner: "platform",
    specs: ["wayfinder"],
  },
];
