// The box around the surface with tick labels in parameter and loss units
// and the parameter names. Labels are sprites of canvas-drawn text at a
// constant pixel size (sizeAttenuation off), redrawn only when the scene,
// the theme or the viewport height changes. Their size on screen does not
// shrink with the box, so the default view fits their boxes too, and a label
// that would overlap one placed before it is hidden for that camera.

import * as THREE from 'three';
import { HEIGHT, type Frame } from './frame';
import type { RetiredMaterials } from './retired';
import type { Theme } from './theme';
import { decadeTicks, formatTick, formatValue, niceTicks } from './ticks';

const LABEL_PX = 12;
const NAME_PX = 13;
const TICK_TARGET = 5;
const OUT = 0.12; // label offset outside the box, world units

interface Label {
  sprite: THREE.Sprite;
  px: number;
  aspect: number;
  /** Its box in normalized device coordinates for the last camera laid out. */
  box: THREE.Box2;
}

/** Hide the loss axis when looking this steeply down: it would point at the viewer. */
const Z_HIDE_COS = 0.97;

export class Axes {
  readonly group = new THREE.Group();
  /** The loss axis and its labels. */
  private readonly zGroup = new THREE.Group();
  /** In the order they claim room on screen: the axis names, the loss ticks from the minimum up, the parameter ticks. */
  private labels: Label[] = [];
  private viewportHeight = 1;
  private readonly anchor = new THREE.Vector3();
  /**
   * Label textures by text and style, kept from one build to the next: an
   * edit keeps most labels, and drawing and uploading them all again was a
   * good part of the time a new scene took to reach the screen.
   */
  private readonly textures = new Map<string, LabelTexture>();
  /** The keys of `textures` the current build uses. */
  private readonly used = new Set<string>();

  constructor(private readonly retired: RetiredMaterials) {}

  build(frame: Frame, params: readonly [string, string], theme: Theme): void {
    this.clear();
    this.used.clear();
    const lines: number[] = [];
    const zLines: number[] = [];
    const box = (x0: number, y0: number, z0: number, x1: number, y1: number, z1: number) => lines.push(x0, y0, z0, x1, y1, z1);
    const zBox = (z0: number, z1: number, tick: number) => zLines.push(-1, -1, z0, -1 - tick, -1 - tick, z1);
    // Floor rectangle and the vertical loss axis at the front-left corner,
    // where its labels sit beside the surface rather than over it.
    box(-1, -1, 0, 1, -1, 0);
    box(1, -1, 0, 1, 1, 0);
    box(1, 1, 0, -1, 1, 0);
    box(-1, 1, 0, -1, -1, 0);
    zBox(0, HEIGHT, 0);

    this.label(params[0], 0, -1 - 2.6 * OUT, 0, NAME_PX, theme.foreground, theme);
    this.label(params[1], 1 + 2.8 * OUT, 0, 0, NAME_PX, theme.foreground, theme);
    this.label(frame.scale === 'log' ? 'loss (log scale)' : 'loss', -1 - OUT, -1 - OUT, HEIGHT + 0.1, NAME_PX, theme.foreground, theme, this.zGroup);
    const zValues =
      frame.scale === 'log'
        ? decadeTicks(frame.min, frame.max).map((v) => ({ v, text: formatValue(v) }))
        : (() => {
            const t = niceTicks(frame.min, frame.max, TICK_TARGET);
            return t.values.map((v) => ({ v, text: formatTick(v, t.decimals) }));
          })();
    for (const { v, text } of zValues) {
      if (!Number.isFinite(v)) continue; // a surface with no finite sample has no loss axis
      const wz = frame.worldZ(v);
      if (!(wz >= -1e-9 && wz <= HEIGHT + 1e-9)) continue;
      zBox(wz, wz, 0.04);
      this.label(text, -1 - 1.5 * OUT, -1 - 1.5 * OUT, wz, LABEL_PX, theme.muted, theme, this.zGroup);
    }
    const x = niceTicks(frame.domain.x[0], frame.domain.x[1], TICK_TARGET);
    for (const v of x.values) {
      const wx = frame.worldX(v);
      box(wx, -1, 0, wx, -1.04, 0);
      this.label(formatTick(v, x.decimals), wx, -1 - OUT, 0, LABEL_PX, theme.muted, theme);
    }
    const y = niceTicks(frame.domain.y[0], frame.domain.y[1], TICK_TARGET);
    for (const v of y.values) {
      const wy = frame.worldY(v);
      box(1, wy, 0, 1.04, wy, 0);
      this.label(formatTick(v, y.decimals), 1 + OUT, wy, 0, LABEL_PX, theme.muted, theme);
    }

    this.group.add(segments(lines, theme.muted), this.zGroup);
    this.zGroup.add(segments(zLines, theme.muted));
    for (const [key, t] of this.textures) {
      if (this.used.has(key)) continue;
      t.texture.dispose();
      this.textures.delete(key);
    }
  }

  /**
   * Shows the loss axis unless the camera looks nearly straight down, and
   * hides every label that would overlap one shown before it (no allocation:
   * called per frame).
   */
  orient(camera: THREE.PerspectiveCamera, target: THREE.Vector3): void {
    const dx = camera.position.x - target.x;
    const dy = camera.position.y - target.y;
    const dz = camera.position.z - target.z;
    this.zGroup.visible = dz / Math.hypot(dx, dy, dz) < Z_HIDE_COS;
    for (let i = 0; i < this.labels.length; i++) {
      const l = this.labels[i];
      l.sprite.visible = l.sprite.parent === this.group || this.zGroup.visible;
      if (l.sprite.visible) l.sprite.visible = !this.overlapsShown(this.place(l, camera, this.viewportHeight), i);
    }
  }

  /** Keeps labels at a constant pixel size for the camera's projection and the viewport height. */
  fit(camera: THREE.PerspectiveCamera, viewportHeight: number): void {
    this.viewportHeight = viewportHeight;
    const ndcPerPx = 2 / (viewportHeight * camera.projectionMatrix.elements[5]);
    for (const l of this.labels) l.sprite.scale.set(l.px * l.aspect * ndcPerPx, l.px * ndcPerPx, 1);
  }

  /** Grows `bounds`, in normalized device coordinates, to hold every label's box as `camera` sees it in a viewport this many pixels high. */
  expandByLabels(camera: THREE.PerspectiveCamera, viewportHeight: number, bounds: THREE.Box2): void {
    for (const l of this.labels) bounds.union(this.place(l, camera, viewportHeight));
  }

  /** Sets and returns the label's box in normalized device coordinates, from its anchor's projection and its size in pixels. */
  private place(l: Label, camera: THREE.PerspectiveCamera, viewportHeight: number): THREE.Box2 {
    const anchor = this.anchor.copy(l.sprite.position).project(camera);
    const width = (2 * l.px * l.aspect) / (viewportHeight * camera.aspect);
    const height = (2 * l.px) / viewportHeight;
    l.box.min.set(anchor.x - l.sprite.center.x * width, anchor.y - l.sprite.center.y * height);
    l.box.max.set(l.box.min.x + width, l.box.min.y + height);
    return l.box;
  }

  private overlapsShown(box: THREE.Box2, before: number): boolean {
    for (let j = 0; j < before; j++) if (this.labels[j].sprite.visible && this.labels[j].box.intersectsBox(box)) return true;
    return false;
  }

  private label(text: string, x: number, y: number, z: number, px: number, color: string, theme: Theme, parent = this.group): void {
    const key = `${px} ${color} ${theme.fontFamily} ${text}`;
    const drawn = this.textures.get(key) ?? labelTexture(text, px, color, theme);
    if (!drawn) return;
    this.textures.set(key, drawn);
    this.used.add(key);
    const sprite = new THREE.Sprite(new THREE.SpriteMaterial({ map: drawn.texture, sizeAttenuation: false, depthTest: false, transparent: true }));
    sprite.position.set(x, y, z);
    sprite.renderOrder = 20;
    parent.add(sprite);
    this.labels.push({ sprite, px: px * 1.4, aspect: drawn.aspect, box: new THREE.Box2() });
  }

  /** Removes the box and labels; the label textures stay for the next build, which frees those it does not use. */
  clear(): void {
    for (const parent of [this.group, this.zGroup]) {
      for (const child of parent.children) {
        if (child instanceof THREE.Sprite) {
          this.retired.add(child.material);
        } else if (child instanceof THREE.LineSegments) {
          child.geometry.dispose();
          this.retired.add(child.material as THREE.Material);
        }
      }
      parent.clear();
    }
    this.labels = [];
  }
}

interface LabelTexture {
  texture: THREE.CanvasTexture;
  /** Width over height. */
  aspect: number;
}

function labelTexture(text: string, px: number, color: string, theme: Theme): LabelTexture | undefined {
  const ratio = 2; // drawn at twice the size, so text stays crisp on high-density screens
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const font = `${px * ratio}px ${theme.fontFamily}`;
  ctx.font = font;
  const width = Math.ceil(ctx.measureText(text).width) + 4 * ratio;
  const height = Math.ceil(px * ratio * 1.4);
  canvas.width = width;
  canvas.height = height;
  ctx.font = font;
  ctx.fillStyle = color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, width / 2, height / 2);
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  return { texture, aspect: width / height };
}

function segments(positions: number[], color: string): THREE.LineSegments {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.Float32BufferAttribute(positions, 3));
  return new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ color, transparent: true, opacity: 0.8 }));
}
