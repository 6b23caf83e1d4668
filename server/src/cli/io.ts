// What a CLI command may touch besides the file system: its output streams and version.
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  version: string;
}

export const processIO = (version: string): CliIO => ({
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  version,
});
