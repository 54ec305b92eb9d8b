/** The soak's knobs, from the environment so `npm run test:soak` needs no flags. */
export interface SoakSettings {
  /** How long faults keep coming; the run then drains and checks (a few seconds more). */
  seconds: number;
  /** Business events per second the simulator generates (each goes to all three providers). */
  rate: number;
  /** Quiet time after one fault has recovered before the next one. */
  faultGapMs: number;
}

const DEFAULT_SECONDS = 300;
const MAX_SECONDS = 3_600;

export function soakSettings(env: NodeJS.ProcessEnv): SoakSettings {
  return {
    seconds: bounded(env['SOAK_SECONDS'], DEFAULT_SECONDS, 10, MAX_SECONDS),
    rate: bounded(env['SOAK_RATE'], 2_000, 1, 50_000),
    faultGapMs: bounded(env['SOAK_FAULT_GAP_SECONDS'], 5, 1, 600) * 1000,
  };
}

function bounded(text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`expected a number from ${min} to ${max}, got "${text}"`);
  return value;
}
