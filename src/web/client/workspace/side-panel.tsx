import * as Tabs from "@radix-ui/react-tabs";
import { AssetLibrary } from "./asset-library.tsx";
import { FilesPanel } from "./files-panel.tsx";
import { JobsPanel } from "./jobs-panel.tsx";
import type { useUploadQueue } from "./use-upload-queue.ts";

const tabClass =
  "flex-1 rounded-md px-2 py-1.5 text-sm text-stone-400 data-[state=active]:bg-stone-800 data-[state=active]:text-stone-100";

/** The side panel: files (upload), the asset library, and jobs, as tabs. */
export function SidePanel(props: {
  projectId: string;
  uploads: ReturnType<typeof useUploadQueue>;
  onPickFiles: () => void;
  tab: string;
  onTabChange: (tab: string) => void;
}) {
  return (
    <Tabs.Root value={props.tab} onValueChange={props.onTabChange} className="flex min-h-0 flex-1 flex-col">
      <Tabs.List aria-label="Project panels" className="flex gap-1 border-b border-stone-800 p-2">
        <Tabs.Trigger value="files" className={tabClass}>
          Files
        </Tabs.Trigger>
        <Tabs.Trigger value="library" className={tabClass}>
          Library
        </Tabs.Trigger>
        <Tabs.Trigger value="jobs" className={tabClass}>
          Jobs
        </Tabs.Trigger>
      </Tabs.List>
      <div className="min-h-0 flex-1 overflow-y-auto p-3">
        <Tabs.Content value="files">
          <FilesPanel projectId={props.projectId} uploads={props.uploads} onPickFiles={props.onPickFiles} />
        </Tabs.Content>
        <Tabs.Content value="library">
          <AssetLibrary projectId={props.projectId} />
        </Tabs.Content>
        <Tabs.Content value="jobs">
          <JobsPanel projectId={props.projectId} />
        </Tabs.Content>
      </div>
    </Tabs.Root>
  );
}
