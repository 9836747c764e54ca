/**
 * DocumentApp enums. Apps Script enums print as their names (String(DocumentApp.ElementType.TEXT)
 * is "TEXT") and are compared by identity in scripts; plain strings give both.
 * Reference: developers.google.com/apps-script/reference/document (Enum pages).
 */

function enumOf<T extends string>(...names: T[]): Readonly<Record<T, T>> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);
}

export const ElementType = enumOf(
  'BODY_SECTION', 'COMMENT_SECTION', 'DATE', 'EQUATION', 'EQUATION_FUNCTION', 'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL', 'RICH_LINK', 'FOOTER_SECTION', 'FOOTNOTE', 'FOOTNOTE_SECTION', 'HEADER_SECTION', 'HORIZONTAL_RULE',
  'INLINE_DRAWING', 'INLINE_IMAGE', 'LIST_ITEM', 'PAGE_BREAK', 'PARAGRAPH', 'PERSON', 'TABLE', 'TABLE_CELL',
  'TABLE_OF_CONTENTS', 'TABLE_ROW', 'TEXT', 'UNSUPPORTED',
);
export type ElementTypeName = keyof typeof ElementType;

export const ParagraphHeading = enumOf('NORMAL', 'HEADING1', 'HEADING2', 'HEADING3', 'HEADING4', 'HEADING5', 'HEADING6', 'TITLE', 'SUBTITLE');
export type Heading = keyof typeof ParagraphHeading;

export const HorizontalAlignment = enumOf('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export type Alignment = keyof typeof HorizontalAlignment;

export const VerticalAlignment = enumOf('BOTTOM', 'CENTER', 'TOP');

export const GlyphType = enumOf('BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET', 'NUMBER', 'LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_UPPER', 'ROMAN_LOWER');
export type Glyph = keyof typeof GlyphType;

export const TextAlignment = enumOf('NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT');
export const FontFamily = enumOf('ARIAL', 'CALIBRI', 'COMIC_SANS_MS', 'COURIER_NEW', 'GEORGIA', 'TIMES_NEW_ROMAN', 'TREBUCHET_MS', 'VERDANA');

/** DocumentApp.Attribute: the keys of attribute objects (style[DocumentApp.Attribute.BOLD] = true). */
export const Attribute = enumOf(
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR',
  'HEADING', 'HEIGHT', 'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC', 'GLYPH_TYPE',
  'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL', 'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP',
  'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT',
  'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE', 'VERTICAL_ALIGNMENT', 'WIDTH',
);

/** Character-level attributes kept per run of text. */
export const TEXT_ATTRIBUTES = ['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL'] as const;
export type TextAttrName = (typeof TEXT_ATTRIBUTES)[number];
export type TextAttrs = Partial<Record<TextAttrName, string | number | boolean | null>>;
