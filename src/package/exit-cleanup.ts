// Work to undo if the process ends early (an error, SIGINT, SIGTERM): removing a half-written
// temporary folder, releasing the build lock. One 'exit' listener for all of it; each task is
// synchronous, as 'exit' listeners must be.
const tasks = new Set<() => void>();
let installed = false;

export function onExit(task: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', () => {
      for (const t of [...tasks]) {
        try {
          t();
        } catch {
          // Best effort: the next build cleans up whatever is left.
        }
      }
    });
  }
  tasks.add(task);
  return () => tasks.delete(task);
}
