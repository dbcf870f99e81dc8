import { createContext, useContext } from 'react'
import type { Icd10CodeSet } from '../../../domain/icd10/index.ts'

/**
 * The ICD-10-CM code sets the practice loaded, for the diagnosis field's search. The worksheet
 * provides them; without a provider (training) the field is free text with format hints.
 */
export const CodeSetsContext = createContext<readonly Icd10CodeSet[] | undefined>(undefined)

export const useCodeSets = () => useContext(CodeSetsContext)
