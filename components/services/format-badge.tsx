import { Badge } from "@/components/ui/badge";
import { specFormatNames, type SpecFormat } from "@/lib/openapi/spec-format";

export function FormatBadge({ format }: { format: SpecFormat }) {
  return <Badge tone="blue">{specFormatNames[format]}</Badge>;
}
