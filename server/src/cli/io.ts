// What a CLI command may touch besides the file system: its output streams and version.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  version: string;
}

/**
 * Writes lines to a process stream until its reader goes away: `ingress-lab check | head` closes
 * the pipe early, and the rest of the output is dropped (not an unhandled EPIPE crash); the
 * command still runs to its end and exits with its own code.
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (t) => { if (!closed) stream.write(t.endsWith('\n') ? t : `${t}\n`); };
}

export const processIO = (version: string): CliIO => ({
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
  version,
});
