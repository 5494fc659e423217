import { fieldInvalid } from './edxml-errors';
import { EDXML_NS } from './edxml-limits';

/** The edXML children of `parent` named `name` (direct children only: nesting is part of the shape). */
export function children(parent: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).namespaceURI === EDXML_NS && (node as Element).localName === name) found.push(node as Element);
  }
  return found;
}

/** Exactly one child (or none when optional): two of a single-valued field is a forged or broken header. */
export function child(parent: Element, name: string, path: string, required: true): Element;
export function child(parent: Element, name: string, path: string, required: false): Element | undefined;
export function child(parent: Element, name: string, path: string, required: boolean): Element | undefined {
  const found = children(parent, name);
  if (found.length > 1) throw fieldInvalid(`${path}/${name}`, 'lặp lại (repeated)');
  if (found.length === 0 && required) throw fieldInvalid(`${path}/${name}`, 'thiếu (missing)');
  return found[0];
}

/** Text of an element with its length bound; blank counts as absent. */
export function text(parent: Element, name: string, path: string, max: number, required: true): string;
export function text(parent: Element, name: string, path: string, max: number, required: false): string | undefined;
export function text(parent: Element, name: string, path: string, max: number, required: boolean): string | undefined {
  const node = child(parent, name, path, false);
  const value = node?.textContent?.trim();
  if (!value) {
    if (required) throw fieldInvalid(`${path}/${name}`, 'thiếu (missing)');
    return undefined;
  }
  if ([...value].length > max) throw fieldInvalid(`${path}/${name}`, `dài hơn ${max} ký tự (longer than ${max} characters)`);
  return value;
}

export function integer(parent: Element, name: string, path: string, min: number, max: number, required: boolean): number | undefined {
  const value = required ? text(parent, name, path, 12, true) : text(parent, name, path, 12, false);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw fieldInvalid(`${path}/${name}`, `không phải số từ ${min} đến ${max}`);
  return Number(value);
}
