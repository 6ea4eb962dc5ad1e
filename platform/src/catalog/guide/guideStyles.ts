/** Print styles of the guide page: A4, 宋体-like serif body, tables that do not split a row across pages. */
export const GUIDE_CSS = `
@page { size: A4; margin: 18mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { color: #1a1a1a; background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 12px; font: 14px/1.7 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; }
h1 { font-size: 22px; text-align: center; margin: 8px 0 4px; }
.subtitle { text-align: center; color: #404040; margin: 0 0 16px; }
h2 { font-size: 17px; border-bottom: 2px solid #1a1a1a; padding-bottom: 2px; margin: 20px 0 8px; break-after: avoid; }
h3 { font-size: 15px; margin: 14px 0 6px; break-after: avoid; }
p { margin: 4px 0; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; }
th, td { border: 1px solid #595959; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #ededed; font-weight: bold; }
th[scope="row"] { width: 24%; }
thead th { white-space: nowrap; }
.law-table td:nth-child(1), .law-table td:nth-child(3) { white-space: nowrap; }
.law-table td:nth-child(2) { width: 28%; }
tr { break-inside: avoid; }
caption { text-align: left; font-weight: bold; padding: 2px 0; }
ol, ul { margin: 4px 0; padding-left: 24px; }
.mark { font-weight: bold; }
.note { color: #404040; font-size: 13px; }
.situation { border-left: 3px solid #595959; padding-left: 10px; margin: 10px 0 16px; }
a { color: #0b4f9c; }
footer { margin-top: 24px; font-size: 12px; color: #404040; border-top: 1px solid #595959; padding-top: 6px; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } .situation { break-inside: auto; } }
`;
