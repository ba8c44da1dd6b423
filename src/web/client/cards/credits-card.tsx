import { Coins } from "lucide-react";
import { AppLink } from "../components/app-link.tsx";
import { CardFrame } from "./card-frame.tsx";
import { hasKeys, type ToolCardProps } from "./card-types.ts";
import { GenericToolCard } from "./generic-tool-card.tsx";

/** `get-credits`: the balance, with a link to the history. */
export function CreditsCard(props: ToolCardProps) {
  if (!hasKeys(props.output, "balance")) return <GenericToolCard {...props} />;
  return (
    <CardFrame icon={<Coins size={15} />} title="Credits">
      <p className="text-2xl font-semibold">{String(props.output.balance)}</p>
      <AppLink href="/credits" className="text-xs text-amber-400 hover:underline">
        See the history
      </AppLink>
    </CardFrame>
  );
}
