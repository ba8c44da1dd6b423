/** Where the browser reads a project file's bytes (images, videos, LUTs). */
export function fileContentUrl(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}/content`;
}
