export { ChangesWaitingPage } from './changes-waiting-page.tsx'
export { TrustedDeviceSection } from './trusted-device-section.tsx'
