// A small reader of the XML files the product writes (elements, attributes, no mixed text), so
// that a test checks a file's structure element by element without an XML library.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The document's root element; throws on a tag that does not close what it should. */
export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  for (const match of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g)) {
    const [, closing, name, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      if (text.trim() !== '') throw new Error(`unexpected text: ${text.trim().slice(0, 40)}`);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of (attributeText ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)) attributes[attribute[1]!] = unescape(attribute[2]!);
    const element: XmlElement = { name: name!, attributes, children: [] };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('two roots');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('unclosed document');
  return root;
}
