import type { Fees } from '../api/intakeApi';

/** 分 as 元 with two decimals: the amounts are integers in 分, never floating-point money. */
export const yuanText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')} 元`;

/** The fee lines a department plugin priced, with their basis and the total (apply page and 材料接收凭证). */
export function FeeTable({ fees, className = 'receipt-table' }: { fees: Fees; className?: string }) {
  return (
    <>
      <table className={className}>
        <thead>
          <tr>
            <th scope="col">收费项目</th>
            <th scope="col">单价</th>
            <th scope="col">数量</th>
            <th scope="col">金额</th>
            <th scope="col">收费依据</th>
          </tr>
        </thead>
        <tbody>
          {fees.lines.map((line, index) => (
            <tr key={`${line.item}-${index}`}>
              <td>{line.item}</td>
              <td data-label="单价">{yuanText(line.amountFen)}</td>
              <td data-label="数量">{line.quantity}</td>
              <td data-label="金额">{yuanText(line.amountFen * line.quantity)}</td>
              <td data-label="收费依据">{line.basis}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              合计
            </th>
            <td className="fee-total">{yuanText(fees.totalFen)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      {fees.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
    </>
  );
}
