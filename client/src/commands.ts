// The command table: every `ingressLab.*` command the manifest declares, in one place.
import * as vscode from 'vscode';
import { TRY_ROUTE_COMMAND } from '../../server/src/protocol';
import { PREVIEW_GATEWAY_COMMAND } from './gatewayPreview';
import { TRY_BOTH_COMMAND } from './resultPanel';

export const Commands = {
  restartServer: 'ingressLab.restartServer',
  showOutput: 'ingressLab.showOutput',
  tryRoute: TRY_ROUTE_COMMAND,
  previewGatewayApi: PREVIEW_GATEWAY_COMMAND,
  tryBoth: TRY_BOTH_COMMAND,
} as const;

export type CommandTable = Record<keyof typeof Commands, (...args: never[]) => unknown>;

export function registerCommands(table: CommandTable): vscode.Disposable[] {
  return (Object.keys(Commands) as (keyof typeof Commands)[]).map((key) =>
    vscode.commands.registerCommand(Commands[key], table[key] as (...args: unknown[]) => unknown),
  );
}
