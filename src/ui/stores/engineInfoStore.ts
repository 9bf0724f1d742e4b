import { create } from 'zustand';
import type { EngineInfo } from '../../protocol/api.js';

/** The topology as the worker describes it; null until the worker has answered. */
export const useEngineInfoStore = create<{ info: EngineInfo | null }>(() => ({ info: null }));
