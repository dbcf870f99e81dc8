import { screen } from '@testing-library/react'
import type { WorksheetValues } from '../model/index.ts'

/** The harness's current form values (NaN reads back as null). */
export function readValues(): WorksheetValues {
  return JSON.parse(screen.getByTestId('values').textContent ?? '{}') as WorksheetValues
}
