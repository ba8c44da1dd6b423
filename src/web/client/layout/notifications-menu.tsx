import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { keys, useNotifications } from "../hooks/queries.ts";
import { api } from "../lib/api.ts";
import { formatWhen } from "../lib/format.ts";
import { navigate } from "../lib/router.ts";
import type { StudioNotification } from "../lib/types.ts";

/** The notifications center: a bell with the unread count, fed by the event stream. */
export function NotificationsMenu() {
  const queryClient = useQueryClient();
  const notifications = useNotifications();
  const list = notifications.data ?? [];
  const unread = list.filter((notification) => !notification.readAt).length;

  const markAllRead = async () => {
    const now = new Date().toISOString();
    queryClient.setQueryData<StudioNotification[] | null>(keys.notifications, (current) =>
      current?.map((notification) => ({ ...notification, readAt: notification.readAt ?? now })),
    );
    await api("/api/notifications/read-all", { method: "POST" }).catch(() => undefined);
  };

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="relative rounded p-2 text-stone-300 hover:bg-stone-800"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
      >
        <Bell size={18} aria-hidden />
        {unread > 0 ? (
          <span className="absolute top-0.5 right-0.5 min-w-4 rounded-full bg-amber-500 px-1 text-center text-[10px] leading-4 font-bold text-stone-950">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 w-[min(22rem,calc(100vw-1rem))] rounded-lg border border-stone-700 bg-stone-900 p-1 text-stone-100 shadow-xl"
        >
          <div className="flex items-center justify-between px-2 py-1.5">
            <DropdownMenu.Label className="text-sm font-semibold">Notifications</DropdownMenu.Label>
            {unread > 0 ? (
              <DropdownMenu.Item
                className="cursor-pointer rounded px-1.5 py-0.5 text-xs text-amber-400 outline-none data-[highlighted]:bg-stone-800"
                onSelect={(event) => {
                  event.preventDefault();
                  void markAllRead();
                }}
              >
                Mark all read
              </DropdownMenu.Item>
            ) : null}
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-stone-800" />
          {notifications.data === null ? (
            <p className="px-2 py-3 text-sm text-stone-400">Notifications arrive here when jobs finish.</p>
          ) : list.length === 0 ? (
            <p className="px-2 py-3 text-sm text-stone-400">Nothing new. Finished jobs will show up here.</p>
          ) : (
            <div className="max-h-80 overflow-y-auto">
              {list.slice(0, 30).map((notification) => (
                <DropdownMenu.Item
                  key={notification.id}
                  className="flex cursor-pointer flex-col gap-0.5 rounded px-2 py-2 text-sm outline-none data-[highlighted]:bg-stone-800"
                  onSelect={() => {
                    const projectId = notification.data.projectId;
                    if (typeof projectId === "string") navigate(`/projects/${projectId}`);
                  }}
                >
                  <span className="flex items-center gap-2">
                    {!notification.readAt ? (
                      <span className="size-2 rounded-full bg-amber-500">
                        <span className="sr-only">Unread:</span>
                      </span>
                    ) : null}
                    <span className="font-medium">{notification.title}</span>
                    {notification.count > 1 ? (
                      <span className="text-xs text-stone-400">×{notification.count}</span>
                    ) : null}
                  </span>
                  {notification.body ? <span className="text-stone-400">{notification.body}</span> : null}
                  <span className="text-xs text-stone-500">{formatWhen(notification.createdAt)}</span>
                </DropdownMenu.Item>
              ))}
            </div>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
