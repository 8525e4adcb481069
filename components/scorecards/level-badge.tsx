import { Badge, type BadgeTone } from "@/components/ui/badge";

/** A scorecard level as a badge; the tone follows the level's position, not its name, so renamed levels keep working. */
export function LevelBadge({ level, rank }: { level: string | null; rank: number }) {
  const tones: BadgeTone[] = ["slate", "amber", "blue", "green", "violet"];
  return <Badge tone={tones[Math.min(rank, tones.length - 1)]}>{level ?? "No level yet"}</Badge>;
}
