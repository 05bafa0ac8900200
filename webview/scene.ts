// The 3D view: renderer, camera and orbit controls, and the surface, runs and
// axes in it. Renders only when asked (a change, or a frame while playing).
// On WebGL context loss it stops drawing; on restore it rebuilds every GPU
// resource from the last scene, so the view never stays black.
//
// Two layers: what stays put while the playhead moves (surface, axes,
// markers, whole paths) is drawn into an offscreen target with its depth,
// only when it changes (camera, scene, theme, size); each frame copies that
// colour and depth to the screen and draws the moving things (travelled
// paths, heads, arrows) over it, depth-tested against the surface. Playing
// then costs a full-screen copy instead of the surface's triangles, which is
// most of a frame on software WebGL (see `npm run bench`).

import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { RunData, SceneMessage, Vec3 } from '../src/shared/protocol';
import { Axes } from './axes';
import { Frame, HEIGHT, resolveHeightScale } from './frame';
import { Paths } from './paths';
import { RetiredMaterials } from './retired';
import { SurfaceMesh } from './surface';
import type { Theme } from './theme';

/** The default three-quarter view: from the front right, above. */
const DEFAULT_DIRECTION = new THREE.Vector3(2.0, -2.7, 2.1).normalize();
/** Where the default view starts looking before it centres the box. */
const DEFAULT_TARGET: Vec3 = [0, 0, HEIGHT * 0.35];
/** Corners of the box with a margin around it, which the default view keeps in frame with the labels. */
const FIT_CORNERS = [-1.15, 1.15].flatMap((x) => [-1.15, 1.15].flatMap((y) => [0, HEIGHT].map((z) => new THREE.Vector3(x, y, z))));
/** The fraction of the view (in normalized device coordinates) the box may fill. */
const FIT_FILL = 0.92;
/**
 * The farthest the default view backs off: labels keep their pixel size, so
 * in a viewport too small to hold them (a hidden panel is 1 px high) every
 * round of the fit would back off further.
 */
const MAX_FIT_DISTANCE = 20;
/** Half the width of the box plus its tick labels, in world units. */
const TOP_VIEW_HALF_EXTENT = 1.35;
/** A press that moves less than this many pixels is a click (start a run), not an orbit. */
const CLICK_SLOP_PX = 4;

/**
 * True when WebGL runs on the CPU (SwiftShader, llvmpipe: VMs, remote
 * desktops, headless). There multisampling tripled the frame time (measured
 * on SwiftShader, 256² surface at 1280×800), so the scene is drawn without
 * it; GPUs get it.
 */
function softwareRenderer(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext(); // free the probe's context now, not at GC
  return /swiftshader|llvmpipe|softpipe|software/i.test(name);
}

const compositeVertex = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = vec4(position.xy, 0.0, 1.0);
}
`;

// The fixed layer is in three's linear working space; colorspace_fragment
// converts it for the screen exactly as three's materials convert themselves.
const compositeFragment = /* glsl */ `
uniform sampler2D layerColor;
uniform sampler2D layerDepth;
varying vec2 vUv;
void main() {
  gl_FragColor = texture2D(layerColor, vUv);
  gl_FragDepth = texture2D(layerDepth, vUv).r;
  #include <colorspace_fragment>
}
`;

export interface SceneEvents {
  /** The user clicked the surface at these parameter values. */
  pick(x: number, y: number): void;
  /** The camera moved (orbit, zoom, pan, reset). */
  cameraChanged(): void;
  /** The context was restored and the scene rebuilt. */
  restored(): void;
}

export class LandscapeScene {
  readonly canvas: HTMLCanvasElement;
  private readonly renderer: THREE.WebGLRenderer;
  private readonly camera = new THREE.PerspectiveCamera(38, 1, 0.01, 100);
  private readonly controls: OrbitControls;
  private readonly fixedScene = new THREE.Scene();
  private readonly movingScene = new THREE.Scene();
  private readonly compositeScene = new THREE.Scene();
  private readonly compositeCamera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
  private readonly compositeMaterial: THREE.ShaderMaterial;
  private readonly antialias: boolean;
  /** The fixed layer, sized to the drawing buffer; null until first needed (and after a context loss). */
  private layer: THREE.WebGLRenderTarget | null = null;
  private layerDirty = true;
  private readonly drawingSize = new THREE.Vector2();
  private surface = new SurfaceMesh();
  private readonly retired = new RetiredMaterials();
  private readonly paths = new Paths(this.retired);
  private readonly axes = new Axes(this.retired);
  private readonly pickMarker: THREE.Mesh;
  private readonly raycaster = new THREE.Raycaster();
  private readonly pointer = new THREE.Vector2();
  private readonly down = new THREE.Vector2();
  private frame: Frame | null = null;
  private message: SceneMessage | null = null;
  private runs: RunData[] = [];
  private theme: Theme;
  private step = 0;
  private contextLost = false;
  /** True once the user (or a restored state) placed the camera; until then resizes refit the default view. */
  private cameraPlaced = false;
  private renderPending = false;
  private dirty = false;

  constructor(
    private readonly container: HTMLElement,
    theme: Theme,
    private readonly events: SceneEvents,
  ) {
    this.theme = theme;
    this.antialias = !softwareRenderer();
    this.renderer = new THREE.WebGLRenderer({ antialias: this.antialias });
    this.renderer.autoClear = false; // render() clears once, then draws both layers
    this.renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
    this.canvas = this.renderer.domElement;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute(
      'aria-label',
      'Loss surface with optimizer paths. Drag to orbit, scroll to zoom, click to start a run; Space plays or pauses, arrows step.',
    );
    this.canvas.tabIndex = 0; // focusable, so the playback keys work from the keyboard alone
    container.appendChild(this.canvas);

    this.camera.up.set(0, 0, 1);
    this.controls = new OrbitControls(this.camera, this.canvas);
    this.controls.addEventListener('start', () => {
      this.cameraPlaced = true;
    });
    this.controls.addEventListener('change', () => {
      this.invalidate();
      this.events.cameraChanged();
    });
    this.setCamera(null);

    this.pickMarker = new THREE.Mesh(
      new THREE.TorusGeometry(0.045, 0.01, 8, 24),
      new THREE.MeshBasicMaterial({ color: theme.accent, depthTest: false }),
    );
    this.pickMarker.visible = false;
    this.pickMarker.renderOrder = 12;
    this.fixedScene.add(this.surface.mesh, this.paths.fixed, this.axes.group, this.pickMarker);
    this.movingScene.add(this.paths.moving);
    this.compositeMaterial = new THREE.ShaderMaterial({
      vertexShader: compositeVertex,
      fragmentShader: compositeFragment,
      uniforms: { layerColor: { value: null }, layerDepth: { value: null } },
      // Always passes, and writes the layer's depth, so the moving things are hidden behind hills as before.
      depthFunc: THREE.AlwaysDepth,
    });
    const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), this.compositeMaterial);
    quad.frustumCulled = false;
    this.compositeScene.add(quad);
    this.applyTheme(theme);

    this.canvas.addEventListener('pointerdown', (e) => this.down.set(e.clientX, e.clientY));
    this.canvas.addEventListener('pointerup', (e) => this.onPointerUp(e));
    this.canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault(); // without this the browser never restores the context
      this.contextLost = true;
    });
    this.canvas.addEventListener('webglcontextrestored', () => this.onContextRestored());
    new ResizeObserver(() => this.resize()).observe(container);
    this.resize();
  }

  /** Draws a new scene; same-resolution surfaces reuse their buffers. The camera is kept. */
  setScene(message: SceneMessage): void {
    this.message = message;
    this.runs = [...message.runs];
    const s = message.surface;
    const scale = resolveHeightScale(message.heightScale, s.heights, s.min, s.max);
    this.frame = new Frame(message.domain, s.min, s.max, scale);
    this.surface.update(s, this.frame);
    this.paths.set(this.runs, this.frame, this.theme.runColors);
    this.buildAxes(this.frame, message.params, this.theme);
    this.pickMarker.visible = false;
    this.paths.setStep(this.step, this.frame);
    this.invalidate();
  }

  addRun(run: RunData): void {
    if (!this.frame) return;
    this.runs.push(run);
    this.paths.set(this.runs, this.frame, this.theme.runColors);
    this.paths.setStep(this.step, this.frame);
    this.invalidate();
  }

  get allRuns(): readonly RunData[] {
    return this.runs;
  }

  setStep(step: number): void {
    this.step = step;
    if (this.frame) this.paths.setStep(step, this.frame);
    this.requestRender();
  }

  applyTheme(theme: Theme): void {
    this.theme = theme;
    this.renderer.setClearColor(theme.background, 1);
    const light = theme.kind === 'light' || theme.kind === 'high-contrast-light';
    this.surface.setContourColor(theme.contour, light ? 0.45 : 0.55);
    (this.pickMarker.material as THREE.MeshBasicMaterial).color.set(theme.accent);
    if (this.message && this.frame) {
      this.paths.set(this.runs, this.frame, theme.runColors);
      this.paths.setStep(this.step, this.frame);
      this.buildAxes(this.frame, this.message.params, theme);
    }
    this.invalidate();
  }

  /** New labels change what the default view must fit, so it is refitted unless the user placed the camera. */
  private buildAxes(frame: Frame, params: readonly [string, string], theme: Theme): void {
    this.axes.build(frame, params, theme);
    this.axes.fit(this.camera, this.viewportHeight());
    if (!this.cameraPlaced) this.setCamera(null);
  }

  get stats(): { vertices: number; restarts: number; runs: number } {
    return { vertices: this.surface.vertexCount, restarts: this.paths.restartMarkers, runs: this.paths.runCount };
  }

  getCamera(): { position: Vec3; target: Vec3 } {
    return { position: this.camera.position.toArray() as Vec3, target: this.controls.target.toArray() as Vec3 };
  }

  /** Puts the camera at a saved pose, or the default three-quarter view for null. */
  setCamera(pose: { position: Vec3; target: Vec3 } | null): void {
    this.cameraPlaced = pose !== null;
    const p = pose ?? this.defaultPose();
    this.camera.position.fromArray(p.position);
    this.controls.target.fromArray(p.target);
    this.controls.update();
    this.invalidate();
  }

  resetView(): void {
    this.setCamera(null);
    this.events.cameraChanged();
  }

  /**
   * The default view: from the default direction, the target moved so the
   * projection of the box and its labels is centred, and just far enough
   * that every corner and label is inside the view, whatever the aspect
   * ratio. Projected size goes roughly as 1/distance (labels keep theirs), so
   * scaling the distance by the overshoot (and re-centring) converges in a
   * few rounds.
   */
  private defaultPose(): { position: Vec3; target: Vec3 } {
    const target = new THREE.Vector3(...DEFAULT_TARGET);
    const probe = this.camera.clone();
    const v = new THREE.Vector3();
    const right = new THREE.Vector3();
    const up = new THREE.Vector3();
    const bounds = new THREE.Box2();
    const point = new THREE.Vector2();
    const centre = new THREE.Vector2();
    const size = new THREE.Vector2();
    const tanHalf = Math.tan(THREE.MathUtils.degToRad(probe.fov / 2));
    let distance = 4;
    for (let round = 0; round < 8; round++) {
      probe.position.copy(DEFAULT_DIRECTION).multiplyScalar(distance).add(target);
      probe.lookAt(target);
      probe.updateMatrixWorld();
      bounds.makeEmpty();
      for (const corner of FIT_CORNERS) {
        v.copy(corner).project(probe);
        bounds.expandByPoint(point.set(v.x, v.y));
      }
      this.axes.expandByLabels(probe, this.viewportHeight(), bounds);
      bounds.getCenter(centre);
      bounds.getSize(size);
      right.setFromMatrixColumn(probe.matrixWorld, 0);
      up.setFromMatrixColumn(probe.matrixWorld, 1);
      target.addScaledVector(right, centre.x * distance * tanHalf * probe.aspect);
      target.addScaledVector(up, centre.y * distance * tanHalf);
      distance = Math.min(MAX_FIT_DISTANCE, (distance * Math.max(size.x, size.y)) / 2 / FIT_FILL);
    }
    probe.position.copy(DEFAULT_DIRECTION).multiplyScalar(distance).add(target);
    return { position: probe.position.toArray() as Vec3, target: target.toArray() as Vec3 };
  }

  /** Straight down, x to the right and y up the screen, like a contour plot, far enough to fit the box and its labels. */
  topView(): void {
    const halfFov = THREE.MathUtils.degToRad(this.camera.fov / 2);
    const distance = HEIGHT + TOP_VIEW_HALF_EXTENT / (Math.tan(halfFov) * Math.min(1, this.camera.aspect));
    this.setCamera({ position: [0, -0.001, distance], target: [0, 0, 0] });
    this.events.cameraChanged();
  }

  /** Something in the fixed layer changed: redraw it, at the next frame. */
  private invalidate(): void {
    this.layerDirty = true;
    this.requestRender();
  }

  /** Renders at the next animation frame, once however often it is asked. */
  requestRender(): void {
    this.dirty = true;
    if (this.renderPending) return;
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      if (this.dirty) this.render();
    });
  }

  /** Renders now (the playback loop, already inside an animation frame). */
  render(): void {
    this.dirty = false;
    if (this.contextLost) return;
    const layer = this.ensureLayer();
    if (this.layerDirty) {
      this.axes.orient(this.camera, this.controls.target);
      // three converts the clear colour for the target bound when it is set:
      // linear for the offscreen layer, the output space for the screen.
      this.renderer.setRenderTarget(layer);
      this.renderer.setClearColor(this.theme.background, 1);
      this.renderer.clear();
      this.renderer.render(this.fixedScene, this.camera);
      this.renderer.setRenderTarget(null);
      this.renderer.setClearColor(this.theme.background, 1);
      this.layerDirty = false;
    }
    this.renderer.clear();
    this.renderer.render(this.compositeScene, this.compositeCamera);
    this.renderer.render(this.movingScene, this.camera);
    this.retired.dispose();
  }

  private ensureLayer(): THREE.WebGLRenderTarget {
    const { x: w, y: h } = this.renderer.getDrawingBufferSize(this.drawingSize);
    if (this.layer && this.layer.width === w && this.layer.height === h) return this.layer;
    this.disposeLayer();
    const depth = new THREE.DepthTexture(w, h);
    // Stored sRGB-encoded (8 bits per channel in linear would band the dark
    // tones of a dark theme); written and sampled in linear, converted by the GPU.
    this.layer = new THREE.WebGLRenderTarget(w, h, {
      depthTexture: depth,
      samples: this.antialias ? 4 : 0,
      colorSpace: THREE.SRGBColorSpace,
    });
    this.compositeMaterial.uniforms.layerColor.value = this.layer.texture;
    this.compositeMaterial.uniforms.layerDepth.value = depth;
    this.layerDirty = true;
    return this.layer;
  }

  private disposeLayer(): void {
    this.layer?.depthTexture?.dispose();
    this.layer?.dispose();
    this.layer = null;
  }

  /** The current picture as PNG bytes. Renders first: the drawing buffer is not preserved between frames. */
  async png(): Promise<Uint8Array> {
    if (this.contextLost) throw new Error('the WebGL context is lost; try again in a moment');
    this.render();
    const blob = await new Promise<Blob | null>((resolve) => this.canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas could not be encoded as PNG');
    return new Uint8Array(await blob.arrayBuffer());
  }

  private viewportHeight(): number {
    return Math.max(1, this.container.clientHeight);
  }

  private resize(): void {
    const w = Math.max(1, this.container.clientWidth);
    const h = this.viewportHeight();
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    if (!this.cameraPlaced) this.setCamera(null);
    this.axes.fit(this.camera, h);
    this.invalidate();
  }

  private onPointerUp(e: PointerEvent): void {
    if (e.button !== 0 || !this.frame) return;
    if (Math.hypot(e.clientX - this.down.x, e.clientY - this.down.y) > CLICK_SLOP_PX) return;
    const rect = this.canvas.getBoundingClientRect();
    this.pointer.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
    this.raycaster.setFromCamera(this.pointer, this.camera);
    const hit = this.raycaster.intersectObject(this.surface.mesh, false)[0];
    if (!hit) return;
    this.pickMarker.position.copy(hit.point).setZ(hit.point.z + 0.01);
    this.pickMarker.visible = true;
    this.invalidate();
    this.events.pick(this.frame.paramX(hit.point.x), this.frame.paramY(hit.point.y));
  }

  private onContextRestored(): void {
    this.contextLost = false;
    // three re-creates its own GL state on restore; our buffers and textures
    // are rebuilt from the last scene so nothing refers to dead GL objects.
    this.fixedScene.remove(this.surface.mesh);
    this.surface.dispose();
    this.surface = new SurfaceMesh();
    this.fixedScene.add(this.surface.mesh);
    this.disposeLayer();
    const message = this.message;
    const extra = this.runs.slice(message?.runs.length ?? 0);
    this.applyTheme(this.theme);
    if (message) {
      this.setScene(message);
      for (const run of extra) this.addRun(run);
    }
    this.render();
    this.events.restored();
  }
}
