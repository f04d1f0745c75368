// The open pages, each listening to the server's event stream (Server-Sent Events), and what they are
// told: one `state` event, sent when a page connects and after every build, holding the number of the
// last good build and, while the sources do not build, why. A page reloads when that number is not the
// one it was served with; it shows the problems while there are any (src/serve/reload-client.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BuildFailure } from './build-report.js';

export interface PreviewState {
  /** Tells pages of an earlier run of the server from this one's. */
  session: string;
  /** The last good build: 0 for a site that was there before the first build of this run. */
  build: number;
  failure?: BuildFailure;
}

/** Proxies and browsers drop a silent stream; a comment line now and then keeps it open. */
const KEEP_ALIVE_MS = 15_000;

export class ReloadHub {
  private readonly pages = new Set<ServerResponse>();
  private state: PreviewState;
  private readonly keepAlive: ReturnType<typeof setInterval>;

  constructor(session: string) {
    this.state = { session, build: 0 };
    this.keepAlive = setInterval(() => {
      for (const page of this.pages) page.write(':\n\n');
    }, KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  get current(): PreviewState {
    return this.state;
  }

  /** Pages listening now. */
  get listening(): number {
    return this.pages.size;
  }

  /** A page's event stream: the state now, then after each build. */
  connect(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    // After the server restarts, the browser tries again a second later.
    response.write('retry: 1000\n\n');
    response.write(this.event());
    this.pages.add(response);
    const forget = (): void => {
      this.pages.delete(response);
    };
    request.on('close', forget);
    response.on('error', forget);
  }

  /** A good build: every page reloads. */
  built(): void {
    this.state = { session: this.state.session, build: this.state.build + 1 };
    this.broadcast();
  }

  /** A build that failed: every page shows why, and keeps the last good build. */
  failed(failure: BuildFailure): void {
    this.state = { session: this.state.session, build: this.state.build, failure };
    this.broadcast();
  }

  /** Ends every stream (the server is stopping). */
  close(): void {
    clearInterval(this.keepAlive);
    for (const page of this.pages) page.end();
    this.pages.clear();
  }

  private event(): string {
    return `event: state\ndata: ${JSON.stringify(this.state)}\n\n`;
  }

  private broadcast(): void {
    const event = this.event();
    for (const page of this.pages) page.write(event);
  }
}
