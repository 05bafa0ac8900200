// The optimizer runs drawn over the surface: per run, the path travelled so
// far (a thick line up to the playhead) over a faint "x-ray" of the whole
// path that shows through hills; SGDR cycles in alternating tones of the
// run's colour; markers at restarts and snapshots; and a head at the
// playhead with the descent direction (−∇f) and velocity arrows.
//
// Markers, for restart k (points[k] is where the new cycle begins):
// - the snapshot marker (a sphere) sits on points[k], the end of the
//   previous cycle, the model Snapshot Ensembles would save;
// - the restart marker (a larger white diamond) sits on points[k + 1],
//   where the first update at η_max lands;
// - between them, the jump is drawn as a dashed arc hopping over the
//   surface, as high as it is long, so it reads as a jump even inside the
//   tangle of a noisy path (never lower than MIN_RISE, so even a short jump
//   is marked; its span on the ground is the true jump);
// - while the playhead is within RIPPLE_STEPS after a restart, a ring
//   spreads from the restart point and fades: a person watching sees the
//   moment η springs back up, however small the jump is at this zoom.

import * as THREE from 'three';
import { Line2 } from 'three/examples/jsm/lines/Line2.js';
import { LineGeometry } from 'three/examples/jsm/lines/LineGeometry.js';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { RunData } from '../src/shared/protocol';
import type { Frame } from './frame';
import type { RetiredMaterials } from './retired';

/** Lift above the surface, in world units (the box is 2 wide, HEIGHT tall). */
const LIFT = 0.012;
const LINE_WIDTH_PX = 3;
const ARC_WIDTH_PX = 2.5;
const ARROW_MAX = 0.32;
const ARROW_MIN = 0.05;
const OVERLAY = 10; // renderOrder for things drawn on top of everything
const MIN_RISE = 0.1;
const RIPPLE_STEPS = 24;
const RIPPLE_START = 0.1;
const RIPPLE_RADIUS = 0.32;

export const GRADIENT_COLOR = '#22d3ee';
/**
 * Restart markers and ripples, in every theme: they sit where runs settle,
 * the low end of viridis (dark purple), where white stands out most.
 */
export const RESTART_COLOR = '#ffffff';
export const VELOCITY_COLOR = '#ffd60a';

interface RunView {
  run: RunData;
  count: number;
  world: Float32Array;
  progress: Line2;
  ghost: THREE.Line;
  head: THREE.Mesh;
  gradient: THREE.ArrowHelper;
  velocity: THREE.ArrowHelper;
  gradientMax: number;
  velocityMax: number;
  ripple: THREE.Mesh<THREE.TorusGeometry, THREE.MeshBasicMaterial>;
  /** Restart steps in increasing order, for the ripple. */
  restarts: number[];
}

const sphere = new THREE.SphereGeometry(1, 16, 12);
const ring = new THREE.TorusGeometry(1, 0.1, 6, 48);
const diamond = new THREE.OctahedronGeometry(1);
const tmpDirection = new THREE.Vector3();
const tmpOrigin = new THREE.Vector3();
const tmpColor = new THREE.Color();

/** Two tones per run: even cycles in the base colour, odd cycles lighter or darker, whichever contrasts. */
export function cycleTones(base: string): [THREE.Color, THREE.Color] {
  const a = new THREE.Color(base);
  const hsl = { h: 0, s: 0, l: 0 };
  a.getHSL(hsl);
  const b = new THREE.Color().setHSL(hsl.h, hsl.s, hsl.l > 0.6 ? hsl.l - 0.35 : Math.min(0.88, hsl.l + 0.28));
  return [a, b];
}

export class Paths {
  /** What does not move with the playhead: the faint whole paths, markers and jump arcs. */
  readonly fixed = new THREE.Group();
  /** What does: the travelled paths, heads, arrows and ripples. */
  readonly moving = new THREE.Group();
  private views: RunView[] = [];
  private snapshots: THREE.InstancedMesh | null = null;
  private restarts: THREE.InstancedMesh | null = null;
  private jumps: LineSegments2 | null = null;
  private readonly lineMaterials: LineMaterial[] = [];
  restartMarkers = 0;

  constructor(private readonly retired: RetiredMaterials) {}

  /** Replaces every run. Allocation here is fine: it happens once per scene, not per frame. */
  set(runs: readonly RunData[], frame: Frame, colors: readonly string[]): void {
    this.clear();
    runs.forEach((run, r) => this.views.push(this.buildRun(run, frame, colors[r % colors.length])));
    this.buildMarkers(colors);
  }

  get runCount(): number {
    return this.views.length;
  }

  /** Moves every head to `step` (or its run's last point); no allocation. */
  setStep(step: number, frame: Frame): void {
    for (const v of this.views) {
      const k = Math.min(step, v.count - 1);
      v.progress.geometry.instanceCount = k;
      v.progress.visible = k > 0;
      const w = v.world;
      v.head.position.set(w[3 * k], w[3 * k + 1], w[3 * k + 2]);
      tmpOrigin.copy(v.head.position);
      // Descent direction −∇f, mapped from parameter to world units.
      const gx = v.run.grad[2 * k];
      const gy = v.run.grad[2 * k + 1];
      this.aim(v.gradient, -gx * (2 / span(frame.domain.x)), -gy * (2 / span(frame.domain.y)), Math.hypot(gx, gy) / v.gradientMax);
      // Velocity: the displacement of the update leaving point k (the last one arriving at the end).
      const a = k < v.count - 1 ? k : Math.max(0, k - 1);
      const dx = w[3 * (a + 1)] - w[3 * a];
      const dy = w[3 * (a + 1) + 1] - w[3 * a + 1];
      this.aim(v.velocity, dx, dy, v.count > 1 ? Math.hypot(dx, dy) / v.velocityMax : 0);
      this.placeRipple(v, k);
    }
  }

  private placeRipple(v: RunView, k: number): void {
    let last = -1;
    for (const r of v.restarts) if (r <= k) last = r;
    const age = k - last;
    v.ripple.visible = last >= 0 && age < RIPPLE_STEPS && last + 1 < v.count;
    if (!v.ripple.visible) return;
    const at = last + 1;
    const t = (age + 1) / RIPPLE_STEPS;
    v.ripple.position.set(v.world[3 * at], v.world[3 * at + 1], v.world[3 * at + 2]);
    // Starts large enough to catch the eye on the very first step, then spreads and fades.
    v.ripple.scale.setScalar(RIPPLE_START + (RIPPLE_RADIUS - RIPPLE_START) * t);
    v.ripple.material.opacity = 1 - t * t;
  }

  private aim(arrow: THREE.ArrowHelper, dx: number, dy: number, relative: number): void {
    const length = Math.hypot(dx, dy);
    arrow.visible = length > 0 && Number.isFinite(length) && Number.isFinite(relative);
    if (!arrow.visible) return;
    arrow.position.copy(tmpOrigin);
    arrow.setDirection(tmpDirection.set(dx / length, dy / length, 0));
    // Square root: the magnitudes span orders of magnitude along a run.
    const l = ARROW_MIN + (ARROW_MAX - ARROW_MIN) * Math.sqrt(Math.min(1, relative));
    arrow.setLength(l, Math.min(0.06, l * 0.45), 0.035);
  }

  private buildRun(run: RunData, frame: Frame, color: string): RunView {
    const count = run.points.length / 3;
    const world = new Float32Array(count * 3);
    for (let k = 0; k < count; k++) {
      const x = frame.worldX(run.points[3 * k]);
      const y = frame.worldY(run.points[3 * k + 1]);
      const z = frame.worldZ(run.points[3 * k + 2]) + LIFT;
      // A run stops at its first non-finite loss or position; that last point
      // is drawn where the run last was, so no NaN reaches the GPU.
      const finite = Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z);
      world[3 * k] = finite ? x : k > 0 ? world[3 * k - 3] : 0;
      world[3 * k + 1] = finite ? y : k > 0 ? world[3 * k - 2] : 0;
      world[3 * k + 2] = finite ? z : k > 0 ? world[3 * k - 1] : 0;
    }
    const tones = cycleTones(color);
    const colors = new Float32Array(count * 3);
    let cycle = 0;
    let next = 0;
    const restarts = [...run.restarts].sort((a, b) => a - b);
    for (let k = 0; k < count; k++) {
      while (next < restarts.length && restarts[next] <= k) {
        cycle++;
        next++;
      }
      tones[cycle % 2].toArray(colors, 3 * k);
    }

    const geometry = new LineGeometry();
    // A path of one point has no segment; Line2 needs at least two points.
    geometry.setPositions(count > 1 ? world : new Float32Array([...world, ...world]));
    geometry.setColors(count > 1 ? colors : new Float32Array([...colors, ...colors]));
    const material = new LineMaterial({ linewidth: LINE_WIDTH_PX, vertexColors: true, worldUnits: false });
    this.lineMaterials.push(material);
    const progress = new Line2(geometry, material);
    progress.frustumCulled = false;

    const ghostGeometry = new THREE.BufferGeometry();
    ghostGeometry.setAttribute('position', new THREE.BufferAttribute(world, 3));
    ghostGeometry.setAttribute('color', new THREE.BufferAttribute(colors, 3));
    const ghost = new THREE.Line(
      ghostGeometry,
      new THREE.LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.22, depthTest: false }),
    );
    ghost.renderOrder = OVERLAY - 1;
    ghost.frustumCulled = false;

    const head = new THREE.Mesh(sphere, new THREE.MeshBasicMaterial({ color, depthTest: false }));
    head.scale.setScalar(0.024);
    head.renderOrder = OVERLAY + 1;

    const gradient = overlayArrow(GRADIENT_COLOR);
    const velocity = overlayArrow(VELOCITY_COLOR);
    const ripple = new THREE.Mesh(ring, new THREE.MeshBasicMaterial({ color: RESTART_COLOR, transparent: true, depthTest: false }));
    ripple.renderOrder = OVERLAY;
    ripple.visible = false;
    this.fixed.add(ghost);
    this.moving.add(progress, head, gradient, velocity, ripple);
    return {
      run,
      count,
      world,
      progress,
      ghost,
      head,
      gradient,
      velocity,
      gradientMax: typicalNorm(count, (k) => run.grad[2 * k], (k) => run.grad[2 * k + 1]),
      velocityMax: typicalNorm(count - 1, (k) => world[3 * k + 3] - world[3 * k], (k) => world[3 * k + 4] - world[3 * k + 1]),
      ripple,
      restarts,
    };
  }

  private buildMarkers(colors: readonly string[]): void {
    let total = 0;
    for (const v of this.views) total += v.run.restarts.filter((k) => k < v.count).length;
    this.restartMarkers = total;
    if (total === 0) return;
    const snapshots = new THREE.InstancedMesh(sphere, new THREE.MeshBasicMaterial(), total);
    const restarts = new THREE.InstancedMesh(diamond, new THREE.MeshBasicMaterial(), total);
    (restarts.material as THREE.MeshBasicMaterial).color.set(RESTART_COLOR);
    const arcs: number[] = [];
    const arcColors: number[] = [];
    const m = new THREE.Matrix4();
    let i = 0;
    this.views.forEach((v, r) => {
      const [, light] = cycleTones(colors[r % colors.length]);
      tmpColor.set(colors[r % colors.length]);
      for (const k of v.run.restarts) {
        if (k >= v.count) continue;
        const w = v.world;
        m.makeScale(0.024, 0.024, 0.024).setPosition(w[3 * k], w[3 * k + 1], w[3 * k + 2]);
        snapshots.setMatrixAt(i, m);
        snapshots.setColorAt(i, tmpColor);
        const j = Math.min(k + 1, v.count - 1);
        m.makeScale(0.034, 0.034, 0.05).setPosition(w[3 * j], w[3 * j + 1], w[3 * j + 2]);
        restarts.setMatrixAt(i, m);
        i++;
        pushArc(arcs, arcColors, w, k, j, light);
      }
    });
    const jumpGeometry = new LineSegmentsGeometry();
    jumpGeometry.setPositions(arcs);
    jumpGeometry.setColors(arcColors);
    const jumpMaterial = new LineMaterial({
      linewidth: ARC_WIDTH_PX,
      vertexColors: true,
      dashed: true,
      dashSize: 0.02,
      gapSize: 0.012,
      depthTest: false,
    });
    this.lineMaterials.push(jumpMaterial);
    const jumps = new LineSegments2(jumpGeometry, jumpMaterial);
    jumps.computeLineDistances();
    jumps.renderOrder = OVERLAY;
    jumps.frustumCulled = false;
    this.fixed.add(jumps);
    this.jumps = jumps;
    for (const mesh of [snapshots, restarts]) {
      mesh.frustumCulled = false;
      mesh.renderOrder = OVERLAY;
      (mesh.material as THREE.Material).depthTest = false;
      this.fixed.add(mesh);
    }
    this.snapshots = snapshots;
    this.restarts = restarts;
  }

  clear(): void {
    for (const v of this.views) {
      v.progress.geometry.dispose();
      v.ghost.geometry.dispose();
      this.retired.add(v.ghost.material as THREE.Material, v.head.material as THREE.Material, v.ripple.material);
      for (const arrow of [v.gradient, v.velocity]) {
        arrow.line.geometry.dispose();
        arrow.cone.geometry.dispose();
        this.retired.add(arrow.line.material as THREE.Material, arrow.cone.material as THREE.Material);
      }
    }
    this.retired.add(...this.lineMaterials);
    this.lineMaterials.length = 0;
    for (const mesh of [this.snapshots, this.restarts]) {
      if (!mesh) continue;
      this.retired.add(mesh.material as THREE.Material);
      mesh.dispose();
    }
    this.snapshots = null;
    this.restarts = null;
    if (this.jumps) {
      this.jumps.geometry.dispose();
      this.jumps = null;
    }
    this.views = [];
    this.restartMarkers = 0;
    this.fixed.clear();
    this.moving.clear();
  }
}

const ARC_SEGMENTS = 16;

/** A parabola from world point a to b, raised by its own length (at least MIN_RISE), as line segments. */
function pushArc(out: number[], colors: number[], w: Float32Array, a: number, b: number, color: THREE.Color): void {
  const ax = w[3 * a], ay = w[3 * a + 1], az = w[3 * a + 2];
  const bx = w[3 * b], by = w[3 * b + 1], bz = w[3 * b + 2];
  const rise = Math.max(MIN_RISE, Math.hypot(bx - ax, by - ay));
  for (let s = 0; s < ARC_SEGMENTS; s++) {
    for (const t of [s / ARC_SEGMENTS, (s + 1) / ARC_SEGMENTS]) {
      out.push(ax + (bx - ax) * t, ay + (by - ay) * t, az + (bz - az) * t + 4 * rise * t * (1 - t));
      colors.push(color.r, color.g, color.b);
    }
  }
}

function span(range: [number, number]): number {
  return range[1] - range[0];
}

/**
 * The length arrows are scaled against: the 90th percentile of the norms
 * along the run, not the maximum, so the first few huge steps of a run do
 * not shrink every later arrow to nothing (longer ones are capped).
 */
function typicalNorm(count: number, x: (k: number) => number, y: (k: number) => number): number {
  const norms: number[] = [];
  for (let k = 0; k < count; k++) {
    const n = Math.hypot(x(k), y(k));
    if (Number.isFinite(n)) norms.push(n);
  }
  norms.sort((a, b) => a - b);
  const p90 = norms.length > 0 ? norms[Math.floor(0.9 * (norms.length - 1))] : 0;
  return p90 > 0 ? p90 : 1;
}

function overlayArrow(color: string): THREE.ArrowHelper {
  const arrow = new THREE.ArrowHelper(new THREE.Vector3(1, 0, 0), new THREE.Vector3(), ARROW_MAX, color);
  for (const part of [arrow.line, arrow.cone]) {
    part.renderOrder = OVERLAY + 2;
    (part.material as THREE.Material).depthTest = false;
  }
  return arrow;
}
