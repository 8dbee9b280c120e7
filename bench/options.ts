/**
 * Sizes of every scenario. The defaults are the sizes the targets are set for (a 2,000-packet
 * import of about 200 MB, a 5,000-packet list, 1,000 edits, a 500 × 15 × 30 compile); `--small`
 * is a quick run-to-completion check.
 */
export interface BenchOptions {
  small: boolean;
  /** Import: packets, attachments per packet (one padded PDF, one small PNG, more PDFs), KiB per PDF. */
  packets: number;
  attachmentsPerPacket: number;
  attachmentKb: number;
  /** Packet list: packets in the listed round. */
  listPackets: number;
  /** Scoring: keystrokes, each one an edit that must be saved. */
  edits: number;
  /** Compile and export: packets × experts × criteria. */
  compilePackets: number;
  experts: number;
  criteria: number;
  /** Repetitions of the short measurements (compile, export, start, list). */
  repeats: number;
  port: number;
  out: string;
  /** Where the renderer and the CLI are built (DIST/bench-renderer, DIST/bench-cli). */
  dist: string;
  /** `--no-build`: use the renderer and the CLI a previous run built in DIST as they are. */
  build: boolean;
  /**
   * `--scale`: instead of the table, how import, list, compile and export grow with the round:
   * each of them once at every size of SCALE_SIZES (SMALL_SCALE_SIZES with --small).
   */
  scale: boolean;
  /**
   * Write CPU profiles (Chrome DevTools format) of the first import and of the keystroke →
   * durable save edits to OUT/import.cpuprofile and OUT/scoring.cpuprofile, named on stdout.
   */
  profile: boolean;
  /** `--only import,list`: measure just these figures (while working on one); null = all. */
  only: ReadonlySet<Figure> | null;
}

export const FIGURES = [
  'import',
  'list',
  'scoring',
  'compile',
  'export',
  'start',
  'reader',
] as const;
export type Figure = (typeof FIGURES)[number];

/** Packets per round in `--scale`: the figures' growth from a city's round to a province's. */
export const SCALE_SIZES = [500, 5000, 20000] as const;
export const SMALL_SCALE_SIZES = [20, 60] as const;
/** The figures `--scale` measures at each size. */
export const SCALE_FIGURES: ReadonlySet<Figure> = new Set(['import', 'list', 'compile', 'export']);

/** Whether `figure` is measured in this run. */
export const wants = (options: BenchOptions, figure: Figure) =>
  options.only === null || options.only.has(figure);

const DEFAULTS: BenchOptions = {
  small: false,
  packets: 2000,
  attachmentsPerPacket: 2,
  // Of the two attachments per packet only the PDF is padded: 2,000 × 100 KiB ≈ 200 MB.
  attachmentKb: 100,
  listPackets: 5000,
  edits: 1000,
  compilePackets: 500,
  experts: 15,
  criteria: 30,
  repeats: 5,
  port: 4273,
  out: 'bench-results',
  dist: 'dist',
  build: true,
  scale: false,
  profile: false,
  only: null,
};

const SMALL: Partial<BenchOptions> = {
  small: true,
  packets: 40,
  attachmentKb: 16,
  listPackets: 300,
  edits: 40,
  compilePackets: 20,
  experts: 5,
  criteria: 10,
  repeats: 2,
};

const NUMERIC: Record<string, keyof BenchOptions> = {
  '--packets': 'packets',
  '--attachments-per-packet': 'attachmentsPerPacket',
  '--attachment-kb': 'attachmentKb',
  '--list-packets': 'listPackets',
  '--edits': 'edits',
  '--compile-packets': 'compilePackets',
  '--experts': 'experts',
  '--criteria': 'criteria',
  '--repeats': 'repeats',
  '--port': 'port',
};

export const USAGE = `npm run bench -- [--small] ${Object.keys(NUMERIC)
  .map((flag) => `[${flag} N]`)
  .join(
    ' ',
  )} [--out DIR] [--dist DIR] [--no-build] [--profile] [--scale] [--only ${FIGURES.join(',')}]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS, ...(argv.includes('--small') ? SMALL : {}) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--small') continue;
    if (arg === '--profile') {
      options.profile = true;
      continue;
    }
    if (arg === '--no-build' || arg === '--scale') {
      if (arg === '--no-build') options.build = false;
      else options.scale = true;
      continue;
    }
    if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',');
      const unknown = names.filter((name) => !(FIGURES as readonly string[]).includes(name));
      if (unknown.length > 0)
        throw new Error(`unknown figure ${unknown.join(',')}\nusage: ${USAGE}`);
      options.only = new Set(names as Figure[]);
      continue;
    }
    if (arg === '--out' || arg === '--dist') {
      const key = arg === '--out' ? 'out' : 'dist';
      options[key] = argv[++i] ?? options[key];
      continue;
    }
    const key = NUMERIC[arg];
    const value = Number(argv[++i]);
    if (!key || !Number.isInteger(value) || value < 0) {
      throw new Error(`bad argument ${arg}\nusage: ${USAGE}`);
    }
    (options[key] as number) = value;
  }
  return options;
}
