import { isPlainObject } from "@/lib/openapi/detect-format";
import { httpMethods } from "@/lib/openapi/extract-operations";
import { deref } from "@/lib/openapi/json-pointer";
import { clientManifest, MANIFEST_FILE, type ClientSource } from "./client-manifest";
import { clientServers, clientTitle, commentText, stringLiteral, type ClientFiles } from "./client-files";
import { exampleCall } from "./example-call";
import { PYTHON_RUNTIME } from "./python/python-runtime";
import { docComment, PythonModels, renderType, type TypeText } from "./python/python-models";
import { className, fieldName, snakeName, unique } from "./python/python-names";

type Json = Record<string, unknown>;
type Place = "path" | "query" | "header";

interface Parameter {
  name: string;
  json: string;
  place: Place;
  required: boolean;
  type: TypeText;
}

/** The Python package name of a service's client: `payments-api` → `payments_api_client`. */
export function pythonPackage(service: string): string {
  return `${snakeName(service, "service").replace(/_+$/, "")}_client`;
}

const JSON_MEDIA = /^application\/(.+\+)?json\b/i;

/** The media type a body is sent as, and its schema: JSON first, then form-encoded. */
function bodyContent(content: unknown): { mediaType: string; schema: unknown } | null {
  if (!isPlainObject(content)) return null;
  const entries = Object.entries(content);
  const chosen = entries.find(([type]) => JSON_MEDIA.test(type)) ?? entries.find(([type]) => type === "application/x-www-form-urlencoded") ?? entries[0];
  if (!chosen) return null;
  return { mediaType: chosen[0], schema: isPlainObject(chosen[1]) ? chosen[1].schema : undefined };
}

/**
 * A Python client of one version, written by Wayfinder (no npm package writes typed Python): a
 * dataclass per object schema (`models.py`), a `Client` with one typed method per operation
 * (`client.py`), the standard library for HTTP (`_runtime.py`), `py.typed`, and the manifest.
 * Everything the document says reaches the sources as string literals or one-line docstrings.
 */
export function generatePythonClient(document: Json, source: ClientSource): ClientFiles {
  const models = new PythonModels(document);
  const resolve = (value: unknown) => deref(document, value);
  const methodNames = new Set<string>(["call", "transport"]);
  const methods: string[] = [];
  // `METHOD /path` → the method's name and its parameters' argument names, as written (for the README's call).
  const written = new Map<string, { name: string; args: Map<string, string> }>();
  const paths = isPlainObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = resolve(rawItem);
    if (!isPlainObject(item)) continue;
    for (const method of httpMethods) {
      const operation = item[method];
      if (!isPlainObject(operation)) continue;
      const operationId = typeof operation.operationId === "string" ? operation.operationId : null;
      const name = unique(snakeName(operationId ?? `${method}_${path}`, "call"), methodNames);
      const hint = className(operationId ?? `${method} ${path}`);
      // Parameters: the path item's, overridden by the operation's of the same name and place.
      const byKey = new Map<string, Json>();
      for (const list of [item.parameters, operation.parameters]) {
        if (!Array.isArray(list)) continue;
        for (const raw of list) {
          const parameter = resolve(raw);
          if (isPlainObject(parameter) && typeof parameter.name === "string" && ["path", "query", "header"].includes(String(parameter.in)))
            byKey.set(`${String(parameter.in)} ${parameter.name}`, parameter);
        }
      }
      const argumentNames = new Set<string>(["body"]);
      const parameters: Parameter[] = [...byKey.values()].map((parameter) => ({
        name: unique(fieldName(snakeName(String(parameter.name), "param"), new Set()), argumentNames),
        json: String(parameter.name),
        place: parameter.in as Place,
        required: parameter.in === "path" || parameter.required === true,
        type: models.typeOf(parameter.schema, `${hint}${className(String(parameter.name))}`, 0),
      }));
      const requestBody = resolve(operation.requestBody);
      const body = isPlainObject(requestBody) ? bodyContent(requestBody.content) : null;
      const bodyRequired = isPlainObject(requestBody) && requestBody.required === true;
      const bodyType = body ? (body.schema === undefined ? "_t.Any" : models.typeOf(body.schema, `${hint}Body`, 0)) : null;
      // The answer: the first 2xx response with a body (JSON first).
      const responses = isPlainObject(operation.responses) ? operation.responses : {};
      let answer: TypeText = "None";
      for (const [code, raw] of Object.entries(responses)) {
        if (!/^2(\d\d|XX)$/i.test(code)) continue;
        const response = resolve(raw);
        const content = isPlainObject(response) ? bodyContent(response.content) : null;
        if (content) {
          answer = JSON_MEDIA.test(content.mediaType) && content.schema !== undefined ? models.typeOf(content.schema, `${hint}Response`, 0) : "_t.Any";
          break;
        }
      }
      written.set(`${method.toUpperCase()} ${path}`, {
        name,
        args: new Map(parameters.map((parameter) => [`${parameter.place} ${parameter.json}`, parameter.name])),
      });
      const signature = ["self"];
      const positional = parameters.filter((parameter) => parameter.place === "path");
      const keywords = parameters.filter((parameter) => parameter.place !== "path");
      for (const parameter of positional) signature.push(`${parameter.name}: ${renderType(parameter.type, "_models.")}`);
      if (keywords.length || bodyType) signature.push("*");
      if (bodyType) {
        const type = renderType(bodyType, "_models.");
        signature.push(bodyRequired ? `body: ${type}` : `body: ${type === "_t.Any" ? type : `${type} | None`} = None`);
      }
      for (const parameter of keywords) {
        const type = renderType(parameter.type, "_models.");
        signature.push(
          parameter.required
            ? `${parameter.name}: ${type}`
            : `${parameter.name}: ${type === "_t.Any" || type.endsWith("| None") ? type : `${type} | None`} = None`,
        );
      }
      const group = (place: Place) =>
        `{${parameters
          .filter((parameter) => parameter.place === place)
          .map((parameter) => `${stringLiteral(parameter.json)}: ${parameter.name}`)
          .join(", ")}}`;
      const summary = typeof operation.summary === "string" ? operation.summary : typeof operation.description === "string" ? operation.description : "";
      const returns = renderType(answer, "_models.");
      const call = `self.transport.call(${stringLiteral(method.toUpperCase())}, ${stringLiteral(path)}, ${group("path")}, ${group("query")}, ${group("header")}${
        bodyType ? `, body, ${stringLiteral(body!.mediaType)}` : ""
      })`;
      methods.push(
        "",
        `    def ${name}(${signature.join(", ")}) -> ${returns}:`,
        `        ${docComment(`${method.toUpperCase()} ${path}${summary ? `: ${summary}` : ""}`)}`,
        answer === "None"
          ? `        ${call}`
          : answer === "_t.Any"
            ? `        return ${call}`
            : `        return _t.cast(${stringLiteral(returns)}, _runtime.decode(_MODELS, ${stringLiteral(renderType(answer))}, ${call}))`,
      );
    }
  }
  const title = clientTitle(document, source);
  const servers = clientServers(document);
  const pkg = pythonPackage(source.service);
  const client = `"""The client of ${docComment(title).slice(3, -3)}. Generated by Wayfinder from ${source.service} ${commentText(source.version)} (revision ${source.revision})."""
from __future__ import annotations

import typing as _t
from collections.abc import Mapping

from . import _runtime
from . import models as _models

# The models by name, for decoding answers. Taken once: mypy types each use of a module as a value with
# every name the module holds; written in each method, it took mypy 33.6 s and 1.2 GB on Stripe's client, not 2.9 s.
_MODELS: dict[str, _t.Any] = vars(_models)

SERVERS: tuple[str, ...] = (${servers.map((server) => `${stringLiteral(server)},`).join(" ")})


class Client:
    """One method per operation; each answer decoded into the contract's types. Raises _runtime.ApiError on a non-2xx status."""

    def __init__(self, base_url: str = ${stringLiteral(servers[0] ?? "")}, headers: Mapping[str, str] | None = None, timeout: float = 30.0) -> None:
        self.transport = _runtime.Transport(base_url, headers, timeout)
${methods.join("\n")}
`;
  const example = exampleCall(document);
  const exampleLine = example
    ? (() => {
        const call = written.get(`${example.method} ${example.path}`)!;
        const args = Object.entries(example.params).flatMap(([place, values]) =>
          Object.entries(values).map(([key, value]) => {
            const text = typeof value === "string" ? stringLiteral(value) : typeof value === "boolean" ? (value ? "True" : "False") : String(value);
            return place === "path" ? text : `${call.args.get(`${place} ${key}`)}=${text}`;
          }),
        );
        return `print(client.${call.name}(${args.join(", ")}))`;
      })()
    : null;
  const readme = `# ${title}: Python client

Generated by Wayfinder from ${source.service} ${source.version} (revision ${source.revision}) at ${source.portal}/services/${source.service}.
Python 3.10 or later, no dependencies: dataclasses for the models, urllib for HTTP. Type-checks with \`mypy --strict\`.

\`\`\`python
from ${pkg} import Client

client = Client()  # base_url defaults to the document's first server${servers[0] ? ` (${servers[0]})` : ""}; headers={"Authorization": "Bearer …"}
${exampleLine ?? "# one method per operation: see client.py"}
\`\`\`

\`${MANIFEST_FILE}\` lists the operations this client was generated for; \`wayfinder consumes --from-client <dir> --service <your service>\`
declares them as your service's use of ${source.service}.
`;
  const pyproject = `[project]
name = ${stringLiteral(pkg.replace(/_/g, "-"))}
version = "0.0.0"
description = ${stringLiteral(`Python client of ${title}, generated by Wayfinder`)}
requires-python = ">=3.10"
dependencies = []
`;
  return {
    [`${pkg}/__init__.py`]: `"""${docComment(title).slice(3, -3)}: a typed client generated by Wayfinder."""\nfrom . import models\nfrom ._runtime import ApiError, DecodeError\nfrom .client import SERVERS, Client\n\n__all__ = ["ApiError", "Client", "DecodeError", "SERVERS", "models"]\n`,
    [`${pkg}/client.py`]: client,
    [`${pkg}/models.py`]: models.source(`Models of ${docComment(title).slice(3, -3)}, generated by Wayfinder.`),
    [`${pkg}/_runtime.py`]: PYTHON_RUNTIME,
    [`${pkg}/py.typed`]: "",
    "pyproject.toml": pyproject,
    "README.md": readme,
    [MANIFEST_FILE]: `${JSON.stringify(clientManifest(document, source, "python", "wayfinder"), null, 2)}\n`,
  };
}
