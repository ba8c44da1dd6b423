import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "../lib/router.ts";

/** A link that moves inside the app without reloading, and still opens in a new tab on Ctrl/Cmd-click. */
export function AppLink({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0)
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
