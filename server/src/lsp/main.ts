// Entry of dist/server/server.js: the language server process the editor client starts.
import { runNodeServer } from './node-server';

runNodeServer();
