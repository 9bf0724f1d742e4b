/**
 * Which commands a scenario may run through its own connection. Scenario commands run on the
 * runner's connection while traffic flows; commands that would turn that connection into a
 * stream (MONITOR, SUBSCRIBE), block it, close it or stop the node would leave the runner with
 * no reply to show. Students keep every command in their own consoles.
 */
const REFUSED: Record<string, string> = {
  monitor: 'MONITOR streams every command: run it in a console instead',
  subscribe: 'SUBSCRIBE turns the connection into a message stream: run it in a console instead',
  psubscribe: 'PSUBSCRIBE turns the connection into a message stream: run it in a console instead',
  ssubscribe: 'SSUBSCRIBE turns the connection into a message stream: run it in a console instead',
  quit: 'QUIT would close the scenario connection',
  reset: 'RESET would reset the scenario connection',
  shutdown: 'SHUTDOWN would stop the node the scenario runs on',
  debug: 'DEBUG is not available to scenarios',
  sync: 'SYNC is for replicas',
  psync: 'PSYNC is for replicas',
  wait: 'WAIT blocks the scenario connection',
  blpop: 'blocking commands would hold the scenario connection',
  brpop: 'blocking commands would hold the scenario connection',
  brpoplpush: 'blocking commands would hold the scenario connection',
  blmove: 'blocking commands would hold the scenario connection',
  blmpop: 'blocking commands would hold the scenario connection',
  bzpopmin: 'blocking commands would hold the scenario connection',
  bzpopmax: 'blocking commands would hold the scenario connection',
  bzmpop: 'blocking commands would hold the scenario connection',
};

/** Why a scenario may not run this command, or null when it may. */
export function refusedCommand(argv: readonly string[]): string | null {
  const name = argv[0]?.toLowerCase();
  if (name === undefined) return 'empty command';
  const reason = REFUSED[name];
  if (reason !== undefined) return reason;
  if ((name === 'xread' || name === 'xreadgroup') && argv.some((a) => a.toLowerCase() === 'block')) {
    return 'XREAD BLOCK would hold the scenario connection';
  }
  return null;
}
