import { buildApp } from "./app.ts";
import { readSettings } from "./settings.ts";

const settings = readSettings();
const { app } = await buildApp(settings);
await app.listen({ host: "0.0.0.0", port: settings.port });
