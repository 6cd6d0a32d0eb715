// Worker-thread entry in plain JavaScript: registers the tsx loader in this thread (hooks
// registered on the main thread do not reach workers), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./compactor-worker.ts');
