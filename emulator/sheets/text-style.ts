/**
 * TextStyle, TextStyleBuilder, Color and ColorBuilder
 * (developers.google.com/apps-script/reference/spreadsheet/text-style,
 * /text-style-builder, /color, /color-builder): immutable values a Range reads and writes.
 */
import {normaliseColor} from './colors';
import {API_CLASS, unwrap} from './expose';
import type {FontSpec} from './model';

export const DEFAULT_FONT_FAMILY = 'Arial';
export const DEFAULT_FONT_SIZE = 10;
export const ColorType = {UNSUPPORTED: 'UNSUPPORTED', RGB: 'RGB', THEME: 'THEME'} as const;

export class RgbColor {
  readonly [API_CLASS] = 'RgbColor';
  constructor(private readonly hex: string) {}
  asHexString(): string {
    return this.hex;
  }
  getRed(): number {
    return parseInt(this.hex.slice(1, 3), 16);
  }
  getGreen(): number {
    return parseInt(this.hex.slice(3, 5), 16);
  }
  getBlue(): number {
    return parseInt(this.hex.slice(5, 7), 16);
  }
  getColorType(): string {
    return ColorType.RGB;
  }
}

export class Color {
  readonly [API_CLASS] = 'Color';
  constructor(readonly _hex: string) {}
  asRgbColor(): RgbColor {
    return new RgbColor(this._hex);
  }
  getColorType(): string {
    return ColorType.RGB;
  }
  toString(): string {
    return 'Color';
  }
}

export class ColorBuilder {
  readonly [API_CLASS] = 'ColorBuilder';
  private hex = '#000000';
  setRgbColor(cssString: string): this {
    this.hex = normaliseColor(cssString) ?? '#000000';
    return this;
  }
  asRgbColor(): RgbColor {
    return new RgbColor(this.hex);
  }
  getColorType(): string {
    return ColorType.RGB;
  }
  build(): Color {
    return new Color(this.hex);
  }
}

/** A colour given as '#rrggbb', a CSS name or a Color object. */
export function colorText(c: unknown): string | undefined {
  if (c === null || c === undefined) return undefined;
  const o = unwrap(c) as Color;
  if (o instanceof Color) return o._hex;
  return normaliseColor(String(c));
}

export interface TextStyleSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  family?: string;
  size?: number;
  color?: string;
}

export class TextStyle {
  readonly [API_CLASS] = 'TextStyle';
  constructor(readonly _spec: TextStyleSpec) {}
  copy(): TextStyleBuilder {
    return new TextStyleBuilder({...this._spec});
  }
  isBold(): boolean {
    return !!this._spec.bold;
  }
  isItalic(): boolean {
    return !!this._spec.italic;
  }
  isUnderline(): boolean {
    return !!this._spec.underline;
  }
  isStrikethrough(): boolean {
    return !!this._spec.strikethrough;
  }
  getFontFamily(): string {
    return this._spec.family ?? DEFAULT_FONT_FAMILY;
  }
  getFontSize(): number {
    return this._spec.size ?? DEFAULT_FONT_SIZE;
  }
  getForegroundColor(): string {
    return this._spec.color ?? '#000000';
  }
  getForegroundColorObject(): Color {
    return new Color(this.getForegroundColor());
  }
}

export class TextStyleBuilder {
  readonly [API_CLASS] = 'TextStyleBuilder';
  constructor(private readonly spec: TextStyleSpec = {}) {}
  setBold(v: boolean): this {
    this.spec.bold = !!v;
    return this;
  }
  setItalic(v: boolean): this {
    this.spec.italic = !!v;
    return this;
  }
  setUnderline(v: boolean): this {
    this.spec.underline = !!v;
    return this;
  }
  setStrikethrough(v: boolean): this {
    this.spec.strikethrough = !!v;
    return this;
  }
  setFontFamily(family: string | null): this {
    if (family === null) delete this.spec.family;
    else this.spec.family = String(family);
    return this;
  }
  setFontSize(size: number): this {
    this.spec.size = Number(size);
    return this;
  }
  setForegroundColor(color: string | null): this {
    const c = colorText(color);
    if (c) this.spec.color = c;
    else delete this.spec.color;
    return this;
  }
  setForegroundColorObject(color: unknown): this {
    return this.setForegroundColor(colorText(color) ?? null);
  }
  build(): TextStyle {
    return new TextStyle({...this.spec});
  }
}

/** A cell's font as a TextStyle. */
export function styleOfFont(f: FontSpec | undefined): TextStyle {
  return new TextStyle({
    bold: f?.weight === 'bold',
    italic: f?.style === 'italic',
    underline: f?.line === 'underline',
    strikethrough: f?.line === 'line-through',
    family: f?.family,
    size: f?.size,
    color: f?.color,
  });
}

/** Applies the parts a TextStyle sets to a cell's font. */
export function applyStyle(font: FontSpec, s: TextStyleSpec): void {
  if (s.bold !== undefined) font.weight = s.bold ? 'bold' : 'normal';
  if (s.italic !== undefined) font.style = s.italic ? 'italic' : 'normal';
  if (s.underline !== undefined || s.strikethrough !== undefined)
    font.line = s.underline ? 'underline' : s.strikethrough ? 'line-through' : 'none';
  if (s.family !== undefined) font.family = s.family;
  if (s.size !== undefined) font.size = s.size;
  if (s.color !== undefined) font.color = s.color;
}
