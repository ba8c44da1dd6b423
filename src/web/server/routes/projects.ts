import { Router } from "express";
import { z } from "zod";
import { createProject, getProject, listProjects, renameProject } from "../../../db/queries/projects.ts";
import { userScope, withUser } from "../../../db/rls.ts";
import { deleteProject } from "../../../storage/delete-project.ts";
import { toProjectView } from "../../../tools/shared-schemas.ts";
import type { AppDeps } from "../app-deps.ts";
import { currentUser, requireUser } from "../current-user.ts";
import { parseInput } from "../validate.ts";

const projectInput = z.object({
  title: z.string().trim().min(1, "give the project a title").max(200, "keep the title under 200 characters"),
  description: z.string().max(5000).optional(),
});

/**
 * Projects: create, list, get, rename, delete (which reports what it removed). Every answer carries the
 * tools' project view, so REST, chat and MCP clients see one public shape (no owner id).
 */
export function projectRoutes(deps: AppDeps): Router {
  const router = Router();
  const { db } = deps.database;
  router.use("/api/projects", requireUser(deps));

  router.get("/api/projects", async (_request, response) => {
    const user = currentUser(response);
    const rows = await withUser(db, user.id, (tx) => listProjects(tx));
    response.json({ projects: rows.map(toProjectView) });
  });

  router.post("/api/projects", async (request, response) => {
    const user = currentUser(response);
    const input = parseInput(projectInput, request.body);
    const project = await withUser(db, user.id, (tx) => createProject(tx, { ownerId: user.id, ...input }));
    response.status(201).json({ project: toProjectView(project) });
  });

  router.get("/api/projects/:projectId", async (request, response) => {
    const user = currentUser(response);
    const project = await withUser(db, user.id, (tx) => getProject(tx, request.params.projectId));
    response.json({ project: toProjectView(project) });
  });

  router.patch("/api/projects/:projectId", async (request, response) => {
    const user = currentUser(response);
    const input = parseInput(projectInput, request.body);
    const project = await withUser(db, user.id, (tx) =>
      renameProject(tx, { projectId: request.params.projectId, ...input }),
    );
    response.json({ project: toProjectView(project) });
  });

  router.delete("/api/projects/:projectId", async (request, response) => {
    const user = currentUser(response);
    const deleted = await deleteProject({
      transaction: userScope(db, user.id),
      storage: deps.storage,
      userId: user.id,
      projectId: request.params.projectId,
    });
    response.json({ deleted: { ...deleted, project: toProjectView(deleted.project) } });
  });

  return router;
}
