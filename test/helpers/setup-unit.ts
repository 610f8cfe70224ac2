// Unit and component test setup: jest-dom matchers, a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../src/domain/zod';

afterEach(() => cleanup());

// jsdom does not lay pages out, so it has no scrolling; the app scrolls a focused field into view.
if (typeof Element !== 'undefined' && !('scrollIntoView' in Element.prototype))
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: () => undefined });
