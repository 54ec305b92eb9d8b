import { createSubscriber } from 'svelte/reactivity';

/** One shared one-second tick: status ages and countdowns re-render while something shows them, and no timer runs otherwise. */
const ticking = createSubscriber((update) => {
  const timer = setInterval(update, 1_000);
  return () => clearInterval(timer);
});

/** The current time, re-read every second by whichever effect or template calls it. */
export function now(): number {
  ticking();
  return Date.now();
}
