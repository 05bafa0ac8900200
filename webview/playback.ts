// The playhead: which step of the runs is shown, and how it advances with
// time while playing. Pure (time comes in as an argument), so the rule is
// testable without a browser.

export class Playback {
  step = 0;
  playing = false;
  /** Steps per second at 1× (the `animation.speed` setting). */
  baseSpeed = 60;
  multiplier = 1;
  private maxStep = 0;
  /** Fractional steps carried between frames, so slow speeds still advance. */
  private carry = 0;
  private lastTime: number | null = null;

  get max(): number {
    return this.maxStep;
  }

  setMax(max: number): void {
    this.maxStep = Math.max(0, Math.floor(max));
    if (this.step > this.maxStep) this.step = this.maxStep;
  }

  play(): void {
    // Playing from the end starts over, as media players do.
    if (this.step >= this.maxStep) this.step = 0;
    this.playing = true;
    this.lastTime = null;
    this.carry = 0;
  }

  pause(): void {
    this.playing = false;
    this.lastTime = null;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Moves to a step (clamped to the runs' length) and pauses. */
  seek(step: number): void {
    this.pause();
    this.step = Math.min(this.maxStep, Math.max(0, Math.round(step)));
  }

  stepBy(delta: number): void {
    this.seek(this.step + delta);
  }

  /** Advances by the time since the previous tick; true when the step changed. */
  tick(now: number): boolean {
    if (!this.playing) return false;
    if (this.lastTime === null) {
      this.lastTime = now;
      return false;
    }
    const elapsed = Math.min(0.25, (now - this.lastTime) / 1000); // a background tab must not jump to the end
    this.lastTime = now;
    this.carry += elapsed * this.baseSpeed * this.multiplier;
    const whole = Math.floor(this.carry);
    if (whole === 0) return false;
    this.carry -= whole;
    this.step = Math.min(this.maxStep, this.step + whole);
    if (this.step >= this.maxStep) this.pause();
    return true;
  }
}

/** The 1-based SGDR cycle at step k: one more than the restarts at or before k (point k of a restart begins the new cycle). */
export function cycleAt(restarts: readonly number[], k: number): number {
  let cycle = 1;
  for (const r of restarts) if (r <= k) cycle++;
  return cycle;
}
