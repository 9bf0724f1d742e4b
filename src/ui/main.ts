import { startEngine } from './client/engineClient.js';

// The engine worker starts loading before the much larger UI code is fetched and parsed, so
// the two get ready in parallel and the console is usable sooner.
const engine = startEngine();
void import('./mount.js').then((m) => m.mount(engine));
