/** The claim-history import's parsing lives in the domain (the group server checks uploads with it). */
export * from '../../../domain/history-import/index.ts'
