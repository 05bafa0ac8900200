// Materials replaced by a new scene (or theme), disposed only after the
// frame that draws their successors.
//
// three.js deletes a shader program as soon as the last material using it is
// disposed. Disposing the old paths' and labels' materials before the new
// ones were drawn made WebGL compile and link those same programs again on
// every edit, which on software WebGL (SwiftShader) took most of the time
// from a new scene to the screen. Kept until the next frame, the old
// materials hold the programs until the new ones have taken them over.

import type * as THREE from 'three';

export class RetiredMaterials {
  private materials: THREE.Material[] = [];

  add(...materials: THREE.Material[]): void {
    this.materials.push(...materials);
  }

  /** Called after a frame has been drawn. */
  dispose(): void {
    for (const m of this.materials) m.dispose();
    this.materials = [];
  }
}
