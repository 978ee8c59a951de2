/** With labels: each class's mean principal angle between its subspace in A and in aligned B, and the collapse metrics of A and B side by side. */
import { COMPARE_DOCS } from '../../compare/docs';
import type { ClassComparison } from '../../compare';
import { formatSig } from '../../format';
import { Tip } from '../Tip';
import { TableHead } from '../TableHead';

const COLLAPSE = [
  ['nc1', 'NC1', 'Tr(Sigma_W Sigma_B^+)/K; 0 = total within-class collapse'],
  ['cdnv', 'CDNV', 'mean over class pairs of (V_i + V_j) / (2 ||mu_i - mu_j||^2)'],
  ['equinorm', 'equinorm', 'std/mean of ||mu_k - mu_G||; 0 = equal norms'],
  ['equiangularity', 'equiangularity', 'mean |cos(mu_k, mu_l) + 1/(K-1)|; 0 = simplex angles'],
  ['etfDistance', 'ETF distance', '|| G/||G||_F - (I - 11^T/K)/sqrt(K-1) ||_F'],
] as const;

const deg = (rad: number | null) => (rad === null ? 'n/a' : `${formatSig((rad * 180) / Math.PI, 3)}°`);

export function ClassTable({ c }: { c: ClassComparison }) {
  const doc = COMPARE_DOCS.classAngles;
  return (
    <section className="metric-section" data-testid="compare-classes">
      <h3>
        <Tip tip={`${doc.formula}. ${doc.convention}`} placement="left">
          {`Per-class principal angles (top-${c.k})`}
        </Tip>
      </h3>
      <table className="cmp-table">
        <TableHead columns={['class', 'items', 'mean angle']} />
        <tbody>
          {c.names.map((name, k) => (
            <tr key={name} data-testid="compare-class-row" data-value={String(c.meanAngle[k])}>
              <td>{name}</td>
              <td>{c.counts[k]}</td>
              <td title={`${c.angles[k].map((a) => deg(a)).join(', ')} (ranks ${c.ranksA[k]} / ${c.ranksB[k]})`}>{deg(c.meanAngle[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Collapse, each side on its own</h3>
      <table className="cmp-table">
        <TableHead columns={['metric', 'A', 'B']} />
        <tbody>
          {COLLAPSE.map(([key, label, tip]) => (
            <tr key={key}>
              <td>
                <Tip tip={tip} placement="left">
                  {label}
                </Tip>
              </td>
              <td data-testid={`compare-collapse-a-${key}`} data-value={String(c.collapseA[key])}>
                {formatSig(c.collapseA[key], 3)}
              </td>
              <td data-testid={`compare-collapse-b-${key}`} data-value={String(c.collapseB[key])}>
                {formatSig(c.collapseB[key], 3)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
