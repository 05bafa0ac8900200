// The page of the axis-label test: the real LandscapeScene in a canvas of a
// chosen size, and the box on screen of every label it draws. Bundled by the
// test with esbuild; plain JS like harness.js, so it may read the scene's
// private camera and axes.
import * as THREE from 'three';
import { LandscapeScene } from '../../../webview/scene';
import { readTheme } from '../../../webview/theme';

/** Boxes in CSS pixels from the canvas's top-left corner, of the labels that are drawn (visible, under visible groups). */
function labelBoxes(scene, width, height) {
  const camera = scene.camera;
  const projection = camera.projectionMatrix.elements;
  const anchor = new THREE.Vector3();
  const boxes = [];
  scene.axes.group.traverseVisible((o) => {
    if (!(o instanceof THREE.Sprite)) return;
    o.getWorldPosition(anchor).project(camera);
    // A sprite without size attenuation is scale × projection wide in normalized device coordinates.
    const w = (o.scale.x * projection[0] * width) / 2;
    const h = (o.scale.y * projection[5] * height) / 2;
    const left = ((anchor.x + 1) / 2) * width - o.center.x * w;
    const top = ((1 - anchor.y) / 2) * height - (1 - o.center.y) * h;
    boxes.push({ left, top, right: left + w, bottom: top + h });
  });
  return boxes;
}

window.__labels = {
  /** Draws the scene (heights as a plain array) in a new width × height view, as the webview does at startup, and returns the label boxes. */
  show(message, width, height) {
    const view = document.createElement('div');
    view.id = 'view';
    view.style.cssText = `width: ${width}px; height: ${height}px`;
    document.body.replaceChildren(view);
    const scene = new LandscapeScene(view, readTheme(), { pick() {}, cameraChanged() {}, restored() {} });
    scene.setScene({ ...message, surface: { ...message.surface, heights: Float32Array.from(message.surface.heights) } });
    scene.render();
    return labelBoxes(scene, width, height);
  },
};
