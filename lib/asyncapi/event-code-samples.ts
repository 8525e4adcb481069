import { isPlainObject } from "@/lib/openapi/detect-format";
import type { EventOperation } from "./extract-event-api";

/** A server of an event API as samples need it: the protocol and where to connect. */
export interface EventServer {
  name: string;
  protocol: string;
  /** `host:port` (or `host`), server variables filled with their defaults. */
  host: string;
  /** A path after the host (WebSocket servers), "" when none. */
  pathname: string;
}

export interface EventCodeSample {
  /** What it is, for the tab: `kcat`, `mosquitto_pub`, `Node.js (mqtt)`. */
  label: string;
  language: "shell" | "javascript";
  code: string;
}

const fill = (text: string, variables: unknown) =>
  text.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = isPlainObject(variables) ? variables[name] : undefined;
    return isPlainObject(variable) && (typeof variable.default === "string" || typeof variable.default === "number") ? String(variable.default) : whole;
  });

/**
 * The servers of a stored AsyncAPI document, in both versions' shapes: 2.x's `url` (with or without
 * a scheme) and 3.0's `host` + `pathname`, variables filled with their defaults.
 */
export function eventServers(document: Record<string, unknown>): EventServer[] {
  const servers = document.servers;
  if (!isPlainObject(servers)) return [];
  return Object.entries(servers).flatMap(([name, server]) => {
    if (!isPlainObject(server) || typeof server.protocol !== "string") return [];
    const protocol = server.protocol.toLowerCase();
    if (typeof server.host === "string") {
      const pathname = typeof server.pathname === "string" ? fill(server.pathname, server.variables) : "";
      return [{ name, protocol, host: fill(server.host, server.variables), pathname }];
    }
    if (typeof server.url !== "string") return [];
    const url = fill(server.url, server.variables).replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
    const slash = url.indexOf("/");
    return [{ name, protocol, host: slash < 0 ? url : url.slice(0, slash), pathname: slash < 0 ? "" : url.slice(slash) }];
  });
}

const MAX_EXAMPLE_CHARS = 2_000;

/** Single-quoted for a POSIX shell: nothing in it is expanded. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const js = (value: unknown) => JSON.stringify(value);
const hostAndPort = (host: string, port: string) => {
  const match = /^(.*):(\d+)$/.exec(host);
  return match ? { hostname: match[1]!, port: match[2]! } : { hostname: host, port };
};

/**
 * Commands and one Node.js client for an operation, on the first server of each protocol that has a
 * common client (Kafka: kcat and kafkajs; MQTT: mosquitto_sub/pub and mqtt; AMQP 0-9-1: amqp-tools and
 * amqplib; NATS: the nats CLI and nats.js; WebSocket: websocat and ws). The direction is the reader's:
 * what the service sends, a consumer subscribes to; what it receives, a producer publishes, with the
 * message's first example as the payload. Channel parameters (`{streetlightId}`) become the
 * protocol's wildcard when subscribing (MQTT `+`, NATS `*`), and stay for the reader to fill when publishing.
 */
export function eventCodeSamples(servers: EventServer[], operation: Pick<EventOperation, "action" | "channel">, example: unknown): EventCodeSample[] {
  // An example longer than a command line should carry is left for the reader to paste.
  const given = JSON.stringify(example ?? {});
  const payload = given.length > MAX_EXAMPLE_CHARS ? "{}" : given;
  const subscribe = operation.action === "send";
  const seen = new Set<string>();
  const samples: EventCodeSample[] = [];
  for (const server of servers) {
    // `kafka-secure` and `secure-mqtt` are TLS variants of the same protocol (AsyncAPI's bindings say so).
    const protocol = server.protocol.replace(/^secure-|-secure$/g, "");
    if (seen.has(protocol)) continue;
    seen.add(protocol);
    const topic = operation.channel;
    if (protocol === "kafka") {
      samples.push(
        subscribe
          ? { label: "kcat", language: "shell", code: `kcat -b ${shellQuote(server.host)} -t ${shellQuote(topic)} -C -o end` }
          : { label: "kcat", language: "shell", code: `printf '%s\\n' ${shellQuote(payload)} | kcat -b ${shellQuote(server.host)} -t ${shellQuote(topic)} -P` },
        {
          label: "Node.js (kafkajs)",
          language: "javascript",
          code: subscribe
            ? `import { Kafka } from "kafkajs";\n\nconst kafka = new Kafka({ brokers: [${js(server.host)}] });\nconst consumer = kafka.consumer({ groupId: "my-service" });\nawait consumer.connect();\nawait consumer.subscribe({ topic: ${js(topic)} });\nawait consumer.run({ eachMessage: async ({ message }) => console.log(JSON.parse(message.value.toString())) });`
            : `import { Kafka } from "kafkajs";\n\nconst producer = new Kafka({ brokers: [${js(server.host)}] }).producer();\nawait producer.connect();\nawait producer.send({ topic: ${js(topic)}, messages: [{ value: JSON.stringify(${payload}) }] });\nawait producer.disconnect();`,
        },
      );
    } else if (protocol === "mqtt" || protocol === "mqtts") {
      const { hostname, port } = hostAndPort(server.host, protocol === "mqtts" || server.protocol !== protocol ? "8883" : "1883");
      const filter = topic.replace(/\{[^{}]+\}/g, "+");
      samples.push(
        subscribe
          ? { label: "mosquitto_sub", language: "shell", code: `mosquitto_sub -h ${shellQuote(hostname)} -p ${port} -t ${shellQuote(filter)} -v` }
          : {
              label: "mosquitto_pub",
              language: "shell",
              code: `mosquitto_pub -h ${shellQuote(hostname)} -p ${port} -t ${shellQuote(topic)} -m ${shellQuote(payload)}`,
            },
        {
          label: "Node.js (mqtt)",
          language: "javascript",
          code: subscribe
            ? `import mqtt from "mqtt";\n\nconst client = await mqtt.connectAsync(${js(`mqtt://${hostname}:${port}`)});\nclient.on("message", (topic, payload) => console.log(topic, JSON.parse(payload.toString())));\nawait client.subscribeAsync(${js(filter)});`
            : `import mqtt from "mqtt";\n\nconst client = await mqtt.connectAsync(${js(`mqtt://${hostname}:${port}`)});\nawait client.publishAsync(${js(topic)}, JSON.stringify(${payload}));\nawait client.endAsync();`,
        },
      );
    } else if (protocol === "amqp" || protocol === "amqps") {
      const url = `${protocol}://${server.host}${server.pathname}`;
      samples.push(
        subscribe
          ? { label: "amqp-consume", language: "shell", code: `amqp-consume --url=${shellQuote(url)} --queue=${shellQuote(topic)} cat` }
          : {
              label: "amqp-publish",
              language: "shell",
              code: `amqp-publish --url=${shellQuote(url)} --routing-key=${shellQuote(topic)} --body=${shellQuote(payload)}`,
            },
        {
          label: "Node.js (amqplib)",
          language: "javascript",
          code: subscribe
            ? `import amqp from "amqplib";\n\nconst channel = await (await amqp.connect(${js(url)})).createChannel();\nawait channel.assertQueue(${js(topic)});\nawait channel.consume(${js(topic)}, (message) => { console.log(JSON.parse(message.content.toString())); channel.ack(message); });`
            : `import amqp from "amqplib";\n\nconst connection = await amqp.connect(${js(url)});\nconst channel = await connection.createChannel();\nchannel.sendToQueue(${js(topic)}, Buffer.from(JSON.stringify(${payload})));\nawait channel.close();\nawait connection.close();`,
        },
      );
    } else if (protocol === "nats") {
      const url = `nats://${server.host}`;
      const subject = topic.replace(/\{[^{}]+\}/g, "*");
      samples.push(
        subscribe
          ? { label: "nats", language: "shell", code: `nats --server=${shellQuote(url)} sub ${shellQuote(subject)}` }
          : { label: "nats", language: "shell", code: `nats --server=${shellQuote(url)} pub ${shellQuote(topic)} ${shellQuote(payload)}` },
        {
          label: "Node.js (nats)",
          language: "javascript",
          code: subscribe
            ? `import { connect } from "nats";\n\nconst nc = await connect({ servers: ${js(url)} });\nfor await (const message of nc.subscribe(${js(subject)})) console.log(message.json());`
            : `import { connect } from "nats";\n\nconst nc = await connect({ servers: ${js(url)} });\nnc.publish(${js(topic)}, JSON.stringify(${payload}));\nawait nc.drain();`,
        },
      );
    } else if (protocol === "ws" || protocol === "wss") {
      const url = `${protocol}://${server.host}${server.pathname}${topic.startsWith("/") ? topic : ""}`;
      samples.push(
        {
          label: "websocat",
          language: "shell",
          code: subscribe ? `websocat ${shellQuote(url)}` : `printf '%s\\n' ${shellQuote(payload)} | websocat ${shellQuote(url)}`,
        },
        {
          label: "Node.js (ws)",
          language: "javascript",
          code: subscribe
            ? `import WebSocket from "ws";\n\nconst socket = new WebSocket(${js(url)});\nsocket.on("message", (data) => console.log(JSON.parse(data.toString())));`
            : `import WebSocket from "ws";\n\nconst socket = new WebSocket(${js(url)});\nsocket.on("open", () => socket.send(JSON.stringify(${payload})));`,
        },
      );
    }
  }
  return samples;
}
