import type { ITheme } from '@xterm/xterm';

export type ConsoleTheme = 'light' | 'dark';

/**
 * The terminal's colours for the app's two themes. The console uses few of them, and those
 * must stay readable on both backgrounds: grey (90) for hints, yellow (33) for help's
 * `summary:` lines, dim for "Waiting for the reply...", red and green nowhere by default.
 */
const THEMES: Record<ConsoleTheme, ITheme> = {
  dark: {
    background: '#0f1216',
    foreground: '#e3e7ee',
    cursor: '#e3e7ee',
    cursorAccent: '#0f1216',
    selectionBackground: '#35507a',
    scrollbarSliderBackground: 'rgba(227, 231, 238, 0.14)',
    scrollbarSliderHoverBackground: 'rgba(227, 231, 238, 0.28)',
    scrollbarSliderActiveBackground: 'rgba(227, 231, 238, 0.38)',
    black: '#1b1f26',
    red: '#ff6b60',
    green: '#5fd08a',
    yellow: '#e8c15a',
    blue: '#6aa1ff',
    magenta: '#c79bff',
    cyan: '#5fd3d3',
    white: '#c9d1dc',
    brightBlack: '#7d8796',
    brightRed: '#ff8a80',
    brightGreen: '#8be0a8',
    brightYellow: '#f5d889',
    brightBlue: '#9cc1ff',
    brightMagenta: '#dcc2ff',
    brightCyan: '#8de6e6',
    brightWhite: '#ffffff',
  },
  light: {
    background: '#ffffff',
    foreground: '#1d2330',
    cursor: '#1d2330',
    cursorAccent: '#ffffff',
    selectionBackground: '#c5d8f7',
    scrollbarSliderBackground: 'rgba(29, 35, 48, 0.14)',
    scrollbarSliderHoverBackground: 'rgba(29, 35, 48, 0.28)',
    scrollbarSliderActiveBackground: 'rgba(29, 35, 48, 0.38)',
    black: '#1d2330',
    red: '#b3261e',
    green: '#1f7a3f',
    yellow: '#8a5a00',
    blue: '#2457b8',
    magenta: '#7d3c98',
    cyan: '#16707a',
    white: '#5c6675',
    brightBlack: '#6f7987',
    brightRed: '#d0342c',
    brightGreen: '#2a9350',
    brightYellow: '#a36b00',
    brightBlue: '#2f6fde',
    brightMagenta: '#9b4fbd',
    brightCyan: '#1b8a96',
    brightWhite: '#0b0e14',
  },
};

export function terminalTheme(theme: ConsoleTheme): ITheme {
  return THEMES[theme];
}
