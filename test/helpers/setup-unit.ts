// Unit and component test setup: jest-dom matchers, a clean DOM after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../src/domain/zod';

afterEach(() => cleanup());
