import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

export interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  moduleIds: string[];
}

/**
 * Build the app exactly as `npm run build` does, recording which modules went into which chunk,
 * so the benchmark can tell what the first page load really fetches.
 */
export async function buildWithGraph(root: string): Promise<ChunkInfo[]> {
  const chunks: ChunkInfo[] = [];
  const record: Plugin = {
    name: 'redsim-bench-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.push({
          fileName: out.fileName,
          isEntry: out.isEntry,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          moduleIds: out.moduleIds,
        });
      }
    },
  };
  await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn', plugins: [record] });
  return chunks;
}
