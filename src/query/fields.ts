/**
 * Field names accepted before a colon in a query (`author:…`), as data. Latin names are matched
 * case-insensitively; Arabic aliases are matched after the analyzer's normalization, so
 * `الكاتب:` and `الكاتِب:` are the same key. `date` is not a FieldName: it becomes `dateRanges`.
 */
import type { FieldName } from '../contracts.ts';
import { normalizeTerm } from '../analysis/analyzer.ts';

export type QueryField = FieldName | 'date';

const ALIASES: Record<QueryField, readonly string[]> = {
  title: ['title', 'العنوان', 'عنوان'],
  body: ['body', 'text', 'النص', 'نص', 'المتن'],
  author: ['author', 'by', 'الكاتب', 'كاتب', 'الكاتبة', 'المؤلف'],
  column: ['column', 'العمود', 'عمود', 'الزاوية'],
  source: ['source', 'المصدر', 'مصدر', 'الصحيفة', 'الجريدة'],
  category: ['category', 'section', 'القسم', 'قسم', 'التصنيف', 'الفئة'],
  tag: ['tag', 'tags', 'الوسم', 'وسم'],
  date: ['date', 'التاريخ', 'تاريخ'],
};

const BY_KEY = new Map<string, QueryField>();
for (const [field, names] of Object.entries(ALIASES) as [QueryField, readonly string[]][]) {
  for (const n of names) BY_KEY.set(fieldKey(n), field);
}

function fieldKey(name: string): string {
  return normalizeTerm(name.toLowerCase());
}

/** The field a name (the text before `:`) refers to, or undefined for an unknown name. */
export function fieldByName(name: string): QueryField | undefined {
  if (name.length === 0 || name.length > 20) return undefined;
  return BY_KEY.get(fieldKey(name));
}

/** All accepted names per field (for documentation and the help text). */
export const FIELD_ALIASES: Readonly<Record<QueryField, readonly string[]>> = ALIASES;
