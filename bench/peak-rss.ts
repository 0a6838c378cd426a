import { appendFileSync, readFileSync } from 'node:fs';

/**
 * Loaded with `node --import` (through NODE_OPTIONS, so a process the command starts reports too):
 * at exit, appends the process's peak resident memory (VmHWM, in kB) to the file named by
 * KADENCE_PEAK_RSS_FILE. The bench reads the largest.
 */
const target = process.env.KADENCE_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const line = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    appendFileSync(target, `${process.pid} ${line?.[1] ?? Math.round(process.resourceUsage().maxRSS)}\n`);
  });
}
