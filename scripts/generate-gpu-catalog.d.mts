export const CATALOG: string;
export const TABLES: string;
export function tablesText(tables: object): string;
