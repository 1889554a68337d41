/**
 * Moves focus to a view's first-level heading once it has rendered, so a keyboard or screen-reader user
 * lands on the new view (after signing in, focus would otherwise fall to `<body>` with the removed form).
 */

/** The first `<h1>` below a root, looking into open shadow roots too. */
function findHeading(root: ParentNode): HTMLElement | null {
  const own = root.querySelector<HTMLElement>('h1');
  if (own) return own;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot ? findHeading(el.shadowRoot) : null;
    if (found) return found;
  }
  return null;
}

/** Focuses the first `<h1>` below `root` as soon as there is one (giving up after `timeoutMs`); resolves whether it did. */
export function focusHeadingWhenShown(root: ParentNode, timeoutMs = 5000): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const heading = findHeading(root);
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        resolve(true);
      } else if (performance.now() > until) resolve(false);
      else requestAnimationFrame(attempt);
    };
    attempt();
  });
}
