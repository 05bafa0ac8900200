// Stands in for VS Code around the preview webview in the test harness page.
// Loaded (with the page's nonce) before dist/webview.js. It provides
// acquireVsCodeApi (recording every posted message and the saved state),
// VS Code's theme: the --vscode-* variables on <html> and the body class,
// and records CSP violations and console warnings for the tests to read.
(() => {
  const palettes = {
    dark: {
      class: 'vscode-dark',
      vars: {
        'editor-background': '#1e1e1e',
        'editor-foreground': '#d4d4d4',
        foreground: '#cccccc',
        descriptionForeground: '#9d9d9d',
        focusBorder: '#007fd4',
        'panel-border': '#80808059',
        'button-background': '#0e639c',
        'button-foreground': '#ffffff',
        'button-hoverBackground': '#1177bb',
        'button-secondaryBackground': '#3a3d41',
        'button-secondaryForeground': '#ffffff',
        'button-secondaryHoverBackground': '#45494e',
        'dropdown-background': '#3c3c3c',
        'dropdown-foreground': '#f0f0f0',
        'dropdown-border': '#3c3c3c',
        'dropdown-listBackground': '#252526',
        'checkbox-background': '#3c3c3c',
        'checkbox-border': '#6b6b6b',
        'checkbox-foreground': '#f0f0f0',
        errorForeground: '#f48771',
        'inputValidation-errorBackground': '#5a1d1d',
        'inputValidation-errorBorder': '#be1100',
      },
    },
    light: {
      class: 'vscode-light',
      vars: {
        'editor-background': '#ffffff',
        'editor-foreground': '#000000',
        foreground: '#616161',
        descriptionForeground: '#717171',
        focusBorder: '#0090f1',
        'panel-border': '#80808059',
        'button-background': '#007acc',
        'button-foreground': '#ffffff',
        'button-hoverBackground': '#0062a3',
        'button-secondaryBackground': '#5f6a79',
        'button-secondaryForeground': '#ffffff',
        'button-secondaryHoverBackground': '#4c5561',
        'dropdown-background': '#ffffff',
        'dropdown-foreground': '#616161',
        'dropdown-border': '#cecece',
        'dropdown-listBackground': '#ffffff',
        'checkbox-background': '#ffffff',
        'checkbox-border': '#919191',
        'checkbox-foreground': '#616161',
        errorForeground: '#a1260d',
        'inputValidation-errorBackground': '#f2dede',
        'inputValidation-errorBorder': '#be1100',
      },
    },
    'high-contrast': {
      class: 'vscode-high-contrast',
      vars: {
        'editor-background': '#000000',
        'editor-foreground': '#ffffff',
        foreground: '#ffffff',
        descriptionForeground: '#ffffffb3',
        focusBorder: '#f38518',
        contrastBorder: '#6fc3df',
        'panel-border': '#6fc3df',
        'button-background': '#000000',
        'button-foreground': '#ffffff',
        'button-secondaryBackground': '#000000',
        'button-secondaryForeground': '#ffffff',
        'dropdown-background': '#000000',
        'dropdown-foreground': '#ffffff',
        'dropdown-border': '#6fc3df',
        'checkbox-background': '#000000',
        'checkbox-border': '#6fc3df',
        errorForeground: '#f48771',
        'inputValidation-errorBackground': '#000000',
        'inputValidation-errorBorder': '#f38518',
      },
    },
  };

  const kept = sessionStorage.getItem('vscode-state');
  const harness = {
    posted: [],
    /** performance.now() when each posted message arrived, and when the last message was sent. */
    postedAt: [],
    sentAt: 0,
    state: kept === null ? undefined : JSON.parse(kept),
    violations: [],
    warnings: [],
    setTheme(kind) {
      const palette = palettes[kind];
      const style = document.documentElement.style;
      for (let i = style.length - 1; i >= 0; i--) if (style[i].startsWith('--vscode-')) style.removeProperty(style[i]);
      style.setProperty('--vscode-font-family', 'system-ui, "DejaVu Sans", sans-serif');
      style.setProperty('--vscode-font-size', '13px');
      for (const [name, value] of Object.entries(palette.vars)) style.setProperty(`--vscode-${name}`, value);
      document.body.className = palette.class;
    },
    nextFrames() {
      return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    },
    canvas() {
      return document.querySelector('#view canvas');
    },
    canvasSize() {
      const c = harness.canvas();
      return [c.width, c.height];
    },
    /** The context the webview draws with (getContext returns the existing one). */
    loseContext() {
      harness.lose = harness.canvas().getContext('webgl2').getExtension('WEBGL_lose_context');
      harness.lose.loseContext();
    },
    restoreContext() {
      harness.lose.restoreContext();
    },
    contextLost() {
      return harness.canvas().getContext('webgl2').isContextLost();
    },
    isDisabled(id) {
      return document.getElementById(id).disabled === true;
    },
    /** Milliseconds from the last message sent to the last `rendered` posted. */
    renderLatency() {
      const i = harness.posted.findLastIndex((m) => m.type === 'rendered');
      return harness.postedAt[i] - harness.sentAt;
    },
    /** Frame times while the page runs for `ms` (requestAnimationFrame timestamps). */
    frameTimes(ms) {
      return new Promise((resolve) => {
        const times = [];
        const frame = (now) => {
          times.push(now);
          if (now - times[0] < ms) requestAnimationFrame(frame);
          else resolve(times);
        };
        requestAnimationFrame(frame);
      });
    },
    /** Delivers a message as VS Code does: a MessageEvent on the webview's window. */
    send(message) {
      harness.sentAt = performance.now();
      window.postMessage(message, '*');
    },
  };
  window.__harness = harness;

  document.addEventListener('securitypolicyviolation', (e) => {
    harness.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    harness.warnings.push(args.map(String).join(' '));
    warn(...args);
  };

  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi may only be called once');
    acquired = true;
    return {
      postMessage: (message) => {
        harness.posted.push(message);
        harness.postedAt.push(performance.now());
      },
      // Kept across reloads of the page, as VS Code keeps a webview's state
      // when its panel is hidden and shown again.
      getState: () => harness.state,
      setState: (state) => {
        harness.state = state;
        sessionStorage.setItem('vscode-state', JSON.stringify(state));
      },
    };
  };

  // The body exists: this script is loaded from inside <body>, before the bundle.
  harness.setTheme(new URLSearchParams(location.search).get('theme') || 'dark');
})();
