import { createColumnHelper, tableFeatures, type ColumnDef, type RowData } from '@tanstack/react-table'

/** The admin tables need columns only: the server filters and orders. */
export const adminTableFeatures = tableFeatures({})
export type AdminColumns<T extends RowData> = ColumnDef<typeof adminTableFeatures, T>[]

/** A column helper for an admin table of T. */
export function adminColumnHelper<T extends RowData>() {
  return createColumnHelper<typeof adminTableFeatures, T>()
}
