/** rehype plugin: every link that leaves the site gets rel="noopener noreferrer" (and keeps any rel it had). */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export const isExternal = (href: string): boolean => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(href);

export function relFor(existing: unknown): string[] {
  const rel = new Set(Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? existing.split(/\s+/) : []);
  rel.add('noopener');
  rel.add('noreferrer');
  rel.delete('');
  return [...rel];
}

export function rehypeExternalLinks() {
  const visit = (node: HastNode) => {
    if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string' && isExternal(node.properties.href)) {
      node.properties.rel = relFor(node.properties.rel);
    }
    node.children?.forEach(visit);
  };
  return visit;
}
