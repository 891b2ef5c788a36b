import Papa from 'papaparse';

export interface CsvFile {
  fileName: string;
  headers: string[];
  /** Data rows, the header row excluded. */
  rows: string[][];
}

/** Bytes parsed per step: small enough that each step takes a few milliseconds and the page stays responsive. */
const CHUNK_BYTES = 256 * 1024;

/**
 * Parses a CSV file in the browser in chunks: each chunk is read by a FileReader and parsed in its own task, so
 * the page keeps responding (and can show progress) even for 100,000 rows. The delimiter is detected.
 */
export function parseCsvFile(file: File, onProgress: (share: number) => void): Promise<CsvFile> {
  return new Promise((resolve, reject) => {
    const all: string[][] = [];
    Papa.parse<string[]>(file, {
      skipEmptyLines: 'greedy',
      chunkSize: CHUNK_BYTES,
      chunk: (results) => {
        for (const row of results.data) all.push(row);
        onProgress(file.size ? Math.min(1, results.meta.cursor / file.size) : 1);
      },
      complete: () => {
        const [header = [], ...rows] = all;
        const headers = header.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim());
        resolve({ fileName: file.name, headers, rows });
      },
      error: (error) => reject(error),
    });
  });
}

/** Gives the browser a moment to paint and handle input between slices of work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
