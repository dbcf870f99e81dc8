import {
  columnVisibilityFeature, createColumnHelper, rowSelectionFeature, tableFeatures, type ColumnDef,
} from '@tanstack/react-table'
import { createElement } from 'react'
import { QUEUE_COLUMNS } from '../model/export.ts'
import type { QueueRow } from '../model/types.ts'
import { ActionsCell, DataCell, SelectBox } from './queue-cells.tsx'

/** TanStack runs only columns, visibility and selection: filtering and sorting are queueView's (fast on 100,000 lines). */
export const queueFeatures = tableFeatures({ columnVisibilityFeature, rowSelectionFeature })

const helper = createColumnHelper<typeof queueFeatures, QueueRow>()

/** The queue's columns: a selection box, the data columns of QUEUE_COLUMNS, then the line's actions. */
export const queueColumns = [
  helper.display({
    id: 'select', header: 'Select', enableHiding: false,
    cell: ({ row }) => createElement(SelectBox, { row: row.original, checked: row.getIsSelected(), onChange: (on: boolean) => row.toggleSelected(on) }),
  }),
  ...QUEUE_COLUMNS.map((c) => helper.display({ id: c.id, header: c.header, cell: ({ row }) => createElement(DataCell, { id: c.id, row: row.original }) })),
  helper.display({ id: 'actions', header: 'Actions', enableHiding: false, cell: ({ row }) => createElement(ActionsCell, { row: row.original }) }),
] as ColumnDef<typeof queueFeatures, QueueRow>[]
