// The loss surface: one indexed BufferGeometry over the sample grid, coloured
// by height with viridis and overlaid with contour lines, both computed per
// fragment from the normalized height so they stay smooth at any resolution.
// A non-finite sample is a hole: every triangle touching it is dropped.
// A new surface of the same resolution rewrites the existing buffers (only
// heights, normals and the index change; x and y of the grid do not).

import * as THREE from 'three';
import type { Surface } from '../src/shared/protocol';
import { viridisTable } from './colormap';
import { HEIGHT, type Frame } from './frame';

/** Contour lines per unit of normalized height. */
const CONTOURS = 16;

const vertexShader = /* glsl */ `
attribute float level;
varying float vLevel;
varying vec3 vNormal;
void main() {
  vLevel = level;
  vNormal = normal;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

// Lambert shading from a fixed light plus ambient, so shape reads without a
// light setup; contours are anti-aliased with fwidth (one pixel wide at any
// zoom). Colours are in three's linear working space (the colormap texture is
// marked sRGB, so sampling decodes it) and converted for the output, like
// three's own materials, so the surface composes with them in any target.
const fragmentShader = /* glsl */ `
uniform sampler2D colormap;
uniform vec3 contourColor;
uniform float contourStrength;
uniform float contours;
varying float vLevel;
varying vec3 vNormal;
void main() {
  vec3 n = normalize(vNormal) * (gl_FrontFacing ? 1.0 : -1.0);
  vec3 light = normalize(vec3(0.45, -0.6, 1.0));
  float shade = 0.62 + 0.38 * max(dot(n, light), 0.0);
  vec3 color = texture2D(colormap, vec2(clamp(vLevel, 0.0, 1.0), 0.5)).rgb * shade;
  float v = vLevel * contours;
  float dist = abs(fract(v + 0.5) - 0.5) / max(fwidth(v), 1e-6);
  float line = 1.0 - smoothstep(0.5, 1.5, dist);
  gl_FragColor = vec4(mix(color, contourColor, line * contourStrength), 1.0);
  #include <colorspace_fragment>
}
`;

export class SurfaceMesh {
  readonly mesh: THREE.Mesh<THREE.BufferGeometry, THREE.ShaderMaterial>;
  private resolution = 0;
  private readonly colormap: THREE.DataTexture;

  constructor() {
    this.colormap = new THREE.DataTexture(viridisTable(), 256, 1, THREE.RGBAFormat);
    this.colormap.colorSpace = THREE.SRGBColorSpace;
    this.colormap.magFilter = THREE.LinearFilter;
    this.colormap.minFilter = THREE.LinearFilter;
    this.colormap.needsUpdate = true;
    const material = new THREE.ShaderMaterial({
      vertexShader,
      fragmentShader,
      side: THREE.DoubleSide,
      uniforms: {
        colormap: { value: this.colormap },
        contourColor: { value: new THREE.Color(0, 0, 0) },
        contourStrength: { value: 0.35 },
        contours: { value: CONTOURS },
      },
      // Pushed back in depth so paths lifted just above it always win.
      polygonOffset: true,
      polygonOffsetFactor: 1,
      polygonOffsetUnits: 1,
    });
    this.mesh = new THREE.Mesh(new THREE.BufferGeometry(), material);
    this.mesh.frustumCulled = false;
  }

  setContourColor(color: string, strength: number): void {
    (this.mesh.material.uniforms.contourColor.value as THREE.Color).set(color);
    this.mesh.material.uniforms.contourStrength.value = strength;
  }

  get vertexCount(): number {
    return this.resolution * this.resolution;
  }

  /** Draws `surface` in `frame`; reuses the buffers when the resolution is unchanged. */
  update(surface: Surface, frame: Frame): void {
    const n = surface.resolution;
    if (n !== this.resolution) this.allocate(n);
    const geometry = this.mesh.geometry;
    const position = geometry.getAttribute('position') as THREE.BufferAttribute;
    const normal = geometry.getAttribute('normal') as THREE.BufferAttribute;
    const level = geometry.getAttribute('level') as THREE.BufferAttribute;
    const index = geometry.getIndex() as THREE.BufferAttribute;
    const pos = position.array as Float32Array;
    const lev = level.array as Float32Array;
    const heights = surface.heights;
    for (let k = 0; k < n * n; k++) {
      const f = heights[k];
      const l = Number.isFinite(f) ? frame.level(f) : 0;
      lev[k] = l;
      pos[3 * k + 2] = l * HEIGHT;
    }
    computeGridNormals(heights, pos, normal.array as Float32Array, n);
    const triangles = fillIndex(heights, index.array as Uint32Array, n);
    geometry.setDrawRange(0, triangles * 3);
    for (const attribute of [position, normal, level, index]) attribute.needsUpdate = true;
    geometry.computeBoundingSphere();
  }

  private allocate(n: number): void {
    this.mesh.geometry.dispose();
    const geometry = new THREE.BufferGeometry();
    const pos = new Float32Array(n * n * 3);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = j * n + i;
        pos[3 * k] = (i / (n - 1)) * 2 - 1;
        pos[3 * k + 1] = (j / (n - 1)) * 2 - 1;
      }
    }
    geometry.setAttribute('position', new THREE.BufferAttribute(pos, 3));
    geometry.setAttribute('normal', new THREE.BufferAttribute(new Float32Array(n * n * 3), 3));
    geometry.setAttribute('level', new THREE.BufferAttribute(new Float32Array(n * n), 1));
    geometry.setIndex(new THREE.BufferAttribute(new Uint32Array((n - 1) * (n - 1) * 6), 1));
    this.mesh.geometry = geometry;
    this.resolution = n;
  }

  /** Frees GPU resources; the mesh can be updated again afterwards (after a context loss, say). */
  dispose(): void {
    this.mesh.geometry.dispose();
    this.mesh.geometry = new THREE.BufferGeometry();
    this.resolution = 0;
    this.mesh.material.dispose();
    this.colormap.dispose();
  }
}

/** Normals from central differences of the world heights (one-sided at edges and next to holes). */
function computeGridNormals(heights: Float32Array, pos: Float32Array, out: Float32Array, n: number): void {
  const cell = 2 / (n - 1);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      const left = i > 0 && Number.isFinite(heights[k - 1]) ? k - 1 : k;
      const right = i < n - 1 && Number.isFinite(heights[k + 1]) ? k + 1 : k;
      const down = j > 0 && Number.isFinite(heights[k - n]) ? k - n : k;
      const up = j < n - 1 && Number.isFinite(heights[k + n]) ? k + n : k;
      const dx = (right - left) * cell; // columns apart × cell width
      const dy = ((up - down) / n) * cell; // rows apart × cell width
      const dzdx = dx > 0 ? (pos[3 * right + 2] - pos[3 * left + 2]) / dx : 0;
      const dzdy = dy > 0 ? (pos[3 * up + 2] - pos[3 * down + 2]) / dy : 0;
      const length = Math.hypot(dzdx, dzdy, 1);
      out[3 * k] = -dzdx / length;
      out[3 * k + 1] = -dzdy / length;
      out[3 * k + 2] = 1 / length;
    }
  }
}

/** Writes the triangles whose three corners are finite; returns how many. */
function fillIndex(heights: Float32Array, index: Uint32Array, n: number): number {
  let t = 0;
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const a = j * n + i;
      const b = a + 1;
      const c = a + n;
      const d = c + 1;
      const fa = Number.isFinite(heights[a]);
      const fb = Number.isFinite(heights[b]);
      const fc = Number.isFinite(heights[c]);
      const fd = Number.isFinite(heights[d]);
      if (fa && fb && fd) {
        index[3 * t] = a;
        index[3 * t + 1] = b;
        index[3 * t + 2] = d;
        t++;
      }
      if (fa && fd && fc) {
        index[3 * t] = a;
        index[3 * t + 1] = d;
        index[3 * t + 2] = c;
        t++;
      }
    }
  }
  return t;
}
