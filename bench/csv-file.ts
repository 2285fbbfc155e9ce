import { createWriteStream, existsSync, mkdirSync, renameSync } from "fs";
import { join } from "path";
import { tmpdir } from "os";
import seedrandom from "seedrandom";

/**
 * A synthetic firm panel as a CSV file of `rows` rows × 8 columns (id, year, y, x1…x5): firms
 * observed for 20 years, entity and year effects correlated with the regressors, y = Σ 0.1·j·xj
 * + effects + noise, 6 significant digits as a user's export would have them. Written once per
 * size into the system's temp folder (fixed seed, so every run and every program reads the same file).
 */
export async function benchCsv(rows: number): Promise<string> {
  const dir = join(tmpdir(), "econsheet-bench");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `panel-${rows}.csv`);
  if (existsSync(path)) return path;
  const rng = seedrandom(`csv-${rows}`);
  const T = 20;
  const G = Math.ceil(rows / T);
  const at = Array.from({ length: T }, () => rng() * 2 - 1);
  const tmp = path + ".part";
  const out = createWriteStream(tmp);
  let chunk = "id,year,y,x1,x2,x3,x4,x5\n";
  let n = 0;
  for (let g = 0; g < G && n < rows; g++) {
    const ae = rng() * 2 - 1;
    for (let t = 0; t < T && n < rows; t++, n++) {
      let y = ae + 0.5 * at[t];
      let line = `${g + 1},${2000 + t},`;
      const xs: string[] = [];
      for (let j = 0; j < 5; j++) {
        const x = Number((rng() + 0.5 * ae + 0.3 * at[t]).toPrecision(6));
        xs.push(String(x));
        y += (j + 1) * 0.1 * x;
      }
      y += rng() - 0.5;
      line += `${Number(y.toPrecision(6))},${xs.join(",")}\n`;
      chunk += line;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
        chunk = "";
      }
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, path);
  return path;
}
