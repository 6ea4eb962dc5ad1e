import type { MatterDocument, RemedyBody } from '../generated/MatterDocument';

const where = (remedy: RemedyBody | undefined) =>
  remedy?.address ? `（地址：${remedy.address}${remedy.phone ? `，电话：${remedy.phone}` : ''}）` : '';

/**
 * The remedies a notice that refuses something states (行政许可法第三十八条第二款), with the bodies and
 * addresses the matter's guide names, and the law's general wording where it names none. The
 * periods are the statutes' (行政复议法: 六十日; 行政诉讼法: 六个月), never the matter's.
 */
export function remediesWords(remedies: MatterDocument['remedies']): string[] {
  const { reconsideration, litigation } = remedies ?? {};
  return [
    `如不服本决定，可以自收到本决定书之日起六十日内向${reconsideration?.body ?? '本机关的上一级行政机关或者本级人民政府'}申请行政复议${where(reconsideration)}；`,
    `或者自收到本决定书之日起六个月内向${litigation?.body ?? '有管辖权的人民法院'}提起行政诉讼${where(litigation)}。`,
  ];
}
