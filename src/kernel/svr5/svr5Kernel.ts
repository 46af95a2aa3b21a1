/**
 * SVR5's kernel as a page loads it, when a world of SVR5 is first wanted
 * (src/kernel/os.ts `loadOs`): its personality and its rules, in one chunk
 * (`svr5Kernel-….js`; the size checks tell another OS's chunks by that name).
 */
export { svr5Kernel } from './personality';
export { svr5 as svr5Rules } from '../rules/svr5';
