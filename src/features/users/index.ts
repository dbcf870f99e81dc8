export { UserChooser } from './user-chooser.tsx'
export { ROLE_LABELS } from './model.ts'
export { forgetSessionUser, readSessionUser, rememberUser } from './session.ts'
