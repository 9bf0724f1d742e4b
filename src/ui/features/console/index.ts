/** The redis-cli console: mount <Console backend={...} />, implement ConsoleBackend for it. */
export { Console, type ConsoleProps } from './Console.js';
export type { ConsoleBackend, ConsoleConnection, ConsoleOutput } from './backend.js';
export type { HistoryStore } from './history.js';
export { ConsoleController, type ConsoleOptions } from './controller.js';
export type { ConsoleTerminal } from './terminalOutput.js';
