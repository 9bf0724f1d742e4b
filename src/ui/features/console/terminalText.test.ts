import { describe, expect, it } from 'vitest';
import { replyText } from './terminalText.js';
import { utf8Bytes, utf8Text } from './utf8.js';

describe('replyText', () => {
  it('turns line ends into CR LF and leaves plain text alone', () => {
    expect(replyText('OK\n')).toBe('OK\r\n');
    expect(replyText('# Server\r\nredis_version:7.0.15\r\n')).toBe('# Server\r\nredis_version:7.0.15\r\n');
    expect(replyText('a\tb\n')).toBe('a\tb\r\n');
  });

  it('shows bytes that would drive the terminal the way repr does', () => {
    expect(replyText('(error) ERR unknown command \'\x1b[2Jx\'\n')).toBe("(error) ERR unknown command '\\x1b[2Jx'\r\n");
    expect(replyText('a\rb')).toBe('a\\x0db');
    expect(replyText('bell\x07 del\x7f nul\0')).toBe('bell\\x07 del\\x7f nul\\x00');
  });

  it('prints valid UTF-8 as characters and escapes invalid bytes and C1 controls', () => {
    expect(replyText(utf8Bytes('naïve ☃ 你好 😀'))).toBe('naïve ☃ 你好 😀');
    expect(replyText('\xff\xc3(')).toBe('\\xff\\xc3(');
    expect(replyText(utf8Bytes('\u009b31m'))).toBe('\\xc2\\x9b31m');
    expect(replyText('\xed\xa0\x80')).toBe('\\xed\\xa0\\x80');
  });
});

describe('utf8', () => {
  it('encodes typed text to the bytes a UTF-8 terminal sends, and back', () => {
    expect(utf8Bytes('SET k 你好')).toBe('SET k \xe4\xbd\xa0\xe5\xa5\xbd');
    expect(utf8Bytes('plain')).toBe('plain');
    expect(utf8Text('\xe4\xbd\xa0')).toBe('你');
    expect(utf8Text(utf8Bytes('😀 é'))).toBe('😀 é');
  });
});
