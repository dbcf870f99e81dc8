import type { Config } from 'tailwindcss'

// Sober navy for the brand, amber only for focus and attention. White text on
// brand-700 and darker, and brand-800 text on brand-50, exceed 7:1 contrast.
export default {
  theme: {
    extend: {
      colors: {
        brand: {
          50: '#f1f5fa',
          100: '#dfe8f2',
          200: '#bccde2',
          600: '#2f5685',
          700: '#244670',
          800: '#1c3859',
          900: '#142a44',
        },
        focus: '#b45309',
      },
    },
  },
} satisfies Config
