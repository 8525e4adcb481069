/** What the reader chose for the mock per operation (`METHOD /path/template`): a status and a named example. */
export interface MockChoice {
  code?: string;
  example?: string;
}

const choices = new Map<string, MockChoice>();

export function setMockChoice(method: string, path: string, choice: MockChoice): void {
  choices.set(`${method.toUpperCase()} ${path}`, choice);
}

export function getMockChoice(method: string, path: string): MockChoice {
  return choices.get(`${method.toUpperCase()} ${path}`) ?? {};
}

function templateMatches(template: string, path: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}$`).test(path);
}

/** The `Prefer` header for a request to the mock, from the choice made for the operation its path matches. */
export function preferHeaderFor(method: string, path: string): string | undefined {
  for (const [key, choice] of choices) {
    const [chosenMethod, template] = [key.slice(0, key.indexOf(" ")), key.slice(key.indexOf(" ") + 1)];
    if (chosenMethod !== method.toUpperCase() || !templateMatches(template, path)) continue;
    const parts = [choice.code ? `code=${choice.code}` : null, choice.example ? `example=${choice.example}` : null].filter(Boolean);
    return parts.length ? parts.join(", ") : undefined;
  }
  return undefined;
}
